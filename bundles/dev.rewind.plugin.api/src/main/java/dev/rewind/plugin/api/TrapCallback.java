package dev.rewind.plugin.api;

/** A hart enters its trap handler. */
@FunctionalInterface
public interface TrapCallback {
    /**
     * @param cause     the cause number (mcause without the interrupt bit)
     * @param interrupt an interrupt (else an exception)
     * @param epc       the pc of the interrupted or trapping instruction
     * @param tval      the trap value (mtval)
     */
    void trap(int hart, long time, int cause, boolean interrupt, long epc, long tval);
}
