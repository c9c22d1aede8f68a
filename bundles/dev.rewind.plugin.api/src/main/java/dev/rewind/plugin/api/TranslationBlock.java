package dev.rewind.plugin.api;

/**
 * A block being translated (QEMU's {@code qemu_plugin_tb}): straight-line code, entered at its first instruction,
 * only the last instruction may transfer control. A block may end early when a quantum ends inside it; execution
 * then resumes at a block that starts mid-way (translated and reported on its own). Valid only during the
 * {@link TranslateCallback} that received it.
 */
public interface TranslationBlock {

    /** Address of the first instruction. */
    long pc();

    /** Number of instructions. */
    int size();

    /** Instruction {@code i} (0 .. size()-1). */
    Instruction insn(int i);

    /** Runs {@code cb} each time the block is entered, before its first instruction. */
    void onExec(ExecCallback cb);

    /**
     * Runs {@code cb} each time the block is entered and the executing hart's cell of {@code counter} satisfies
     * {@code cond} against {@code value} (QEMU's {@code qemu_plugin_register_vcpu_tb_exec_cond_cb}).
     */
    default void onExecIf(Counter counter, Cond cond, long value, ExecCallback cb) {
        if (cond != Cond.NEVER) {
            onExec(ExecCallback.onlyIf(counter, cond, value, cb));
        }
    }

    /** Adds {@code n} to {@code counter}'s cell of the executing hart each time the block is entered. */
    void inlineAdd(Counter counter, long n);
}
