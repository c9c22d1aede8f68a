package dev.rewind.emulator.device;

/** A level-triggered interrupt line from a device to an interrupt controller (a PLIC source). */
@FunctionalInterface
public interface IrqLine {
    /** A line that goes nowhere (a device without an interrupt controller). */
    IrqLine NONE = level -> {
    };

    /** Drives the line's level. */
    void set(boolean level);
}
