/* exit-code: prints "bye" and exits with code 7 through the test finisher
 * (writes (7<<16)|0x3333 = 0x73333 to 0x100000). */
#include "rt.h"

int main(void) {
    rt_puts("bye");
    rt_exit(7);
}
