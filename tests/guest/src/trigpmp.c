/* trigpmp: the guest's own trigger module (Sdtrig) and PMP, on hart 0 (other harts park).
 *   - store trigger (mcontrol6, M-mode) on one word: the store traps (cause 3) before it happens, neighbours don't
 *   - execute trigger on a marked nop: the nop traps (cause 3) at its own pc and is skipped
 *   - load trigger (legacy mcontrol, type 2) on another word
 *   - PMP: a 4 KiB page read-only for U-mode, everything else open (entry 15); U-mode reads the page, its store faults
 *     (cause 7, mtval = the address), other stores work; ecall returns to M-mode
 *   - a locked NA4 entry binds M-mode too: an M-mode store to it faults (cause 7)
 * mtval of a trigger's breakpoint is not printed (QEMU 7.2 leaves 0, the debug spec asks for the address).
 * Triggers fire in M-mode only while mstatus.MIE is 1 (the debug spec's re-entrancy rule), so MIE is set around
 * them; no interrupt is enabled. Prints one line per check, "trigpmp: ok" and exits 0 (1 on any mismatch). */
#include "rt.h"
#include "trap_entry.h"

static volatile uintptr_t last_cause, last_epc, last_tval;
static volatile int traps;
static volatile uint32_t words[32];
static volatile uint32_t page[1024] __attribute__((aligned(4096)));
static int fails;

uintptr_t trap_handler(uintptr_t cause, uintptr_t epc, uintptr_t tval) {
    last_cause = cause; last_epc = epc; last_tval = tval;
    traps++;
    if (cause == 8) {                      /* ecall from U-mode: return to M-mode after it */
        CSR_SET(mstatus, 3UL << 11);
        return epc + 4;
    }
    uint16_t low = *(volatile uint16_t *)epc;
    return epc + ((low & 3) == 3 ? 4 : 2);
}

static void check(const char *what, int ok) {
    rt_printf("%-34s %s\n", what, ok ? "ok" : "FAIL");
    if (!ok) fails++;
}

#define TYPE(t) ((unsigned long)(t) << (__riscv_xlen - 4))
#define M_BIT 0x40UL
#define U_BIT 0x08UL
#define EXECUTE 0x4UL
#define STORE 0x2UL
#define LOAD 0x1UL

static void arm(int index, unsigned long tdata1, uintptr_t addr) {
    CSR_WRITE(0x7a0, index);
    CSR_WRITE(0x7a1, 0);
    CSR_WRITE(0x7a2, addr);
    CSR_WRITE(0x7a1, tdata1);
}

extern char tpoint[];

int main(void) {
    CSR_WRITE(mtvec, (uintptr_t)trap_entry);
    /* enumeration (up to 2: QEMU 7.2 has 2 triggers, Rewind 4): tselect keeps what it was written while a trigger
     * exists there */
    int n = 0;
    for (int i = 0; i < 2; i++) {
        CSR_WRITE(0x7a0, i);
        if (CSR_READ(0x7a0) != (unsigned long)i) break;
        n++;
    }
    check("triggers: at least 2", n >= 2);

    CSR_SET(mstatus, 8);
    int t0 = traps;
    arm(0, TYPE(6) | M_BIT | STORE, (uintptr_t)&words[8]);
    words[0] = 1; words[8] = 2; words[16] = 3;
    check("store trigger: one trap, cause 3", traps == t0 + 1 && last_cause == 3);
    check("store trigger: store did not happen", words[8] == 0 && words[0] == 1 && words[16] == 3);

    t0 = traps;
    arm(1, TYPE(6) | M_BIT | EXECUTE, (uintptr_t)tpoint);
    __asm__ volatile(".option push\n .option norvc\n .globl tpoint\n tpoint: nop\n .option pop" ::: "memory");
    check("execute trigger: cause 3 at its pc", traps == t0 + 1 && last_cause == 3 && last_epc == (uintptr_t)tpoint);
    arm(1, 0, 0);

    t0 = traps;
    arm(0, TYPE(2) | M_BIT | LOAD, (uintptr_t)&words[16]);
    uint32_t a = words[0], b = words[16];
    (void)a; (void)b;
    check("load trigger (mcontrol): one trap", traps == t0 + 1 && last_cause == 3);
    arm(0, 0, 0);
    CSR_CLEAR(mstatus, 8);

    /* PMP entry 0: the page, NAPOT 4 KiB, R; entry 15 (the last to match): everything, NAPOT, RWX */
    CSR_WRITE(0x3b0, ((uintptr_t)page >> 2) | 0x1ff);
    CSR_WRITE(0x3bf, -1L);
    CSR_WRITE(0x3a0, 0x19);
#if __riscv_xlen == 64
    CSR_SET(0x3a2, 0x1fUL << 56);
#else
    CSR_SET(0x3a3, 0x1fUL << 24);
#endif
    page[0] = 41;
    t0 = traps;
    __asm__ volatile("la t0, 1f\n csrw mepc, t0\n li t1, 0x1800\n csrc mstatus, t1\n mret\n 1:" ::: "t0", "t1", "memory");
    uint32_t seen = page[0];
    page[1] = 7;
    uintptr_t fault_tval = last_tval, fault_cause = last_cause;
    words[24] = seen + 1;
    __asm__ volatile("ecall" ::: "memory");
    check("pmp: U-mode reads the read-only page", seen == 41);
    check("pmp: its store faults, cause 7, mtval", fault_cause == 7 && fault_tval == (uintptr_t)&page[1] && page[1] == 0);
    check("pmp: U-mode stores elsewhere", words[24] == 42);
    check("pmp: two traps (store, ecall)", traps == t0 + 2 && last_cause == 8);

    /* entry 2: NA4 over words[0], locked, read-only: binds M-mode */
    t0 = traps;
    CSR_WRITE(0x3b2, (uintptr_t)&words[0] >> 2);
    CSR_SET(0x3a0, 0x91UL << 16);
    words[0] = 9;
    check("pmp: locked entry binds M-mode", traps == t0 + 1 && last_cause == 7 && words[0] == 1);
    CSR_WRITE(0x3b2, 0);
    check("pmp: locked pmpaddr ignores writes", CSR_READ(0x3b2) == (uintptr_t)&words[0] >> 2);

    rt_printf("trigpmp: %s\n", fails ? "FAILED" : "ok");
    return fails ? 1 : 0;
}
