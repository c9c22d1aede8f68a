package dev.rewind.plugin.api;

/** A memory access, after it happened. */
@FunctionalInterface
public interface MemCallback {
    /** {@code kind} bit: the access read memory. */
    int LOAD = 1;
    /** {@code kind} bit: the access wrote memory. */
    int STORE = 2;
    /** {@code kind} bit: an atomic instruction (LR, SC, AMO; AMOs are LOAD | STORE | ATOMIC). */
    int ATOMIC = 4;

    /**
     * @param hart  the hart
     * @param time  virtual time of the instruction
     * @param addr  the address accessed (physical; there is no MMU)
     * @param size  bytes: 1, 2, 4 or 8
     * @param kind  {@link #LOAD}, {@link #STORE}, {@link #ATOMIC} bits
     * @param value the value loaded (LR, AMO: the old value) or stored (SC: the value offered), zero-extended
     */
    void access(int hart, long time, long addr, int size, int kind, long value);
}
