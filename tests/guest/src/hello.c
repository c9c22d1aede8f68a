/* hello: every hart prints "hello from hart K" in hart order (atomic ticket), then
 * hart 0 exits 0. With one hart the output is the single line "hello from hart 0". */
#include "rt.h"

static volatile int ticket;   /* hart whose turn it is to print */

static void take_turn(int hart) {
    while (__atomic_load_n(&ticket, __ATOMIC_ACQUIRE) != hart) { }
    rt_printf("hello from hart %d\n", hart);
    __atomic_fetch_add(&ticket, 1, __ATOMIC_RELEASE);
}

void hart_main(int hartid) { take_turn(hartid); }

int main(void) {
    int n = rt_nharts();
    take_turn(0);
    while (__atomic_load_n(&ticket, __ATOMIC_ACQUIRE) != n) { }
    return 0;
}
