package dev.rewind.emulator;

/**
 * Machine configuration.
 *
 * @param xlen    32 or 64
 * @param harts   number of harts, 1..16
 * @param ramSize RAM bytes at {@link #RAM_BASE}: a multiple of 4096, at least 4096, at most 2 GiB
 * @param quantum scheduler quantum in instructions (1 = lockstep)
 */
public record MachineConfig(int xlen, int harts, long ramSize, int quantum) {

    public static final long RAM_BASE = 0x8000_0000L;
    public static final long FINISHER_BASE = 0x0010_0000L;
    public static final long CLINT_BASE = 0x0200_0000L;
    public static final long PLIC_BASE = 0x0C00_0000L;
    /** The UART's PLIC source, as on QEMU's virt. */
    public static final int UART_IRQ = 10;
    public static final long UART_BASE = 0x1000_0000L;
    public static final long DEFAULT_RAM = 128L << 20;
    public static final int DEFAULT_QUANTUM = 1000;

    public MachineConfig {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("xlen must be 32 or 64, not " + xlen);
        }
        if (harts < 1 || harts > 16) {
            throw new IllegalArgumentException("harts must be 1..16, not " + harts);
        }
        if (ramSize < 4096 || (ramSize & 4095) != 0 || ramSize > (2L << 30)) {
            throw new IllegalArgumentException("ramSize must be a multiple of 4096 between 4 KiB and 2 GiB, not "
                    + ramSize);
        }
        if (quantum < 1) {
            throw new IllegalArgumentException("quantum must be at least 1, not " + quantum);
        }
    }

    /** One hart, 128 MiB, quantum 1000. */
    public static MachineConfig defaults(int xlen) {
        return new MachineConfig(xlen, 1, DEFAULT_RAM, DEFAULT_QUANTUM);
    }

    public MachineConfig withHarts(int n) {
        return new MachineConfig(xlen, n, ramSize, quantum);
    }

    public MachineConfig withRamSize(long bytes) {
        return new MachineConfig(xlen, harts, bytes, quantum);
    }

    public MachineConfig withQuantum(int q) {
        return new MachineConfig(xlen, harts, ramSize, q);
    }
}
