#include "base/memory.h"

#include <malloc.h>

namespace storyline {

void ReleaseFreedMemory() { malloc_trim(0); }

}  // namespace storyline
