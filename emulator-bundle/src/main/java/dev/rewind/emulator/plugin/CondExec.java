package dev.rewind.emulator.plugin;

import dev.rewind.plugin.api.Cond;
import dev.rewind.plugin.api.ExecCallback;

/**
 * A conditional callback ({@code onExecIf}): {@code cb} runs when the executing hart's live cell of {@code counter}
 * satisfies {@code cond} against {@code value} (unsigned). The interpreter calls {@link #exec}, which tests; the
 * translator emits the test as bytecode (load the cell, compare, call {@code cb} only when it holds) and calls
 * {@code cb} itself. Never {@link Cond#NEVER} or {@link Cond#ALWAYS} (registration drops or unwraps those).
 *
 * @param counter the counter tested (its {@link CounterImpl#live} cell: replay does not move it)
 * @param cond    the comparison
 * @param value   the value compared with
 * @param cb      the plugin's callback
 */
public record CondExec(CounterImpl counter, Cond cond, long value, ExecCallback cb) implements ExecCallback {

    @Override
    public void exec(int hart, long time) {
        if (cond.test(counter.live[hart], value)) {
            cb.exec(hart, time);
        }
    }
}
