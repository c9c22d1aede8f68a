/* uartirq: an interrupt-driven UART driver (FreeRTOS/Zephyr style) over the PLIC, on 1..8 harts.
 * Every hart queues its lines into a transmit ring; the UART's THR-empty interrupt (16550 IER.THRI, PLIC
 * source 10, routed to hart 0's M-mode context) drains the ring on hart 0: claim, write bytes while LSR.THRE,
 * switch THRI off when the ring is empty, complete. Harts take turns (ticket) so the output is the same on
 * any machine: "hart K: line J" for K = 0..N-1, J = 1..3, then "uartirq: N harts, ok" and exit 0 (1 and
 * "uartirq: FAIL ..." when no interrupt came, an unexpected trap came or a claim returned another source). */
#include "rt.h"
#include "trap_entry.h"

#define PLIC_BASE        0x0C000000UL
#define PLIC_PRIORITY(s) (PLIC_BASE + 4UL * (s))
#define PLIC_ENABLE(c)   (PLIC_BASE + 0x2000UL + 0x80UL * (c))
#define PLIC_THRESHOLD(c) (PLIC_BASE + 0x200000UL + 0x1000UL * (c))
#define PLIC_CLAIM(c)    (PLIC_BASE + 0x200004UL + 0x1000UL * (c))
#define UART_IRQ 10
#define UART_THR (UART_BASE + 0)
#define UART_IER (UART_BASE + 1)
#define UART_LSR (UART_BASE + 5)
#define IER_THRI 0x02
#define LSR_THRE 0x20
#define INTR_BIT ((uintptr_t)1 << (__riscv_xlen - 1))
#define RING 512

static char ring[RING];
static volatile unsigned head, tail;      /* head: next byte to send (ISR), tail: next free slot */
static rt_lock_t producer_lock, ier_lock;
static volatile int irqs, bad;
static volatile int ticket;

/* Runs with interrupts off on this hart, so the ISR on hart 0 never waits for a lock its own hart holds. */
static unsigned long irq_off(void) {
    unsigned long s;
    __asm__ volatile("csrrci %0, mstatus, 8" : "=r"(s));
    return s & 8;
}
static void irq_restore(unsigned long s) { if (s) CSR_SET(mstatus, 8); }

uintptr_t trap_handler(uintptr_t cause, uintptr_t epc, uintptr_t tval) {
    (void)tval;
    if (cause != (INTR_BIT | 11)) { bad++; rt_exit(1); }
    unsigned id = MMIO32(PLIC_CLAIM(0));
    if (id == UART_IRQ) {
        irqs++;
        rt_lock(&ier_lock);
        while ((MMIO8(UART_LSR) & LSR_THRE) && head != tail) {
            MMIO8(UART_THR) = (uint8_t)ring[head % RING];
            head = head + 1;
        }
        if (head == tail) MMIO8(UART_IER) = MMIO8(UART_IER) & ~IER_THRI;
        rt_unlock(&ier_lock);
    } else if (id != 0) {
        bad++;
    }
    if (id != 0) MMIO32(PLIC_CLAIM(0)) = id;
    return epc;
}

static void irq_puts(const char *s) {
    rt_lock(&producer_lock);
    for (; *s; s++) {
        while (tail - head >= RING) { }       /* full: hart 0's interrupt drains it */
        ring[tail % RING] = *s;
        unsigned long st = irq_off();
        rt_lock(&ier_lock);
        tail = tail + 1;
        MMIO8(UART_IER) = MMIO8(UART_IER) | IER_THRI;
        rt_unlock(&ier_lock);
        irq_restore(st);
    }
    rt_unlock(&producer_lock);
}

static void take_turn(int hart) {
    while (ticket != hart) { }
    char line[64];
    for (int j = 1; j <= 3; j++) {
        rt_snprintf(line, sizeof line, "hart %d: line %d\n", hart, j);
        irq_puts(line);
    }
    __atomic_fetch_add(&ticket, 1, __ATOMIC_SEQ_CST);
}

void hart_main(int hartid) { take_turn(hartid); }

int main(void) {
    CSR_WRITE(mtvec, (uintptr_t)trap_entry);
    MMIO32(PLIC_PRIORITY(UART_IRQ)) = 1;
    MMIO32(PLIC_THRESHOLD(0)) = 0;
    MMIO32(PLIC_ENABLE(0)) = 1u << UART_IRQ;
    CSR_SET(mie, 1u << 11);                  /* MEIE */
    CSR_SET(mstatus, 1u << 3);               /* MIE */
    int n = rt_nharts();
    take_turn(0);
    while (ticket != n) { }
    char line[64];
    rt_snprintf(line, sizeof line, "uartirq: %d harts, %s\n", n, irqs > 0 && bad == 0 ? "ok" : "FAIL");
    irq_puts(line);
    while (head != tail) { }
    while (MMIO8(UART_IER) & IER_THRI) { }
    CSR_CLEAR(mstatus, 1u << 3);
    return irqs > 0 && bad == 0 ? 0 : 1;
}
