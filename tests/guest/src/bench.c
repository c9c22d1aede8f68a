/* bench: a CPU-bound, CoreMark-like workload written for Rewind (not CoreMark's code).
 * One iteration = linked-list work (build, merge sort, search, reverse), a 12x12 integer
 * matrix multiply, bitwise CRC-16/CCITT and CRC-32 over a 512-byte buffer, and a
 * number-classifying state machine over a text buffer. Every part feeds a running CRC-32.
 *
 * BENCH_ITERS (build time) fixes the work: bench-small 17, bench 5000, bench-mt 200 (per hart).
 * Single hart: hart 0 works, the others park in wfi.
 * BENCH_MT: every hart runs its own copy on private data; hart 0 waits for all and
 * checks that every hart computed the same checksum.
 * Output: "bench: <iters> iterations, checksum 0x<crc>" (same on RV32 and RV64), exit 0;
 * a failed self-check prints "bench: FAIL ..." and exits 1. */
#include "rt.h"

#ifndef BENCH_ITERS
#define BENCH_ITERS 1
#endif
#define NODES 256
#define MAT   12
#define BUF   512
#define TEXT  512

typedef struct node { struct node *next; int32_t key; uint32_t val; } node_t;

typedef struct {
    node_t nodes[NODES];
    int32_t a[MAT][MAT], b[MAT][MAT], c[MAT][MAT];
    uint8_t buf[BUF];
    char text[TEXT];
    uint32_t rng;
} __attribute__((aligned(64))) state_t;

static state_t states[RT_MAX_HARTS];

static uint32_t rnd(state_t *s) { s->rng = s->rng * 1103515245u + 12345u; return s->rng >> 8; }

/* ---- CRC ---- */
static uint32_t crc32_update(uint32_t crc, const uint8_t *p, size_t n) {
    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
    return ~crc;
}
static uint32_t crc32_word(uint32_t crc, uint32_t w) {
    uint8_t b[4] = { (uint8_t)w, (uint8_t)(w >> 8), (uint8_t)(w >> 16), (uint8_t)(w >> 24) };
    return crc32_update(crc, b, 4);
}
static uint16_t crc16_ccitt(uint16_t crc, const uint8_t *p, size_t n) {
    while (n--) {
        crc ^= (uint16_t)(*p++ << 8);
        for (int k = 0; k < 8; k++) crc = (crc & 0x8000) ? (uint16_t)((crc << 1) ^ 0x1021) : (uint16_t)(crc << 1);
    }
    return crc;
}

/* ---- linked list ---- */
static node_t *build_list(state_t *s) {
    node_t *head = 0;
    for (int i = NODES - 1; i >= 0; i--) {
        s->nodes[i].key = (int32_t)(rnd(s) & 0xffff) - 0x8000;
        s->nodes[i].val = (uint32_t)i;
        s->nodes[i].next = head;
        head = &s->nodes[i];
    }
    return head;
}
static node_t *merge_sort(node_t *list) {          /* bottom-up, O(n log n), stable */
    if (!list) return list;
    for (int width = 1;; width *= 2) {
        node_t *p = list, *tail = 0;
        int merges = 0;
        list = 0;
        while (p) {
            merges++;
            node_t *q = p;
            int psize = 0, qsize = width;
            for (int i = 0; i < width && q; i++) { psize++; q = q->next; }
            while (psize > 0 || (qsize > 0 && q)) {
                node_t *e;
                if (psize == 0) { e = q; q = q->next; qsize--; }
                else if (qsize == 0 || !q || p->key <= q->key) { e = p; p = p->next; psize--; }
                else { e = q; q = q->next; qsize--; }
                if (tail) tail->next = e; else list = e;
                tail = e;
            }
            p = q;
        }
        tail->next = 0;
        if (merges <= 1) return list;
    }
}
static node_t *reverse(node_t *l) {
    node_t *prev = 0;
    while (l) { node_t *n = l->next; l->next = prev; prev = l; l = n; }
    return prev;
}
static uint32_t list_work(state_t *s, uint32_t crc) {
    node_t *l = merge_sort(build_list(s));
    int32_t last = -0x10000;
    uint32_t found = 0;
    for (node_t *p = l; p; p = p->next) {           /* sortedness check + fold */
        if (p->key < last) return 0xdeadbeefu;
        last = p->key;
        crc = crc32_word(crc, p->val);
    }
    for (int k = 0; k < 16; k++) {                  /* searches */
        int32_t want = s->nodes[(k * 37) % NODES].key;
        for (node_t *p = l; p; p = p->next) if (p->key == want) { found += p->val; break; }
    }
    l = reverse(l);
    return crc32_word(crc32_word(crc, found), (uint32_t)l->key);
}

/* ---- matrix ---- */
static uint32_t matrix_work(state_t *s, uint32_t crc) {
    for (int i = 0; i < MAT; i++)
        for (int j = 0; j < MAT; j++) {
            s->a[i][j] = (int32_t)(rnd(s) & 0xff) - 128;
            s->b[i][j] = (int32_t)(rnd(s) & 0xff) - 128;
        }
    uint32_t sum = 0;
    for (int i = 0; i < MAT; i++)
        for (int j = 0; j < MAT; j++) {
            int32_t acc = 0;
            for (int k = 0; k < MAT; k++) acc += s->a[i][k] * s->b[k][j];
            s->c[i][j] = acc;
            sum = sum * 31u + (uint32_t)acc;
        }
    return crc32_word(crc, sum ^ (uint32_t)s->c[MAT - 1][0]);
}

/* ---- state machine: classify tokens as int / decimal / scientific / invalid ---- */
enum { ST_START, ST_SIGN, ST_INT, ST_DOT, ST_FRAC, ST_EXP, ST_EXPSIGN, ST_EXPINT, ST_BAD };
static void fill_text(state_t *s) {
    static const char alphabet[] = "0123456789012345678+-.e eE.x ";
    for (int i = 0; i < TEXT - 1; i++) s->text[i] = alphabet[rnd(s) % (sizeof alphabet - 1)];
    s->text[TEXT - 1] = 0;
}
static uint32_t state_machine(const char *t, uint32_t crc) {
    uint32_t counts[4] = { 0 }, transitions = 0;
    int st = ST_START;
    for (;; t++) {
        char ch = *t;
        int next;
        if (ch == ' ' || ch == 0) {
            if (st == ST_INT) counts[0]++;
            else if (st == ST_FRAC) counts[1]++;
            else if (st == ST_EXPINT) counts[2]++;
            else if (st != ST_START) counts[3]++;
            next = ST_START;
        } else {
            int digit = ch >= '0' && ch <= '9';
            switch (st) {
            case ST_START:   next = digit ? ST_INT : (ch == '+' || ch == '-') ? ST_SIGN : ch == '.' ? ST_DOT : ST_BAD; break;
            case ST_SIGN:    next = digit ? ST_INT : ch == '.' ? ST_DOT : ST_BAD; break;
            case ST_INT:     next = digit ? ST_INT : ch == '.' ? ST_FRAC : (ch == 'e' || ch == 'E') ? ST_EXP : ST_BAD; break;
            case ST_DOT:     next = digit ? ST_FRAC : ST_BAD; break;
            case ST_FRAC:    next = digit ? ST_FRAC : (ch == 'e' || ch == 'E') ? ST_EXP : ST_BAD; break;
            case ST_EXP:     next = digit ? ST_EXPINT : (ch == '+' || ch == '-') ? ST_EXPSIGN : ST_BAD; break;
            case ST_EXPSIGN: next = digit ? ST_EXPINT : ST_BAD; break;
            case ST_EXPINT:  next = digit ? ST_EXPINT : ST_BAD; break;
            default:         next = ST_BAD; break;
            }
        }
        if (next != st) transitions++;
        st = next;
        if (ch == 0) break;
    }
    for (int i = 0; i < 4; i++) crc = crc32_word(crc, counts[i]);
    return crc32_word(crc, transitions);
}

static uint32_t run(state_t *s) {
    s->rng = 0x12345678u;
    uint32_t crc = 0;
    for (int it = 0; it < BENCH_ITERS; it++) {
        crc = list_work(s, crc);
        crc = matrix_work(s, crc);
        for (int i = 0; i < BUF; i++) s->buf[i] = (uint8_t)rnd(s);
        crc = crc32_word(crc, crc16_ccitt(0xffff, s->buf, BUF));
        crc = crc32_update(crc, s->buf, BUF);
        fill_text(s);
        crc = state_machine(s->text, crc);
    }
    return crc;
}

static int self_test(void) {
    static const uint8_t check[] = "123456789";
    return crc32_update(0, check, 9) == 0xCBF43926u && crc16_ccitt(0xffff, check, 9) == 0x29B1;
}

#ifdef BENCH_MT
static volatile uint32_t results[RT_MAX_HARTS];
static volatile int go, done;
void hart_main(int hart) {
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE)) { }
    results[hart] = run(&states[hart]);
    __atomic_fetch_add(&done, 1, __ATOMIC_RELEASE);
}
#endif

int main(void) {
    if (!self_test()) { rt_puts("bench: FAIL crc self-test"); return 1; }
#ifdef BENCH_MT
    int n = rt_nharts();
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    uint32_t crc = run(&states[0]);
    while (__atomic_load_n(&done, __ATOMIC_ACQUIRE) != n - 1) { }
    for (int h = 1; h < n; h++)
        if (results[h] != crc) {
            rt_printf("bench: FAIL hart %d checksum 0x%08x != 0x%08x\n", h, (unsigned)results[h], (unsigned)crc);
            return 1;
        }
    rt_printf("bench-mt: %d harts x %d iterations, checksum 0x%08x\n", n, BENCH_ITERS, (unsigned)crc);
#else
    uint32_t crc = run(&states[0]);
    rt_printf("bench: %d iterations, checksum 0x%08x\n", BENCH_ITERS, (unsigned)crc);
#endif
#ifdef BENCH_REPORT_INSTRET
    rt_printf("instret %llu\n", (unsigned long long)CSR_READ(minstret));
#endif
    return 0;
}
