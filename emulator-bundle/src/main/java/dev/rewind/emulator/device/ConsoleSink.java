package dev.rewind.emulator.device;

/** Receives the bytes a guest writes to its console; the machine forwards {@link DeviceContext#consoleOut} here. */
@FunctionalInterface
public interface ConsoleSink {

    void write(byte b);

    /** A sink that drops everything. */
    static ConsoleSink discard() {
        return b -> {
        };
    }

    /** A new sink that keeps every byte (for tests and captured runs). */
    static CollectingConsole collecting() {
        return new CollectingConsole();
    }
}
