/* Rewind guest runtime: tiny bare-metal support for test programs.
 * Memory map as QEMU virt: UART 16550 0x10000000, test finisher 0x100000, CLINT 0x2000000. */
#ifndef RT_H
#define RT_H
#include <stdint.h>
#include <stddef.h>
#include <stdarg.h>
#include "rt_config.h"

#define UART_BASE     0x10000000UL
#define FINISHER_BASE 0x00100000UL
#define CLINT_BASE    0x02000000UL
#define CLINT_MSIP(h)     (CLINT_BASE + 4UL * (h))
#define CLINT_MTIMECMP(h) (CLINT_BASE + 0x4000UL + 8UL * (h))
#define CLINT_MTIME       (CLINT_BASE + 0xBFF8UL)

#define MMIO32(a) (*(volatile uint32_t *)(uintptr_t)(a))
#define MMIO8(a)  (*(volatile uint8_t *)(uintptr_t)(a))

#define CSR_READ(name) ({ unsigned long v_; __asm__ volatile("csrr %0, " #name : "=r"(v_)); v_; })
#define CSR_WRITE(name, v) __asm__ volatile("csrw " #name ", %0" :: "r"((unsigned long)(v)))
#define CSR_SET(name, v)   __asm__ volatile("csrs " #name ", %0" :: "r"((unsigned long)(v)))
#define CSR_CLEAR(name, v) __asm__ volatile("csrc " #name ", %0" :: "r"((unsigned long)(v)))

int  main(void);                 /* hart 0 */
void hart_main(int hartid);      /* harts 1..RT_MAX_HARTS-1; weak default parks */

void rt_putc(char c);            /* raw UART output, no lock */
void rt_puts(const char *s);     /* whole string under the print lock, adds '\n' */
int  rt_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int  rt_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
int  rt_snprintf(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

__attribute__((noreturn)) void rt_exit(int code);   /* 0 -> 0x5555, else (code<<16)|0x3333 */
__attribute__((noreturn)) void rt_park(void);       /* wfi for ever */

/* Number of harts running: harts check in at _start; this waits until the count has
 * been stable for RT_SETTLE_TICKS of mtime and RT_SETTLE_SPINS own loop iterations
 * (~15 instructions each), or reached RT_MAX_HARTS. Hart 0 only. Assumes a scheduler
 * quantum below ~300k instructions. Costs ~1M instructions (Rewind: mtime = virtual time). */
int rt_nharts(void);
#define RT_SETTLE_TICKS 1000000u   /* 100 ms of QEMU virt mtime (10 MHz) */
#define RT_SETTLE_SPINS 20000u

uint64_t rt_mtime(void);
void rt_set_mtimecmp(int hart, uint64_t t);

/* spinlock on GCC atomic builtins (amoswap.w.aq / amoswap.w.rl) */
typedef struct { volatile int v; } rt_lock_t;
static inline void rt_lock(rt_lock_t *l) {
    while (__atomic_exchange_n(&l->v, 1, __ATOMIC_ACQUIRE))
        while (__atomic_load_n(&l->v, __ATOMIC_RELAXED)) { }
}
static inline void rt_unlock(rt_lock_t *l) { __atomic_store_n(&l->v, 0, __ATOMIC_RELEASE); }

void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int   memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
#endif
