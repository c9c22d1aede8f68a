/* symbols fixture: a multi-file program for the symbol reader and the debugger (see tests/guest/README.md).
 * Exits 0 when every computed value is as expected, 1 otherwise. Harts 1.. run hart_main (a short loop). */
#include "rt.h"
#include "types.h"

volatile int g_counter;                  /* global, volatile */
const int g_table[5] = {2, 3, 5, 7, 11}; /* global const array */
static int s_calls;                      /* file static */
int hart_done[8];

static int step_loop(int n) {            /* a loop for step tests: one statement per line */
    int acc = 0;
    for (int i = 0; i < n; i++) {
        acc += g_table[i % 5];
        g_counter++;
    }
    return acc;
}

void hart_main(int hartid) {
    static int hart_static;              /* function static */
    int spins = 0;
    for (int i = 0; i < 50 * hartid; i++) {
        spins += i & 3;
    }
    hart_static = spins;
    hart_done[hartid & 7] = hart_static + 1;
}

int main(void) {
    int ok = 1;
    s_calls++;
    int steps = step_loop(10);
    ok &= steps == 2 * (2 + 3 + 5 + 7 + 11);
    struct node *head = list_build(5);
    ok &= list_sum(head) == 150;
    int sq = shapes_area(&shapes[0]);
    int tri = shapes_area(&shapes[1]);
    ok &= sq == 16 && tri == 9;
    ok &= shapes_grid_total() == 78;
    int w = walk_a(0);
    ok &= walk_reached == WALK_DEPTH + 100 && w > 0;
    union value v = shapes[1].tag;
    ok &= v.bytes[0] == 0xef;
    binop_fn f = shapes[0].combine;
    ok &= f(s_calls, 2) == 3;
    rt_printf("symbols: %s\n", ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
