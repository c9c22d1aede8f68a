package dev.rewind.plugin.api;

/** Block or instruction execution. */
@FunctionalInterface
public interface ExecCallback {
    /**
     * @param hart the executing hart
     * @param time the virtual time of the (first) instruction: the machine's global instruction slot
     */
    void exec(int hart, long time);
}
