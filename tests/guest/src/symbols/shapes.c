/* symbols fixture: structs, unions, arrays, 2-D arrays, const/volatile, function pointers, an inlined static. */
#include "types.h"

static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }

struct shape shapes[2] = {
    { "square", { {0, 0}, {4, 0}, {4, 4}, {0, 4} }, 4, { .i = 7 }, add, 5, 1 },
    { "triangle", { {0, 0}, {6, 0}, {0, 3}, {0, 0} }, 3, { .u = 0xdeadbeefu }, mul, 2, 0 },
};

int grid[3][4] = { {1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12} };

static const volatile int cv_limit = 100;   /* const volatile */

/* Twice the signed area of a triangle: small enough to be inlined at -Og/-O2. */
static inline __attribute__((always_inline)) int cross(struct point a, struct point b, struct point c) {
    return (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
}

int shapes_area(const struct shape *s) {
    int twice = 0;
    for (int i = 1; i + 1 < s->ncorners; i++) {
        twice += cross(s->corners[0], s->corners[i], s->corners[i + 1]);
    }
    int area = twice / 2;
    return s->combine(area, 1) < cv_limit ? area : -1;
}

int shapes_grid_total(void) {
    int total = 0;
    for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 4; c++) {
            total += grid[r][c];
        }
    }
    return total;
}
