package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One change of machine state made by a debugger while the machine is stopped: what was written, not when (a
 * {@link WriteEvent} adds the time). {@link TimeMachine#apply} makes it and records it in the time machine's
 * {@link WriteLog}; a {@link Recording} carries the surviving ones so that a replay applies each at its time.
 *
 * @param kind   what is written
 * @param hart   the hart (0 for {@link Kind#MEMORY})
 * @param target the guest address ({@link Kind#MEMORY}), register number 0..31 ({@link Kind#REGISTER}), CSR number
 *               ({@link Kind#CSR}), the new pc ({@link Kind#PC}) or the pc the hart restarts at
 *               ({@link Kind#HART_RESET}), the held harts, bit i = hart i ({@link Kind#HOLD})
 * @param data   the bytes written ({@link Kind#MEMORY}), the value as 8 little-endian bytes
 *               ({@link Kind#REGISTER}, {@link Kind#CSR}), or nothing ({@link Kind#PC}, {@link Kind#HART_RESET},
 *               {@link Kind#HOLD})
 */
public record DebuggerWrite(Kind kind, int hart, long target, byte[] data) {

    /** What a debugger write changes; the code is its tag in recording files. */
    public enum Kind {
        /** Guest memory through the debug port ({@code Machine.writeMemory}). */
        MEMORY(1),
        /** An x register ({@code Hart.setReg}). */
        REGISTER(2),
        /** The pc ({@code Hart.setPc}). */
        PC(3),
        /** A CSR by number ({@code Machine.writeCsr}). */
        CSR(4),
        /** A hart restarted at {@code target} as MCD's hart reset does: power-on state, a0 = hart id. */
        HART_RESET(5),
        /**
         * The set of held harts ({@code Machine.setHeld}): the harts a run leaves stopped (DAP {@code singleThread},
         * gdb scheduler-locking, MCD {@code global=false}). Recording format version 3.
         */
        HOLD(6);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** @throws IllegalArgumentException for an unknown code */
        public static Kind of(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown debugger write kind " + code);
        }
    }

    public DebuggerWrite {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(data, "data");
        if (hart < 0) {
            throw new IllegalArgumentException("hart must not be negative: " + hart);
        }
        switch (kind) {
            case MEMORY, HOLD -> {
                if (hart != 0) {
                    throw new IllegalArgumentException("a " + kind + " change names hart 0, not " + hart);
                }
                if (kind == Kind.HOLD && data.length != 0) {
                    throw new IllegalArgumentException("a hold change carries no data bytes");
                }
            }
            case REGISTER, CSR -> {
                if (data.length != 8) {
                    throw new IllegalArgumentException(kind + " write needs an 8-byte value, not " + data.length);
                }
                if (kind == Kind.REGISTER && (target < 0 || target > 31)) {
                    throw new IllegalArgumentException("register number must be 0..31: " + target);
                }
                if (kind == Kind.CSR && (target < 0 || target > 0xFFF)) {
                    throw new IllegalArgumentException("CSR number must be 0..0xfff: " + target);
                }
            }
            case PC, HART_RESET -> {
                if (data.length != 0) {
                    throw new IllegalArgumentException(kind + " write carries no data bytes");
                }
            }
        }
        data = data.clone();
    }

    public static DebuggerWrite memory(long addr, byte[] bytes) {
        return new DebuggerWrite(Kind.MEMORY, 0, addr, bytes);
    }

    public static DebuggerWrite register(int hart, int reg, long value) {
        return new DebuggerWrite(Kind.REGISTER, hart, reg, le(value));
    }

    public static DebuggerWrite pc(int hart, long pc) {
        return new DebuggerWrite(Kind.PC, hart, pc, new byte[0]);
    }

    public static DebuggerWrite csr(int hart, int csr, long value) {
        return new DebuggerWrite(Kind.CSR, hart, csr, le(value));
    }

    public static DebuggerWrite hartReset(int hart, long entry) {
        return new DebuggerWrite(Kind.HART_RESET, hart, entry, new byte[0]);
    }

    /** Holds the harts of {@code mask} (bit i = hart i) and releases the others. */
    public static DebuggerWrite hold(long mask) {
        return new DebuggerWrite(Kind.HOLD, 0, mask, new byte[0]);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The value of a {@link Kind#REGISTER} or {@link Kind#CSR} write. */
    public long value() {
        long v = 0;
        for (int i = data.length - 1; i >= 0; i--) {
            v = v << 8 | (data[i] & 0xFF);
        }
        return v;
    }

    /** @throws IllegalArgumentException if the write names a hart {@code config} does not have */
    public void check(MachineConfig config) {
        if (kind == Kind.HOLD && config.harts() < 64 && target >>> config.harts() != 0) {
            throw new IllegalArgumentException(String.format("hold mask 0x%x names harts a %d-hart machine does not "
                    + "have", target, config.harts()));
        }
        if (hart >= config.harts()) {
            throw new IllegalArgumentException(kind + " write to hart " + hart + " of a " + config.harts()
                    + "-hart machine");
        }
    }

    /**
     * Makes the change on {@code m} (nothing else: history is {@link TimeMachine#apply}'s business).
     *
     * @throws IllegalArgumentException if the machine refuses it (address outside memory, unknown CSR, …)
     */
    public void applyTo(Machine m) {
        switch (kind) {
            case MEMORY -> m.writeMemory(target, data, 0, data.length);
            case REGISTER -> m.hart(hart).setReg((int) target, value());
            case PC -> m.hart(hart).setPc(target);
            case CSR -> m.writeCsr(hart, (int) target, value());
            case HART_RESET -> {
                m.hart(hart).reset(target);
                m.hart(hart).setReg(10, hart);
            }
            case HOLD -> m.setHeld(target);
        }
    }

    private static byte[] le(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DebuggerWrite w && kind == w.kind && hart == w.hart && target == w.target
                && Arrays.equals(data, w.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, hart, target, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MEMORY -> String.format("memory 0x%x = %s", target, data.length <= 16 ? HexFormat.of().formatHex(data)
                    : data.length + " bytes");
            case REGISTER -> String.format("hart %d x%d = 0x%x", hart, target, value());
            case PC -> String.format("hart %d pc = 0x%x", hart, target);
            case CSR -> String.format("hart %d csr 0x%x = 0x%x", hart, target, value());
            case HART_RESET -> String.format("hart %d reset to 0x%x", hart, target);
            case HOLD -> target == 0 ? "no hart held" : "harts held " + heldList(target);
        };
    }

    /** {@code mask} as a list of hart numbers: {@code [1, 2, 3]}. */
    static String heldList(long mask) {
        java.util.List<Integer> l = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            if ((mask >>> i & 1) != 0) {
                l.add(i);
            }
        }
        return l.toString();
    }
}
