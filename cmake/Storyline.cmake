# Warnings and sanitizers for our own targets only; dependencies are SYSTEM.
# -Wno-restrict: g++ 12 reports false positives in std::string at -O3
# (GCC bug 105329).
set(STORYLINE_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Werror
    $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
if(STORYLINE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# storyline_library(NAME DEPS ...): a static library `storyline_NAME` built
# from every .cc file in the current folder.
function(storyline_library name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  add_library(storyline_${name} STATIC ${sources})
  target_include_directories(storyline_${name}
    PUBLIC ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(storyline_${name} PRIVATE ${STORYLINE_WARNINGS})
  target_link_libraries(storyline_${name} PUBLIC ${ARG_DEPS})
endfunction()

# storyline_allocator(TARGET): links a program with jemalloc when enabled.
# Libraries leave the allocator to the program that uses them.
function(storyline_allocator target)
  if(STORYLINE_JEMALLOC)
    target_link_libraries(${target} PRIVATE PkgConfig::JEMALLOC)
  endif()
endfunction()

# storyline_test(STAGE DEPS ...): one GoogleTest binary per tests/ folder.
# Files named *_data_test.cc read ../shared and are added only when it exists.
function(storyline_test stage)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  if(NOT STORYLINE_HAVE_SHARED)
    list(FILTER sources EXCLUDE REGEX "_data_test\\.cc$")
  endif()
  if(NOT sources)
    return()
  endif()
  add_executable(${stage}_test ${sources})
  target_compile_options(${stage}_test PRIVATE ${STORYLINE_WARNINGS})
  target_include_directories(${stage}_test PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(${stage}_test PRIVATE
    STORYLINE_SHARED_DIR="${STORYLINE_SHARED_DIR}"
    STORYLINE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  target_link_libraries(${stage}_test PRIVATE ${ARG_DEPS} GTest::gtest_main GTest::gmock)
  gtest_discover_tests(${stage}_test DISCOVERY_TIMEOUT 60
    PROPERTIES LABELS ${stage})
endfunction()
