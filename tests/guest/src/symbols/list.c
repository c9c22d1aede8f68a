/* symbols fixture: a linked list in a static pool (no allocator). */
#include "types.h"

#define POOL 8
static struct node pool[POOL];           /* file-static array of structs */

struct node *list_build(int n) {
    struct node *head = 0;
    for (int i = 0; i < n && i < POOL; i++) {
        struct node *nd = &pool[i];
        nd->val = (i + 1) * 10;
        nd->color = (i % 3 == 0) ? RED : (i % 3 == 1) ? GREEN : BLUE;
        nd->next = head;
        head = nd;
    }
    return head;
}

int list_sum(const struct node *head) {
    int sum = 0;
    for (const struct node *p = head; p; p = p->next) {
        sum += p->val;
    }
    return sum;
}
