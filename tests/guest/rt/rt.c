/* Rewind guest runtime: UART, finisher, CLINT helpers and a small printf.
 * Our own formatter (no picolibc): %d %i %u %x %X %p %s %c %%, flags '-' '0',
 * a width, length modifiers l, ll, z. Output of one rt_printf call is atomic
 * with respect to other harts (one spinlock around the UART). */
#include "rt.h"

extern volatile uint32_t __rt_checkin;
static rt_lock_t print_lock;

void rt_putc(char c) {
    while (!(MMIO8(UART_BASE + 5) & 0x20)) { }   /* LSR.THRE */
    MMIO8(UART_BASE + 0) = (uint8_t)c;
}

static void put_str(const char *s) { while (*s) rt_putc(*s++); }

void rt_puts(const char *s) {
    rt_lock(&print_lock);
    put_str(s);
    rt_putc('\n');
    rt_unlock(&print_lock);
}

void rt_exit(int code) {
    uint32_t v = code == 0 ? 0x5555u : (((uint32_t)code << 16) | 0x3333u);
    __asm__ volatile("fence rw, rw" ::: "memory");
    MMIO32(FINISHER_BASE) = v;
    for (;;) __asm__ volatile("wfi");
}

__attribute__((weak)) void hart_main(int hartid) { (void)hartid; }

uint64_t rt_mtime(void) {
#if __riscv_xlen == 64
    return *(volatile uint64_t *)CLINT_MTIME;
#else
    uint32_t hi, lo;
    do {
        hi = MMIO32(CLINT_MTIME + 4);
        lo = MMIO32(CLINT_MTIME);
    } while (hi != MMIO32(CLINT_MTIME + 4));
    return ((uint64_t)hi << 32) | lo;
#endif
}

void rt_set_mtimecmp(int hart, uint64_t t) {
#if __riscv_xlen == 64
    *(volatile uint64_t *)CLINT_MTIMECMP(hart) = t;
#else
    MMIO32(CLINT_MTIMECMP(hart) + 4) = 0xffffffffu;   /* no spurious match while updating */
    MMIO32(CLINT_MTIMECMP(hart)) = (uint32_t)t;
    MMIO32(CLINT_MTIMECMP(hart) + 4) = (uint32_t)(t >> 32);
#endif
}

int rt_nharts(void) {
    static int cached;
    if (cached) return cached;
    /* Stable means: no new check-in for RT_SETTLE_TICKS of mtime AND for RT_SETTLE_SPINS
     * of our own loop iterations (so a scheduler that runs hart 0 alone for a long
     * quantum, whatever its notion of time, still lets the others check in). */
    uint32_t n = __atomic_load_n(&__rt_checkin, __ATOMIC_ACQUIRE);
    uint64_t since = rt_mtime();
    uint32_t spins = 0;
    while (n < RT_MAX_HARTS) {
        uint32_t now = __atomic_load_n(&__rt_checkin, __ATOMIC_ACQUIRE);
        uint64_t t = rt_mtime();
        if (now != n) { n = now; since = t; spins = 0; continue; }
        if (++spins >= RT_SETTLE_SPINS && t - since >= RT_SETTLE_TICKS) break;
    }
    cached = (int)n;
    return cached;
}

/* ---- formatter ---- */
typedef struct { char *buf; size_t cap, len; } sink_t;

static void emit(sink_t *s, char c) {
    if (s->buf) { if (s->len + 1 < s->cap) s->buf[s->len] = c; }
    else rt_putc(c);
    s->len++;
}

static void emit_num(sink_t *s, unsigned long long v, int base, int upper, int neg,
                     int width, int zero, int left) {
    char tmp[24];
    int n = 0;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do { tmp[n++] = digits[v % (unsigned)base]; v /= (unsigned)base; } while (v);
    int len = n + neg;
    if (!left && !zero) while (width-- > len) emit(s, ' ');
    if (neg) emit(s, '-');
    if (!left && zero) while (width-- > len) emit(s, '0');
    while (n) emit(s, tmp[--n]);
    if (left) while (width-- > len) emit(s, ' ');
}

static int format(sink_t *s, const char *f, va_list ap) {
    for (; *f; f++) {
        if (*f != '%') { emit(s, *f); continue; }
        int left = 0, zero = 0, width = 0, lng = 0;
        for (f++; *f == '-' || *f == '0'; f++) { if (*f == '-') left = 1; else zero = 1; }
        while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
        while (*f == 'l' || *f == 'z') { lng += (*f == 'z') ? (sizeof(size_t) > 4 ? 1 : 0) : 1; f++; }
        switch (*f) {
        case 'd': case 'i': {
            long long v = lng >= 2 ? va_arg(ap, long long) : lng ? va_arg(ap, long) : va_arg(ap, int);
            unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
            emit_num(s, u, 10, 0, v < 0, width, zero, left);
            break;
        }
        case 'u': case 'x': case 'X': {
            unsigned long long v = lng >= 2 ? va_arg(ap, unsigned long long)
                                 : lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            emit_num(s, v, *f == 'u' ? 10 : 16, *f == 'X', 0, width, zero, left);
            break;
        }
        case 'p':
            emit(s, '0'); emit(s, 'x');
            emit_num(s, (uintptr_t)va_arg(ap, void *), 16, 0, 0, 0, 0, 0);
            break;
        case 's': {
            const char *str = va_arg(ap, const char *);
            if (!str) str = "(null)";
            int len = (int)strlen(str);
            if (!left) while (width-- > len) emit(s, ' ');
            while (*str) emit(s, *str++);
            if (left) while (width-- > len) emit(s, ' ');
            break;
        }
        case 'c': emit(s, (char)va_arg(ap, int)); break;
        case '%': emit(s, '%'); break;
        case 0: return (int)s->len;
        default: emit(s, '%'); emit(s, *f); break;
        }
    }
    return (int)s->len;
}

int rt_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap) {
    sink_t s = { buf, n, 0 };
    int r = format(&s, fmt, ap);
    if (buf && n) buf[s.len < n ? s.len : n - 1] = 0;
    return r;
}

int rt_snprintf(char *buf, size_t n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = rt_vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

int rt_printf(const char *fmt, ...) {
    va_list ap;
    sink_t s = { 0, 0, 0 };
    va_start(ap, fmt);
    rt_lock(&print_lock);
    int r = format(&s, fmt, ap);
    rt_unlock(&print_lock);
    va_end(ap);
    return r;
}

/* ---- the few libc functions GCC may call ---- */
void *memset(void *d, int c, size_t n) {
    unsigned char *p = d;
    while (n--) *p++ = (unsigned char)c;
    return d;
}
void *memcpy(void *d, const void *src, size_t n) {
    unsigned char *p = d;
    const unsigned char *q = src;
    while (n--) *p++ = *q++;
    return d;
}
int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *p = a, *q = b;
    for (; n; n--, p++, q++) if (*p != *q) return *p - *q;
    return 0;
}
size_t strlen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }
