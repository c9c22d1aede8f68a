package dev.rewind.emulator.cpu;

/** Called each time an instrumented block starts executing (before its first instruction). */
@FunctionalInterface
public interface BlockExecCallback {
    void blockEntered(int hartId, long pc);
}
