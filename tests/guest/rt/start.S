/* Rewind guest runtime: reset entry for every hart.
 *
 * Boot state assumed (QEMU virt/spike with -bios none, and Rewind):
 *   every hart starts at the ELF entry in M-mode, a0 = mhartid, interrupts off,
 *   all other registers unspecified. RAM is zero except for the loaded segments.
 *
 * - harts >= RT_MAX_HARTS park in wfi for ever;
 * - every other hart checks in (amoadd on __rt_checkin, used by rt_nharts()),
 *   sets gp and its own stack (16 KiB each, hart 0 at the top);
 * - hart 0 copies .data (only if its load address differs) and clears .bss,
 *   then releases the other harts through __rt_boot_flag;
 * - hart 0 calls main(); when main returns r, rt_exit(r) ends the machine;
 * - other harts call hart_main(hartid) (weak default in rt.c: park).
 */
#include "rt_config.h"

#if __riscv_xlen == 64
#define REG_S sd
#define REG_L ld
#else
#define REG_S sw
#define REG_L lw
#endif

        .section .text.init, "ax"
        .globl  _start
_start:
        .option push
        .option norelax
        la      gp, __global_pointer$
        .option pop
        mv      s0, a0                  /* s0 = hart id (from a0, per boot contract) */
        li      t0, RT_MAX_HARTS
        bgeu    s0, t0, rt_park
        la      t0, __rt_checkin
        li      t1, 1
        amoadd.w zero, t1, (t0)
        la      sp, __stacks_end
        slli    t0, s0, RT_STACK_SHIFT
        sub     sp, sp, t0
        bnez    s0, 3f

        /* hart 0: copy .data if needed (LMA != VMA), clear .bss */
        la      t0, __data_load
        la      t1, __data_start
        la      t2, __data_end
        beq     t0, t1, 2f
1:      bgeu    t1, t2, 2f
        lw      t3, 0(t0)
        sw      t3, 0(t1)
        addi    t0, t0, 4
        addi    t1, t1, 4
        j       1b
2:      la      t0, __bss_start
        la      t1, __bss_end
1:      bgeu    t0, t1, 2f
        sw      zero, 0(t0)
        addi    t0, t0, 4
        j       1b
2:      fence   rw, rw
        la      t0, __rt_boot_flag
        li      t1, 1
        amoswap.w.rl zero, t1, (t0)
        call    main
        call    rt_exit                 /* a0 = main's return value */
        j       rt_park

        /* other harts: wait for hart 0's release, then hart_main(hartid) */
3:      la      t0, __rt_boot_flag
4:      lw      t1, 0(t0)
        beqz    t1, 4b
        fence   r, rw
        mv      a0, s0
        call    hart_main
        /* fall through: park */
        .globl  rt_park
rt_park:
        wfi
        j       rt_park

        .section .data
        .balign 4
        .globl  __rt_boot_flag, __rt_checkin
__rt_boot_flag: .word 0                 /* set to 1 by hart 0 after .bss is ready */
__rt_checkin:   .word 0                 /* number of harts that reached _start */
