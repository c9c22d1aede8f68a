/* picolibc program whose .data has a load address (flash) different from its run address (RAM).
 * Exits through the test finisher at 0x100000 with main's return value (0 here). */
#include <stdint.h>
volatile uint32_t initialized = 0x12345678;
volatile uint32_t zeroed[16];

void _exit(int code) {
    volatile uint32_t *finisher = (volatile uint32_t *) 0x100000;
    *finisher = code == 0 ? 0x5555 : (((uint32_t) code << 16) | 0x3333);
    for (;;) {
    }
}

int main(void) {
    zeroed[3] = initialized;
    return (int) (zeroed[3] & 0xff) - 0x78;
}
