/* A direct-mode M-mode trap entry shared by trap.c and timer.c. It saves the
 * caller-saved registers, calls `uintptr_t trap_handler(uintptr_t mcause,
 * uintptr_t mepc, uintptr_t mtval)` and resumes at the returned address (mret). */
#ifndef TRAP_ENTRY_H
#define TRAP_ENTRY_H
#if __riscv_xlen == 64
#define TE_S "sd"
#define TE_L "ld"
#define TE_W "8"
#else
#define TE_S "sw"
#define TE_L "lw"
#define TE_W "4"
#endif
void trap_entry(void);
__asm__(
    "  .section .text\n"
    "  .balign 4\n"
    "  .globl trap_entry\n"
    "trap_entry:\n"
    "  addi sp, sp, -16*" TE_W "\n"
    "  " TE_S " ra, 0*" TE_W "(sp)\n  " TE_S " t0, 1*" TE_W "(sp)\n  " TE_S " t1, 2*" TE_W "(sp)\n"
    "  " TE_S " t2, 3*" TE_W "(sp)\n  " TE_S " a0, 4*" TE_W "(sp)\n  " TE_S " a1, 5*" TE_W "(sp)\n"
    "  " TE_S " a2, 6*" TE_W "(sp)\n  " TE_S " a3, 7*" TE_W "(sp)\n  " TE_S " a4, 8*" TE_W "(sp)\n"
    "  " TE_S " a5, 9*" TE_W "(sp)\n  " TE_S " a6, 10*" TE_W "(sp)\n  " TE_S " a7, 11*" TE_W "(sp)\n"
    "  " TE_S " t3, 12*" TE_W "(sp)\n  " TE_S " t4, 13*" TE_W "(sp)\n  " TE_S " t5, 14*" TE_W "(sp)\n"
    "  " TE_S " t6, 15*" TE_W "(sp)\n"
    "  csrr a0, mcause\n  csrr a1, mepc\n  csrr a2, mtval\n"
    "  call trap_handler\n"
    "  csrw mepc, a0\n"
    "  " TE_L " ra, 0*" TE_W "(sp)\n  " TE_L " t0, 1*" TE_W "(sp)\n  " TE_L " t1, 2*" TE_W "(sp)\n"
    "  " TE_L " t2, 3*" TE_W "(sp)\n  " TE_L " a0, 4*" TE_W "(sp)\n  " TE_L " a1, 5*" TE_W "(sp)\n"
    "  " TE_L " a2, 6*" TE_W "(sp)\n  " TE_L " a3, 7*" TE_W "(sp)\n  " TE_L " a4, 8*" TE_W "(sp)\n"
    "  " TE_L " a5, 9*" TE_W "(sp)\n  " TE_L " a6, 10*" TE_W "(sp)\n  " TE_L " a7, 11*" TE_W "(sp)\n"
    "  " TE_L " t3, 12*" TE_W "(sp)\n  " TE_L " t4, 13*" TE_W "(sp)\n  " TE_L " t5, 14*" TE_W "(sp)\n"
    "  " TE_L " t6, 15*" TE_W "(sp)\n"
    "  addi sp, sp, 16*" TE_W "\n"
    "  mret\n");
#endif
