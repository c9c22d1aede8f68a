/* ttbench: the time-travel benchmark's guest (releng/bench/timetravel.sh).
 *
 * Every hart runs the same branch-free loop: TT_WORDS pseudo-random read-modify-writes per
 * iteration into its own 1 MiB heap (RAM above _end, zero at boot, so no .bss clearing cost),
 * which keeps dirtying pages the way a real program does. Hart 0 calls tt_mark(k) right after
 * iteration tt_mark_iters[k]; the iteration counts are chosen so that, on ONE hart, the call
 * happens after ~1e6, ~1e7, ~1e8 and ~1e9 retired instructions (exact counts in
 * tests/guest/README.md). A debugger stops at a depth reproducibly with
 * `break tt_mark` + `ignore <bp> k` (QEMU record/replay) — no host timing involved.
 * Harts 1.. run the same loop on their own heaps (for the multi-hart runs) and then park.
 * Output: "ttbench: <harts> harts x <iters> iterations, checksum 0x<acc>", exit 0. */
#include "rt.h"

#define TT_WORDS      32                    /* read-modify-writes per iteration */
#define TT_HEAP_BYTES (1u << 20)            /* per hart */
#define TT_HEAP_MASK  (TT_HEAP_BYTES / 4 - 1)

/* Hart 0 iterations after which tt_mark(0..3) is called; ~1e6/1e7/1e8/1e9 instructions. */
const uint32_t tt_mark_iters[4] = { TT_MARK0, TT_MARK1, TT_MARK2, TT_MARK3 };
#define TT_ITERS (TT_MARK3 + TT_MARK3 / 100)   /* run 1% beyond the last mark */

extern char _end[];
static volatile uint32_t checksums[RT_MAX_HARTS];
volatile uint32_t tt_marks_seen;

__attribute__((noinline)) void tt_mark(uint32_t k) {
    __asm__ volatile("" ::: "memory");
    tt_marks_seen = k + 1;
}

static uint32_t *heap(int hart) {
    uintptr_t base = ((uintptr_t)_end + 0xfffffu) & ~(uintptr_t)0xfffffu;
    return (uint32_t *)(base + (uintptr_t)hart * TT_HEAP_BYTES);
}

static inline uint32_t step(uint32_t *h, uint32_t *rng, uint32_t acc) {
    for (int k = 0; k < TT_WORDS; k++) {
        uint32_t r = *rng = *rng * 1664525u + 1013904223u;
        uint32_t *p = &h[(r >> 9) & TT_HEAP_MASK];
        uint32_t v = *p;
        v = (v * 2654435761u) ^ r ^ (v >> 13);
        *p = v;
        acc += v;
    }
    return acc;
}

static uint32_t run(int hart) {
    uint32_t *h = heap(hart), rng = 0x9e3779b9u * (uint32_t)(hart + 1), acc = 0;
    uint32_t next = 0, mark = hart == 0 ? tt_mark_iters[0] : 0xffffffffu;
    for (uint32_t i = 1; i <= TT_ITERS; i++) {
        acc = step(h, &rng, acc);
        if (i == mark) {
            tt_mark(next);
            next++;
            mark = next < 4 ? tt_mark_iters[next] : 0xffffffffu;
        }
    }
    return acc;
}

static volatile int done;
void hart_main(int hart) {
    checksums[hart] = run(hart);
    __atomic_fetch_add(&done, 1, __ATOMIC_RELEASE);
}

int main(void) {
    uint32_t acc = run(0);
    rt_printf("ttbench: %u marks, %u iterations, checksum 0x%08x\n", (unsigned)tt_marks_seen,
              (unsigned)TT_ITERS, (unsigned)acc);
#ifdef BENCH_REPORT_INSTRET
    rt_printf("instret %llu\n", (unsigned long long)CSR_READ(minstret));
#endif
    return tt_marks_seen == 4 ? 0 : 1;
}
