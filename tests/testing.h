// Paths to test data: the labeled development data (../shared) and the
// corpus the project ships (data/sample).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace storyline::testing {

inline std::string SharedDir() { return STORYLINE_SHARED_DIR; }
inline std::string SeedsDir() { return SharedDir() + "/seeds"; }
inline std::string DataDir() { return SharedDir() + "/data"; }
inline std::string SampleDir() {
  return std::string(STORYLINE_SOURCE_DIR) + "/data/sample";
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace storyline::testing
