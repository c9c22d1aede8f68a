package dev.rewind.emulator.device;

/** What a machine offers its devices. Implemented by the machine; devices never hold harts directly. */
public interface DeviceContext {

    /** Current virtual time in timer ticks (the value the CLINT shows as {@code mtime}). */
    long now();

    /** Number of harts in the machine. */
    int hartCount();

    /**
     * Drives the level of an interrupt-pending bit in {@code mip} of one hart (for example bit 3 MSIP,
     * bit 7 MTIP, bit 11 MEIP). Level-triggered: the bit stays as last set.
     */
    void setInterruptPending(int hartId, int mipBit, boolean pending);

    /** Asks the machine to stop running and report the guest's exit code (test finisher, tohost). */
    void requestExit(int exitCode);

    /** Bytes the guest writes to its console (UART transmit, HTIF console). */
    void consoleOut(byte b);
}
