// Hints to the CPU and the kernel that change no result, only how fast memory is read.
#ifndef RINGSIDE_HINTS_H
#define RINGSIDE_HINTS_H

#include <stddef.h>

// Starts loading the cache line at `address` for a read soon (GCC/Clang builtin; a no-op
// where the target has no prefetch instruction).
static inline __attribute__((always_inline)) void ringside_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

// Asks the kernel to back the whole 2 MB pages inside [address, address + bytes) with huge
// pages when they are first touched (Linux transparent huge pages, `madvise` mode). A
// table read at random, such as a large ring's fingers, then misses the TLB far less.
// Does nothing elsewhere, for small ranges, or when the kernel says no.
void ringside_prefer_huge_pages(void *address, size_t bytes);

#endif
