package dev.rewind.plugin.api;

/** Block or instruction execution. */
@FunctionalInterface
public interface ExecCallback {
    /**
     * @param hart the executing hart
     * @param time the virtual time of the (first) instruction: the machine's global instruction slot
     */
    void exec(int hart, long time);

    /**
     * {@code cb} run only when the executing hart's cell of {@code counter} satisfies {@code cond} against
     * {@code value} (what {@code onExecIf} registers).
     */
    static ExecCallback onlyIf(Counter counter, Cond cond, long value, ExecCallback cb) {
        return (hart, time) -> {
            if (cond.test(counter.get(hart), value)) {
                cb.exec(hart, time);
            }
        };
    }
}
