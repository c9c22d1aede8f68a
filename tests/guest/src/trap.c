/* trap: installs an mtvec handler (direct mode) and provokes synchronous exceptions:
 *   ecall                     -> mcause 11 (environment call from M-mode), mtval 0
 *   c.unimp (0x0000, 16-bit)  -> mcause 2 (illegal instruction)
 *   unimp (csrrw x0, cycle, x0 = 0xc0001073, 32-bit: write to read-only CSR) -> mcause 2
 *   amoadd.w on a misaligned address -> mcause 6 (store/AMO address misaligned), mtval = address
 *     (the privileged spec's cause for AMOs; QEMU 7.2 reports 4, load address misaligned,
 *     so 4 is accepted too and the line says which one was seen)
 * The handler records mcause/mepc/mtval and resumes after the faulting instruction
 * (mepc + 2 or + 4, judged from the instruction's low bits). Prints one line per trap,
 * "trap: all ok" and exits 0; any mismatch prints FAIL and exits 1. Hart 0 only. */
#include "rt.h"
#include "trap_entry.h"

static volatile uintptr_t last_cause, last_epc, last_tval;
static volatile int traps;

uintptr_t trap_handler(uintptr_t cause, uintptr_t epc, uintptr_t tval) {
    last_cause = cause; last_epc = epc; last_tval = tval;
    traps++;
    uint16_t low = *(volatile uint16_t *)epc;
    return epc + ((low & 3) == 3 ? 4 : 2);
}

static int fails;
static void expect(const char *what, uintptr_t site, uintptr_t cause, int check_tval, uintptr_t tval) {
    if (cause == 6 && last_cause == 4) cause = 4;          /* QEMU 7.2 quirk, see above */
    int ok = last_cause == cause && last_epc == site && (!check_tval || last_tval == tval);
    rt_printf("%-14s mcause=%lu mepc=%s mtval=0x%lx %s\n", what, (unsigned long)last_cause,
              last_epc == site ? "ok" : "WRONG", (unsigned long)last_tval, ok ? "ok" : "FAIL");
    if (!ok) fails++;
}

/* Each probe returns the address of its faulting instruction. */
static uintptr_t probe_ecall(void) {
    uintptr_t site;
    __asm__ volatile(".option push\n .option norvc\n la %0, 1f\n 1: ecall\n .option pop" : "=&r"(site) :: "memory");
    return site;
}
static uintptr_t probe_cunimp(void) {
    uintptr_t site;
    __asm__ volatile("la %0, 1f\n 1: .2byte 0\n" : "=&r"(site) :: "memory");
    return site;
}
static uintptr_t probe_unimp32(void) {
    uintptr_t site;
    __asm__ volatile(".option push\n .option norvc\n la %0, 1f\n 1: .4byte 0xc0001073\n .option pop" : "=&r"(site) :: "memory");
    return site;
}
static volatile uint32_t words[4];
static uintptr_t probe_amo(uintptr_t addr) {
    uintptr_t site;
    __asm__ volatile("la %0, 1f\n 1: amoadd.w zero, %1, (%2)\n" : "=&r"(site) : "r"(1), "r"(addr) : "memory");
    return site;
}

int main(void) {
    CSR_WRITE(mtvec, (uintptr_t)trap_entry);
    rt_printf("trap: mtvec=0x%lx\n", (unsigned long)CSR_READ(mtvec));
    uintptr_t s;
    s = probe_ecall();   expect("ecall", s, 11, 0, 0);
    s = probe_cunimp();  expect("c.unimp", s, 2, 0, 0);
    s = probe_unimp32(); expect("unimp", s, 2, 0, 0);
    uintptr_t bad = (uintptr_t)&words[1] + 1;
    s = probe_amo(bad);  expect("amo-misaligned", s, 6, 1, bad);
    if (traps != 4) { rt_printf("trap: %d traps taken, expected 4\n", traps); fails++; }
    rt_printf("trap: %s\n", fails ? "FAILED" : "all ok");
    return fails ? 1 : 0;
}
