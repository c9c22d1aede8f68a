package dev.rewind.plugin.api;

/** One instruction of a {@link TranslationBlock} (QEMU's {@code qemu_plugin_insn}); valid as long as its block. */
public interface Instruction {

    long pc();

    /** The raw instruction bits (16-bit compressed instructions in the low half). */
    int bits();

    /** 2 or 4. */
    int length();

    /** Disassembly, e.g. {@code addi a0, a0, 1}. */
    String disassembly();

    /** Whether the instruction reads or writes memory (loads, stores, atomics). */
    boolean accessesMemory();

    /**
     * How the instruction accesses memory: {@link MemCallback} kind bits ({@code LOAD}, {@code STORE}, {@code ATOMIC};
     * an AMO is all three), 0 for none. Register memory callbacks only where they can fire: they cost a call each.
     */
    int memoryAccess();

    /** Runs {@code cb} each time the instruction is about to execute (also when it then traps). */
    void onExec(ExecCallback cb);

    /** Adds {@code n} to {@code counter}'s cell of the executing hart each time the instruction is about to execute. */
    void inlineAdd(Counter counter, long n);

    /**
     * Runs {@code cb} each time the instruction is about to execute and the executing hart's cell of {@code counter}
     * satisfies {@code cond} against {@code value} (QEMU's {@code qemu_plugin_register_vcpu_insn_exec_cond_cb}); an
     * inline addition to the same counter registered on this instruction before it is seen. While time travel replays
     * history the cell holds its live value (replay does not count).
     */
    default void onExecIf(Counter counter, Cond cond, long value, ExecCallback cb) {
        if (cond != Cond.NEVER) {
            onExec(ExecCallback.onlyIf(counter, cond, value, cb));
        }
    }

    /**
     * Runs {@code cb} after each memory access of this instruction that {@code filter} selects (none when the access
     * traps). No effect for instructions that do not access memory.
     */
    void onMem(MemFilter filter, MemCallback cb);
}
