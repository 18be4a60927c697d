#include "ringside_hints.h"

#include <stdint.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

void ringside_prefer_huge_pages(void *address, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t start = ((uintptr_t)address + huge - 1) & ~(huge - 1);
    uintptr_t end = ((uintptr_t)address + bytes) & ~(huge - 1);
    if (end > start) {
        // Advice only: on failure the pages stay ordinary and every result is the same.
        (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
    }
#else
    (void)address;
    (void)bytes;
#endif
}
