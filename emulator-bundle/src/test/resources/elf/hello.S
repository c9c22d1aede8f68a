# Minimal bare-metal guest: hart 0 prints "hello\n" on the UART at 0x10000000,
# then writes 0x5555 to the test finisher at 0x100000 (pass). Other harts wait in wfi.
    .section .text.start, "ax"
    .globl _start
_start:
    csrr  t0, mhartid
    bnez  t0, park
    la    a0, message
    li    a1, 0x10000000
1:  lbu   t1, 0(a0)
    beqz  t1, done
2:  lbu   t2, 5(a1)          # LSR
    andi  t2, t2, 0x20       # THR empty
    beqz  t2, 2b
    sb    t1, 0(a1)
    addi  a0, a0, 1
    j     1b
done:
    li    a1, 0x100000
    li    t0, 0x5555
    sw    t0, 0(a1)
park:
    wfi
    j     park

    .section .rodata
    .globl message
    .type message, @object
message:
    .asciz "hello\n"
    .size message, . - message

    .data
    .globl counter
    .type counter, @object
    .align 3
counter:
    .dword 42
    .size counter, 8

    .bss
    .globl scratch
    .type scratch, @object
scratch:
    .space 64
    .size scratch, 64
