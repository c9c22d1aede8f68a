/* symbols fixture: shared types (the debugger's variable and type tests read these). */
#ifndef SYMBOLS_TYPES_H
#define SYMBOLS_TYPES_H
#include <stdint.h>

typedef int32_t coord_t;                 /* typedef of a typedef */

enum color { RED = 1, GREEN = 2, BLUE = 4, NO_COLOR = -1 };

struct point {
    coord_t x;
    coord_t y;
};

union value {                            /* 8 bytes on rv32 and rv64 */
    int32_t i;
    uint32_t u;
    uint8_t bytes[8];
    int64_t wide;
};

struct node {                            /* singly linked list */
    int val;
    enum color color;
    struct node *next;
};

typedef int (*binop_fn)(int, int);       /* function pointer type */

struct shape {
    const char *name;
    struct point corners[4];             /* array of structs */
    int ncorners;
    union value tag;
    binop_fn combine;
    unsigned flags : 3;                  /* bit fields */
    unsigned visible : 1;
};

/* list.c */
struct node *list_build(int n);
int list_sum(const struct node *head);

/* shapes.c */
int shapes_area(const struct shape *s);
int shapes_grid_total(void);
extern struct shape shapes[2];
extern int grid[3][4];                   /* 2-D array */

/* recurse.c / walk.c: mutual recursion across two files */
int walk_a(int depth);
int walk_b(int depth);
void symbols_deepest(int depth);         /* the innermost call: a breakpoint target */
#define WALK_DEPTH 6
extern volatile uintptr_t walk_ra[WALK_DEPTH + 2]; /* return address recorded by each level */
extern volatile int walk_reached;

/* main.c */
extern volatile int g_counter;
extern const int g_table[5];
#endif
