package dev.rewind.emulator.cpu;

/**
 * A synchronous exception raised while executing a guest instruction. Thrown only inside the
 * interpreter and always caught there (the guest takes the trap; the host never sees it). Each hart owns
 * one preallocated instance, so throwing allocates nothing and there is no shared mutable state.
 */
public final class Trap extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int INSN_MISALIGNED = 0, INSN_ACCESS = 1, ILLEGAL_INSN = 2, BREAKPOINT = 3,
            LOAD_MISALIGNED = 4, LOAD_ACCESS = 5, STORE_MISALIGNED = 6, STORE_ACCESS = 7, ECALL_U = 8, ECALL_M = 11;

    int cause;
    long tval;

    Trap() {
        super("guest trap", null, false, false);
    }

    /** Sets the cause and value; an illegal instruction's value is its bits, zero-extended (as QEMU and Spike). */
    Trap set(int cause, long tval) {
        this.cause = cause;
        this.tval = cause == ILLEGAL_INSN ? tval & 0xFFFF_FFFFL : tval;
        return this;
    }

    public int cause() {
        return cause;
    }

    public long tval() {
        return tval;
    }
}
