# UART input guest: hart 0 reads bytes from the UART 16550 at 0x10000000 (polling LSR bit 0),
# echoes each one upper-cased (a-z), stops after '\n' and exits through the test finisher
# with code = number of bytes read. Other harts wait in wfi.
    .section .text.start, "ax"
    .globl _start
_start:
    csrr  t0, mhartid
    bnez  t0, park
    li    a1, 0x10000000
    li    s0, 0                  # bytes read
read:
    lbu   t2, 5(a1)              # LSR
    andi  t2, t2, 1              # data ready
    beqz  t2, read
    lbu   t1, 0(a1)              # RBR
    addi  s0, s0, 1
    li    t3, 'a'
    bltu  t1, t3, 1f
    li    t3, 'z'
    bgtu  t1, t3, 1f
    addi  t1, t1, -32
1:  lbu   t2, 5(a1)
    andi  t2, t2, 0x20           # THR empty
    beqz  t2, 1b
    sb    t1, 0(a1)
    li    t3, '\n'
    bne   t1, t3, read
    slli  t0, s0, 16
    li    t3, 0x3333
    or    t0, t0, t3
    li    a1, 0x100000
    sw    t0, 0(a1)
park:
    wfi
    j     park
