/* symbols fixture: mutual recursion across recurse.c and walk.c (unwinding tests stop in symbols_deepest). */
#include "types.h"

volatile uintptr_t walk_ra[WALK_DEPTH + 2];
volatile int walk_reached;

__attribute__((noinline)) void symbols_deepest(int depth) {
    walk_reached = depth + 100;
}

__attribute__((noinline)) int walk_a(int depth) {
    walk_ra[depth] = (uintptr_t)__builtin_return_address(0);
    if (depth >= WALK_DEPTH) {
        symbols_deepest(depth);
        return 1;
    }
    int r = walk_b(depth + 1);           /* not a tail call: the result is used */
    return r * 2 + depth;
}
