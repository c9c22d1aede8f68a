/* timer: takes TICKS machine timer interrupts on hart 0 through the CLINT.
 * Sets mtvec (direct), mtimecmp[0] = mtime + PERIOD, mie.MTIE, mstatus.MIE and waits in
 * wfi; each interrupt (mcause = interrupt bit | 7) re-arms mtimecmp; after the last one
 * it writes mtimecmp = all ones. Checks that mtime advanced by at least TICKS*PERIOD and
 * that no other trap came. Prints "timer: 5 interrupts ok", exits 0 (1 on failure).
 * Rewind needs: mtime = virtual time that keeps advancing while the hart sits in wfi. */
#include "rt.h"
#include "trap_entry.h"

#define TICKS  5
#define PERIOD 10000u
#define INTR_BIT ((uintptr_t)1 << (__riscv_xlen - 1))

static volatile int ticks, bad_traps;
static volatile uintptr_t bad_cause;

uintptr_t trap_handler(uintptr_t cause, uintptr_t epc, uintptr_t tval) {
    (void)tval;
    if (cause == (INTR_BIT | 7)) {
        ticks++;
        rt_set_mtimecmp(0, ticks < TICKS ? rt_mtime() + PERIOD : ~(uint64_t)0);
        return epc;                         /* interrupt: resume at the interrupted pc */
    }
    bad_traps++;
    bad_cause = cause;
    rt_exit(1);
}

int main(void) {
    CSR_WRITE(mtvec, (uintptr_t)trap_entry);
    uint64_t start = rt_mtime();
    rt_set_mtimecmp(0, start + PERIOD);
    CSR_SET(mie, 1u << 7);                  /* MTIE */
    CSR_SET(mstatus, 1u << 3);              /* MIE */
    while (ticks < TICKS) __asm__ volatile("wfi");
    CSR_CLEAR(mstatus, 1u << 3);
    CSR_CLEAR(mie, 1u << 7);
    uint64_t elapsed = rt_mtime() - start;
    int ok = ticks == TICKS && bad_traps == 0 && elapsed >= (uint64_t)TICKS * PERIOD;
    rt_printf("timer: %d interrupts %s\n", ticks, ok ? "ok" : "FAIL");
    if (!ok) rt_printf("timer: elapsed %llu ticks, bad traps %d\n", (unsigned long long)elapsed, bad_traps);
    return ok ? 0 : 1;
}
