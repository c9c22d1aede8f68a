/* symbols fixture: the other half of the mutual recursion. */
#include "types.h"

__attribute__((noinline)) int walk_b(int depth) {
    walk_ra[depth] = (uintptr_t)__builtin_return_address(0);
    int local = depth * 3;
    int r = walk_a(depth + 1);
    return r + local;
}
