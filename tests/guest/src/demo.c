/* demo: THE bundled demo of `./rewind demo` (run it with 4 harts).
 *
 * Hart 0 is the consumer; harts 1..N-1 are producers. Producers compute items
 * (a small, data-dependent amount of work each), push them into a shared ring
 * buffer under a spinlock, and count every item in the shared statistics counter
 * `items_produced`. The consumer drains the ring, tallies items per producer and an
 * order-independent checksum, and at the end compares `items_produced` with the
 * number of items it actually received.
 *
 *  ==> THE BUG (deliberate, see count_item()): "priority" items (payload & 1 == 0,
 *      about one item in two) update `items_produced` with a plain load ... plain store
 *      read-modify-write instead of an atomic add. If the producer is descheduled
 *      between that load and that store, and another producer counts an item in
 *      the meantime, the store writes back a stale value and the other producer's
 *      increment is LOST. The ring itself is correct: the consumer receives every
 *      item, so only the counter disagrees.
 *
 *  Under Rewind's deterministic round-robin scheduler (quantum of Q instructions)
 *  the window is hit for any ordinary Q on 4 harts: a round-robin simulation of this
 *  ELF with Q = 1, 100, 1000, 3000, 10000 ends with
 *      LOST UPDATE: expected 12000 got ~10000       and exit code 3
 *  after ~3 million instructions in all; with Q = 100000 it passes (exit 0).
 *  Finding it by time travel: watch `items_produced` (4 bytes) and continue
 *  backwards from the LOST UPDATE line; the guilty write is the store in
 *  count_item() (the line marked BUG-STORE) that does NOT increase the counter
 *  (the new value is <= the value before the write).
 *
 * Output (deterministic apart from the last line's numbers and the exit code):
 *   demo: 4 harts, consumer hart 0, producers 1..3, 4000 items each
 *   hart 1 produced 4000, consumer received 4000
 *   ...
 *   checksum 0x........
 *   items_produced 12000 (ok)         -> exit 0
 *   LOST UPDATE: expected 12000 got N -> exit 3
 * With fewer than 2 harts: "demo: needs at least 2 harts" and exit 2.
 */
#include "rt.h"

#define RING_SIZE          1024
#define ITEMS_PER_PRODUCER 4000

static struct {
    rt_lock_t lock;                 /* serialises producers' pushes */
    volatile uint32_t head;         /* next slot to read; written by the consumer only */
    volatile uint32_t tail;         /* next slot to write; written under lock */
    volatile uint32_t slot[RING_SIZE];
} ring;

/* The shared statistics counter that suffers the lost update. */
volatile uint32_t items_produced;
/* Priority statistics (updated atomically; only here to make the story plausible). */
volatile uint32_t priority_items;
volatile uint32_t priority_hist[16];

static volatile uint32_t produced_by[RT_MAX_HARTS];   /* each producer's own tally */
static volatile uint32_t producers_done;

static uint32_t mix(uint32_t x) {
    x ^= x >> 16; x *= 0x7feb352dU;
    x ^= x >> 15; x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

/* Item = hart (8 bits) | sequence number (20 bits) | payload (4 bits).
 * The payload needs 4..19 rounds of "work", so item costs vary and the scheduler's
 * preemption points fall at ever-changing places of the producer loop. */
static uint32_t make_item(int hart, uint32_t seq, uint32_t *rng) {
    uint32_t x = *rng;
    uint32_t rounds = 4 + (x >> 28);
    for (uint32_t i = 0; i < rounds; i++) x = x * 1664525u + 1013904223u;
    *rng = x;
    return ((uint32_t)hart << 24) | (seq << 4) | (x >> 28);
}

static void push(uint32_t item) {
    for (;;) {
        rt_lock(&ring.lock);
        uint32_t t = ring.tail;
        if (t - __atomic_load_n(&ring.head, __ATOMIC_ACQUIRE) < RING_SIZE) {
            ring.slot[t % RING_SIZE] = item;
            __atomic_store_n(&ring.tail, t + 1, __ATOMIC_RELEASE);
            rt_unlock(&ring.lock);
            return;
        }
        rt_unlock(&ring.lock);          /* full: let the consumer catch up */
    }
}

static __attribute__((noinline)) void count_item(uint32_t item) {
    if ((item & 1) == 0) {
        /* Priority item: also record it in the priority statistics. */
        uint32_t n = items_produced;                       /* BUG-LOAD: plain load ...      */
        __atomic_fetch_add(&priority_items, 1, __ATOMIC_RELAXED);
        __atomic_fetch_add(&priority_hist[mix(item) & 15], 1, __ATOMIC_RELAXED);
        items_produced = n + 1;                            /* BUG-STORE: ... plain store:
                                                              overwrites increments made by
                                                              other harts since BUG-LOAD */
    } else {
        __atomic_fetch_add(&items_produced, 1, __ATOMIC_RELAXED);   /* correct path */
    }
}

void hart_main(int hart) {
    uint32_t rng = 0x9e3779b9u * (uint32_t)(hart + 1);
    for (uint32_t seq = 0; seq < ITEMS_PER_PRODUCER; seq++) {
        uint32_t item = make_item(hart, seq, &rng);
        push(item);
        count_item(item);
        produced_by[hart] = seq + 1;
    }
    __atomic_fetch_add(&producers_done, 1, __ATOMIC_RELEASE);
}

int main(void) {
    int n = rt_nharts();
    if (n < 2) {
        rt_puts("demo: needs at least 2 harts");
        return 2;
    }
    int producers = n - 1;
    uint32_t expected = (uint32_t)producers * ITEMS_PER_PRODUCER;
    rt_printf("demo: %d harts, consumer hart 0, producers 1..%d, %d items each\n",
              n, producers, ITEMS_PER_PRODUCER);

    uint32_t received[RT_MAX_HARTS] = { 0 };
    uint32_t consumed = 0, checksum = 0;
    while (consumed < expected) {
        uint32_t h = ring.head;
        if (h == __atomic_load_n(&ring.tail, __ATOMIC_ACQUIRE)) continue;   /* empty */
        uint32_t item = ring.slot[h % RING_SIZE];
        __atomic_store_n(&ring.head, h + 1, __ATOMIC_RELEASE);
        received[(item >> 24) & (RT_MAX_HARTS - 1)]++;
        checksum += mix(item);
        consumed++;
    }
    while (__atomic_load_n(&producers_done, __ATOMIC_ACQUIRE) != (uint32_t)producers) { }

    for (int h = 1; h < n; h++)
        rt_printf("hart %d produced %u, consumer received %u\n", h, (unsigned)produced_by[h],
                  (unsigned)received[h]);
    rt_printf("checksum 0x%08x\n", (unsigned)checksum);
    uint32_t got = items_produced;
    if (got != expected) {
        rt_printf("LOST UPDATE: expected %u got %u\n", (unsigned)expected, (unsigned)got);
        return 3;
    }
    rt_printf("items_produced %u (ok)\n", (unsigned)got);
    return 0;
}
