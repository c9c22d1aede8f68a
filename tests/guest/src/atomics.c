/* atomics: all harts hammer shared counters with AMOs, LR/SC loops and a spinlock;
 * hart 0 checks the totals. Exit 0 if every check holds, 1 otherwise.
 * Instructions used: amoadd/amoswap/amoor/amoand/amomax(u)/amomin(u)/amoxor .w (and .d
 * on RV64), lr.w/sc.w (lr.d/sc.d on RV64), fence. */
#include "rt.h"

#define ITERS 2000

static volatile uint32_t amo_counter;
static volatile uint32_t lrsc_counter;
static volatile uint32_t locked_counter;
static volatile uint64_t locked_wide;          /* 64-bit RMW under the lock */
static volatile uint32_t or_bits, and_bits = 0xffffffffu, xor_bits;
static volatile int32_t  max_val = -1000, min_val = 1000;
static volatile uint32_t maxu_val, minu_val = 0xffffffffu;
#if __riscv_xlen == 64
static volatile uint64_t amo_counter64, lrsc_counter64;
#endif
static rt_lock_t lock;
static volatile int go, done;

static void lrsc_inc32(volatile uint32_t *p) {
    uint32_t tmp, fail;
    __asm__ volatile("1: lr.w %0, (%2)\n"
                     "   addi %0, %0, 1\n"
                     "   sc.w %1, %0, (%2)\n"
                     "   bnez %1, 1b\n"
                     : "=&r"(tmp), "=&r"(fail) : "r"(p) : "memory");
}

#if __riscv_xlen == 64
static void lrsc_inc64(volatile uint64_t *p) {
    uint64_t tmp, fail;
    __asm__ volatile("1: lr.d %0, (%2)\n"
                     "   addi %0, %0, 3\n"
                     "   sc.d %1, %0, (%2)\n"
                     "   bnez %1, 1b\n"
                     : "=&r"(tmp), "=&r"(fail) : "r"(p) : "memory");
}
#endif

static void work(int hart) {
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE)) { }
    for (int i = 0; i < ITERS; i++) {
        __atomic_fetch_add(&amo_counter, 1, __ATOMIC_RELAXED);
        lrsc_inc32(&lrsc_counter);
        rt_lock(&lock);
        locked_counter = locked_counter + 1;
        locked_wide = locked_wide + 0x100000001ull;
        rt_unlock(&lock);
        __atomic_fetch_xor(&xor_bits, 1u << (i & 31), __ATOMIC_RELAXED);
#if __riscv_xlen == 64
        __atomic_fetch_add(&amo_counter64, 0x100000000ull, __ATOMIC_RELAXED);
        lrsc_inc64(&lrsc_counter64);
#endif
    }
    __atomic_fetch_or(&or_bits, 1u << hart, __ATOMIC_RELAXED);
    __atomic_fetch_and(&and_bits, ~(1u << hart), __ATOMIC_RELAXED);
    int32_t sv = hart * 10 - 15;               /* signed: -15, -5, 5, 15, ... */
    __asm__ volatile("amomax.w zero, %0, (%1)" :: "r"(sv), "r"(&max_val) : "memory");
    __asm__ volatile("amomin.w zero, %0, (%1)" :: "r"(sv), "r"(&min_val) : "memory");
    uint32_t uv = 100u + (uint32_t)hart;
    __asm__ volatile("amomaxu.w zero, %0, (%1)" :: "r"(uv), "r"(&maxu_val) : "memory");
    __asm__ volatile("amominu.w zero, %0, (%1)" :: "r"(uv), "r"(&minu_val) : "memory");
    __atomic_fetch_add(&done, 1, __ATOMIC_RELEASE);
}

void hart_main(int hart) { work(hart); }

static int fails;
static void check(const char *what, unsigned long long got, unsigned long long want) {
    int ok = got == want;
    rt_printf("%-14s %llu %s\n", what, got, ok ? "ok" : "FAIL");
    if (!ok) { rt_printf("  expected %llu\n", want); fails++; }
}

static void check_signed(const char *what, long long got, long long want) {
    int ok = got == want;
    rt_printf("%-14s %lld %s\n", what, got, ok ? "ok" : "FAIL");
    if (!ok) { rt_printf("  expected %lld\n", want); fails++; }
}

int main(void) {
    int n = rt_nharts();
    rt_printf("atomics: %d harts, %d iterations each\n", n, ITERS);
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    work(0);
    while (__atomic_load_n(&done, __ATOMIC_ACQUIRE) != n) { }
    unsigned long long total = (unsigned long long)n * ITERS;
    uint32_t mask = (n >= 32) ? 0xffffffffu : ((1u << n) - 1);
    check("amoadd.w", amo_counter, total);
    check("lr/sc.w", lrsc_counter, total);
    check("spinlock", locked_counter, total);
    check("spinlock-64", locked_wide, total * 0x100000001ull);
    check("amoxor.w", xor_bits, (n % 2) ? 0xffffu : 0);   /* per hart: bits 0-15 flip 63x, 16-31 62x */
    check("amoor.w", or_bits, mask);
    check("amoand.w", and_bits, ~mask);
    check_signed("amomax.w", max_val, (n - 1) * 10 - 15);
    check_signed("amomin.w", min_val, -15);
    check("amomaxu.w", maxu_val, 100u + (unsigned)n - 1);
    check("amominu.w", minu_val, 100u);
#if __riscv_xlen == 64
    check("amoadd.d", amo_counter64, total << 32);
    check("lr/sc.d", lrsc_counter64, total * 3);
#endif
    rt_printf("atomics: %s\n", fails ? "FAILED" : "all ok");
    return fails ? 1 : 0;
}
