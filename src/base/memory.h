// Handing freed memory back to the system.
#pragma once

namespace storyline {

// Returns the free pages of the heap to the system. Memory freed in many
// small blocks (documents, term counts) otherwise stays with the process,
// out of reach of its own later large allocations (which are mapped
// apart) and of other processes on the machine, such as the other ranks
// of a job. Costs a walk over the heap: call it after freeing a stage's
// data, not in a loop.
void ReleaseFreedMemory();

}  // namespace storyline
