/* Shared between start.S, link.ld (by value) and C. */
#ifndef RT_CONFIG_H
#define RT_CONFIG_H
#define RT_MAX_HARTS   8      /* harts with id >= this park in wfi (also in link.ld) */
#define RT_STACK_SHIFT 14     /* 16 KiB stack per hart (RT_STACK_SIZE in link.ld) */
#endif
