/* work: CPU-bound guests with the shapes of real workloads, one per build (WORK_KIND), for
 * releng/bench/bench.sh (Rewind next to QEMU on the same ELF). Written for Rewind.
 *   1 list   linked-list traversal, insertion into a sorted list, pointer chasing over 64 KiB
 *   2 matmul 32x32 int32 matrix multiply (row-major, one operand transposed every round)
 *   3 fsm    a table-and-switch tokenizer (identifiers, numbers, strings, comments) over 8 KiB
 *   4 crc    table-driven CRC-32 and bitwise CRC-16/CCITT over 4 KiB
 *   5 mem    memcpy/memset/memcmp-shaped loops (word and byte paths, misaligned tails) on 16 KiB
 *   6 calls  small non-inlined functions, recursion and calls through function pointers
 * Every kind runs WORK_ITERS rounds (build time, sized for ~0.5-1.1 G instructions on RV32) and
 * prints "work-<name>: <iters> rounds, checksum 0x<crc>" (same on RV32 and RV64), exit 0.
 * Single hart: the others park. */
#include "rt.h"

#ifndef WORK_KIND
#define WORK_KIND 1
#endif
#ifndef WORK_ITERS
#define WORK_ITERS 1
#endif
#define NOINLINE __attribute__((noinline))

static uint32_t rng = 12345u;
static __attribute__((unused)) uint32_t rnd(void) { rng = rng * 1103515245u + 12345u; return rng >> 8; }
static uint32_t mix(uint32_t h, uint32_t v) { h ^= v; h *= 0x01000193u; return h ^ (h >> 15); }

#if WORK_KIND == 1
#define NAME "list"
#define NODES 4096
typedef struct node { struct node *next; int32_t key; uint32_t val; } node_t;
static node_t pool[NODES];
static node_t *sorted[64];
static uint32_t round_(uint32_t h) {
    for (int i = 0; i < NODES; i++) { pool[i].key = (int32_t)(rnd() & 0xFFFF); pool[i].val = (uint32_t)i; }
    for (int i = 0; i < NODES; i++) pool[i].next = &pool[(i * 2654435761u + 17u) % NODES]; /* a scattered cycle */
    node_t *p = &pool[0];
    for (int i = 0; i < NODES * 2; i++) { h = mix(h, p->val + (uint32_t)p->key); p = p->next; }
    node_t *head = 0;                       /* sorted insertion of 256 nodes */
    for (int i = 0; i < 256; i++) {
        node_t *n = &pool[(i * 37) % NODES], **q = &head;
        while (*q && (*q)->key < n->key) q = &(*q)->next;
        n->next = *q; *q = n;
    }
    for (node_t *n = head; n; n = n->next) h = mix(h, (uint32_t)n->key);
    for (int i = 0; i < 64; i++) sorted[i] = &pool[i];
    return h;
}
#elif WORK_KIND == 2
#define NAME "matmul"
#define N 32
static int32_t a[N][N], b[N][N], c[N][N];
static uint32_t round_(uint32_t h) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) { a[i][j] = (int32_t)(rnd() & 0xFF) - 128; b[j][i] = (int32_t)(rnd() & 0xFF) - 100; }
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int32_t s = 0;
            for (int k = 0; k < N; k++) s += a[i][k] * b[j][k];
            c[i][j] = s;
        }
    for (int i = 0; i < N; i++) h = mix(h, (uint32_t)c[i][(i * 7) & (N - 1)]);
    return h;
}
#elif WORK_KIND == 3
#define NAME "fsm"
#define TEXT 8192
static char text[TEXT];
static uint8_t cls[256];
enum { S_SPACE, S_IDENT, S_NUM, S_STR, S_COMMENT };
static uint32_t round_(uint32_t h) {
    static const char alphabet[] = "abc xyz 0123 9 \"str\" /* c */ _id42 + - ( ) ;\n";
    for (int i = 0; i < TEXT; i++) text[i] = alphabet[rnd() % (sizeof alphabet - 1)];
    int state = S_SPACE;
    uint32_t tokens = 0, len = 0;
    for (int i = 0; i < TEXT; i++) {
        uint8_t ch = (uint8_t)text[i], k = cls[ch];
        switch (state) {
        case S_SPACE:
            if (k == 1) { state = S_IDENT; len = 1; }
            else if (k == 2) { state = S_NUM; len = 1; }
            else if (ch == '"') { state = S_STR; len = 0; }
            else if (ch == '/' && text[(i + 1) & (TEXT - 1)] == '*') { state = S_COMMENT; i++; }
            else if (k == 3) { h = mix(h, ch); tokens++; }
            break;
        case S_IDENT:
            if (k == 1 || k == 2) len++; else { h = mix(h, 0x100 + len); tokens++; state = S_SPACE; i--; }
            break;
        case S_NUM:
            if (k == 2) len++; else { h = mix(h, 0x200 + len); tokens++; state = S_SPACE; i--; }
            break;
        case S_STR:
            if (ch == '"') { h = mix(h, 0x300 + len); tokens++; state = S_SPACE; } else len++;
            break;
        default:
            if (ch == '*' && text[(i + 1) & (TEXT - 1)] == '/') { state = S_SPACE; i++; }
            break;
        }
    }
    return mix(h, tokens);
}
static void init(void) {
    for (int c = 0; c < 256; c++)
        cls[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ? 1
               : c >= '0' && c <= '9' ? 2 : c == ' ' || c == '\n' ? 0 : 3;
}
#define INIT init()
#elif WORK_KIND == 4
#define NAME "crc"
#define BUF 4096
static uint8_t buf[BUF];
static uint32_t table[256];
static uint32_t round_(uint32_t h) {
    for (int i = 0; i < BUF; i += 4) { uint32_t r = rnd(); buf[i] = (uint8_t)r; buf[i + 1] = (uint8_t)(r >> 8);
        buf[i + 2] = (uint8_t)(r >> 16); buf[i + 3] = (uint8_t)(r >> 3); }
    uint32_t crc = ~0u;
    for (int i = 0; i < BUF; i++) crc = table[(crc ^ buf[i]) & 0xFF] ^ (crc >> 8);
    uint16_t c16 = 0xFFFF;
    for (int i = 0; i < BUF / 4; i++) {
        c16 ^= (uint16_t)(buf[i] << 8);
        for (int k = 0; k < 8; k++) c16 = (uint16_t)(c16 & 0x8000 ? (c16 << 1) ^ 0x1021 : c16 << 1);
    }
    return mix(mix(h, ~crc), c16);
}
static void init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
        table[i] = c;
    }
}
#define INIT init()
#elif WORK_KIND == 5
#define NAME "mem"
#define MEM 16384
static uint8_t src[MEM] __attribute__((aligned(8))), dst[MEM] __attribute__((aligned(8)));
static NOINLINE void copy(uint8_t *d, const uint8_t *s, size_t n) {
    while (n && ((uintptr_t)d & 3)) { *d++ = *s++; n--; }
    if (((uintptr_t)s & 3) == 0)
        for (; n >= 16; n -= 16, d += 16, s += 16) {
            uint32_t *dw = (uint32_t *)d; const uint32_t *sw = (const uint32_t *)s;
            dw[0] = sw[0]; dw[1] = sw[1]; dw[2] = sw[2]; dw[3] = sw[3];
        }
    while (n--) *d++ = *s++;
}
static NOINLINE void fill(uint8_t *d, int v, size_t n) {
    uint32_t w = (uint8_t)v * 0x01010101u;
    while (n && ((uintptr_t)d & 3)) { *d++ = (uint8_t)v; n--; }
    for (; n >= 8; n -= 8, d += 8) { ((uint32_t *)d)[0] = w; ((uint32_t *)d)[1] = w; }
    while (n--) *d++ = (uint8_t)v;
}
static NOINLINE int compare(const uint8_t *a, const uint8_t *b, size_t n) {
    for (; n; n--, a++, b++) if (*a != *b) return *a - *b;
    return 0;
}
static uint32_t round_(uint32_t h) {
    size_t off = rnd() & 7, n = MEM / 2 + (rnd() & 1023);
    fill(src + off, (int)(rnd() & 0xFF), n);
    src[off + (rnd() % n)] ^= 0x5A;
    copy(dst + (rnd() & 3), src + off, n);
    copy(dst + 4, src, MEM - 8);
    int d = compare(dst + 4, src, MEM / 4);
    for (int i = 0; i < MEM; i += 512) h = mix(h, dst[i] + (uint32_t)d);
    return h;
}
#else
#define NAME "calls"
typedef uint32_t (*op_t)(uint32_t, uint32_t);
static NOINLINE uint32_t op_add(uint32_t a, uint32_t b) { return a + b; }
static NOINLINE uint32_t op_xor(uint32_t a, uint32_t b) { return a ^ (b << 3); }
static NOINLINE uint32_t op_mul(uint32_t a, uint32_t b) { return a * (b | 1); }
static NOINLINE uint32_t op_rot(uint32_t a, uint32_t b) { return (a << (b & 31)) | (a >> ((32 - b) & 31)); }
static op_t const ops[4] = { op_add, op_xor, op_mul, op_rot };
static NOINLINE uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static NOINLINE uint32_t leaf(uint32_t x) { return x * 3u + 1u; }
static NOINLINE uint32_t mid(uint32_t x) { return leaf(x) ^ leaf(x >> 1); }
static NOINLINE uint32_t top(uint32_t x) { return mid(x) + mid(x + 1); }
static uint32_t round_(uint32_t h) {
    h = mix(h, fib(14));
    for (int i = 0; i < 256; i++) h = ops[(h >> 7) & 3](h, (uint32_t)i);
    for (int i = 0; i < 128; i++) h = mix(h, top((uint32_t)i ^ h));
    return h;
}
#endif

#ifndef INIT
#define INIT ((void)0)
#endif

int main(void) {
    INIT;
    uint32_t h = 0x811C9DC5u;
    for (int i = 0; i < WORK_ITERS; i++) h = round_(h);
    rt_printf("work-%s: %d rounds, checksum 0x%08x\n", NAME, WORK_ITERS, (unsigned)h);
    return 0;
}
