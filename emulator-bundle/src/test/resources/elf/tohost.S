# HTIF guest: hart 0 prints "hi\n" through the HTIF console (device 1, command 1),
# waiting for fromhost to acknowledge each byte, then exits with code 3 by writing (3<<1)|1 to tohost.
    .section .text.start, "ax"
    .globl _start
_start:
    csrr  t0, mhartid
    bnez  t0, park
    la    a0, message
    la    a1, tohost
    la    a2, fromhost
    li    t3, 0x0101000000000000   # device 1, command 1
1:  lbu   t1, 0(a0)
    beqz  t1, done
    or    t2, t3, t1
    sd    t2, 0(a1)
2:  ld    t4, 0(a2)                # wait for the host's acknowledgement
    beqz  t4, 2b
    sd    zero, 0(a2)
    addi  a0, a0, 1
    j     1b
done:
    li    t0, 7                    # (3 << 1) | 1: exit code 3
    sd    t0, 0(a1)
park:
    wfi
    j     park

    .section .rodata
message:
    .asciz "hi\n"

    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
tohost: .dword 0
    .size tohost, 8
    .align 6
    .globl fromhost
fromhost: .dword 0
    .size fromhost, 8
