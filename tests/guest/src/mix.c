/* mix: a workload with the shape of an embedded benchmark suite such as CoreMark, for releng/bench/bench.sh.
 * Written for Rewind. Issue #16: the public CoreMark ran at ~0.75x of QEMU's speed in-process while our bench
 * guest, whose hot functions GCC inlines, ran at ~1.27x. What the suite has and bench lacks: a call and a return
 * every one to two hundred instructions (small non-static functions, one called per input character), a call
 * through a function pointer, and 16-bit data (lh/sh). One round does four parts on the same seed:
 *   list    72 items {next, int16 value, int16 index}: search by value, reversal, merge sort of the list with
 *           the comparison passed as a function pointer (by value, then by index again)
 *   matrix  12x12 int16 matrices: a product into int32, a product of bit fields extracted from each element,
 *           the sum of elements above a threshold
 *   scan    a character scanner (integers, decimals, exponents, other) over 240 bytes: one call per character
 *           returning the next state, several returns
 *   crc     CRC-16 of every part's result: a non-inlined step per byte, called from 16- and 32-bit helpers
 * WORK_ITERS rounds (build time); prints "work-mix: <iters> rounds, checksum 0x<crc>" (same on RV32 and RV64).
 * Single hart: the others park. */
#include "rt.h"

#ifndef WORK_ITERS
#define WORK_ITERS 1
#endif
#define NOINLINE __attribute__((noinline))

static uint32_t seed = 0x2545F491u;
static uint32_t next_rand(void) { seed ^= seed << 13; seed ^= seed >> 17; seed ^= seed << 5; return seed; }

/* ---- crc: CRC-16/ARC (reflected 0xA001), one call per byte */
NOINLINE uint16_t crc_byte(uint8_t b, uint16_t crc) {
    crc ^= b;
    for (int i = 0; i < 8; i++) crc = (crc & 1) ? (uint16_t)((crc >> 1) ^ 0xA001u) : (uint16_t)(crc >> 1);
    return crc;
}
NOINLINE uint16_t crc_half(uint16_t v, uint16_t crc) { return crc_byte((uint8_t)(v >> 8), crc_byte((uint8_t)v, crc)); }
NOINLINE uint16_t crc_word(uint32_t v, uint16_t crc) { return crc_half((uint16_t)(v >> 16), crc_half((uint16_t)v, crc)); }

/* ---- list */
#define ITEMS 72
typedef struct item { struct item *next; int16_t value; int16_t index; } item_t;
static item_t items[ITEMS];
typedef int (*cmp_fn)(const item_t *, const item_t *);
NOINLINE int by_value(const item_t *a, const item_t *b) { return a->value - b->value; }
NOINLINE int by_index(const item_t *a, const item_t *b) { return a->index - b->index; }

static item_t *list_build(uint32_t r) {
    for (int i = 0; i < ITEMS; i++) {
        items[i].value = (int16_t)((r >> (i & 15)) ^ (uint32_t)(i * 0x9E37)) ;
        items[i].index = (int16_t)i;
        items[i].next = i + 1 < ITEMS ? &items[i + 1] : 0;
    }
    return &items[0];
}
NOINLINE item_t *list_find(item_t *head, int16_t value) {
    while (head && head->value != value) head = head->next;
    return head;
}
NOINLINE item_t *list_reverse(item_t *head) {
    item_t *prev = 0;
    while (head) { item_t *n = head->next; head->next = prev; prev = head; head = n; }
    return prev;
}
/* bottom-up merge sort of a singly linked list: runs of width 1, 2, 4, ... merged pairwise */
NOINLINE item_t *list_sort(item_t *head, cmp_fn cmp) {
    for (int width = 1;; width *= 2) {
        item_t *p = head, *tail = 0;
        int merges = 0;
        head = 0;
        while (p) {
            merges++;
            item_t *q = p;
            int plen = 0, qlen = width;
            while (plen < width && q) { plen++; q = q->next; }
            while (plen > 0 || (qlen > 0 && q)) {
                item_t *e;
                if (plen == 0) { e = q; q = q->next; qlen--; }
                else if (qlen == 0 || !q || cmp(p, q) <= 0) { e = p; p = p->next; plen--; }
                else { e = q; q = q->next; qlen--; }
                if (tail) tail->next = e; else head = e;
                tail = e;
            }
            p = q;
        }
        tail->next = 0;
        if (merges <= 1) return head;
    }
}
static uint16_t list_part(uint32_t r, uint16_t crc) {
    item_t *head = list_build(r);
    for (int i = 0; i < 8; i++) {
        item_t *f = list_find(head, items[(r + (uint32_t)i * 23u) % ITEMS].value);
        crc = crc_half((uint16_t)(f ? f->index : -1), crc);
    }
    head = list_reverse(head);
    head = list_sort(head, by_value);
    for (item_t *p = head; p; p = p->next) crc = crc_half((uint16_t)p->value, crc);
    head = list_sort(head, by_index);
    return crc_half((uint16_t)list_find(head, items[r % ITEMS].value)->index, crc);
}

/* ---- matrix */
#define M 12
static int16_t ma[M][M], mb[M][M];
static uint32_t mc[M][M];   /* sums wrap (unsigned: defined in C) */
NOINLINE void mat_fill(uint32_t r) {
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) {
            ma[i][j] = (int16_t)((r >> ((i + j) & 7)) + (uint32_t)(i * M + j));
            mb[i][j] = (int16_t)((r >> ((i ^ j) & 7)) - (uint32_t)(j * 7));
        }
}
NOINLINE void mat_mul(void) {
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) {
            uint32_t s = 0;
            for (int k = 0; k < M; k++) s += (uint32_t)((int32_t)ma[i][k] * (int32_t)mb[k][j]);
            mc[i][j] = s;
        }
}
NOINLINE void mat_mul_bits(void) {   /* bits 2..5 and 5..11 of each element */
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) {
            int32_t s = 0;
            for (int k = 0; k < M; k++) {
                int32_t x = (ma[i][k] >> 2) & 0xF, y = (mb[k][j] >> 5) & 0x7F;
                s += x * y;
            }
            mc[i][j] += (uint32_t)s;
        }
}
NOINLINE int32_t mat_over(int32_t limit) {
    int32_t n = 0;
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) n += (int32_t)mc[i][j] > limit ? 1 : -1;
    return n;
}
static uint16_t matrix_part(uint32_t r, uint16_t crc) {
    mat_fill(r);
    mat_mul();
    crc = crc_word((uint32_t)mat_over(0), crc);
    mat_mul_bits();
    crc = crc_word((uint32_t)mat_over(1000), crc);
    return crc_word(mc[r % M][(r >> 4) % M], crc);
}

/* ---- scan: states of a scanner of numbers; one call per character */
enum { S_START, S_INT, S_DOT, S_FRAC, S_EXP, S_ESIGN, S_EDIGIT, S_OTHER, S_COUNT };
#define TEXT 240
static uint8_t text[TEXT];
static uint32_t seen[S_COUNT];
static int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
NOINLINE int scan_step(uint8_t c, int s) {
    if (c == ',') return S_START;
    switch (s) {
    case S_START: return is_digit(c) ? S_INT : c == '.' ? S_DOT : S_OTHER;
    case S_INT: if (is_digit(c)) return S_INT; if (c == '.') return S_DOT; return c == 'e' ? S_EXP : S_OTHER;
    case S_DOT: return is_digit(c) ? S_FRAC : S_OTHER;
    case S_FRAC: if (is_digit(c)) return S_FRAC; return c == 'e' ? S_EXP : S_OTHER;
    case S_EXP: if (c == '+' || c == '-') return S_ESIGN; return is_digit(c) ? S_EDIGIT : S_OTHER;
    case S_ESIGN: return is_digit(c) ? S_EDIGIT : S_OTHER;
    case S_EDIGIT: return is_digit(c) ? S_EDIGIT : S_OTHER;
    default: return S_OTHER;
    }
}
static uint16_t scan_part(uint32_t r, uint16_t crc) {
    static const char alphabet[16] = "0123456789.e+-,x";
    for (int i = 0; i < TEXT; i++) text[i] = (uint8_t)alphabet[((r >> (i & 27)) & 15) ^ (uint32_t)(i & 15)];
    for (int i = 0; i < S_COUNT; i++) seen[i] = 0;
    int s = S_START;
    for (int i = 0; i < TEXT; i++) {
        int n = scan_step(text[i], s);
        if (n != s) seen[n]++;
        s = n;
    }
    for (int i = 0; i < S_COUNT; i++) crc = crc_word(seen[i], crc);
    return crc;
}

int main(void) {
    uint16_t crc = 0;
    for (int i = 0; i < WORK_ITERS; i++) {
        uint32_t r = next_rand();
        crc = list_part(r, crc);
        crc = matrix_part(r, crc);
        crc = scan_part(r, crc);
    }
    rt_printf("work-mix: %d rounds, checksum 0x%04x\n", WORK_ITERS, (unsigned)crc);
    return 0;
}
