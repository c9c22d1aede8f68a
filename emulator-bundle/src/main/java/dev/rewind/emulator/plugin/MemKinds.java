package dev.rewind.emulator.plugin;

import dev.rewind.emulator.isa.Op;
import dev.rewind.plugin.api.MemCallback;

/** What a memory instruction accesses, as memory callbacks are told: its size in bytes and its kind bits. */
public final class MemKinds {
    private MemKinds() {
    }

    /** Bytes accessed by a memory op. */
    public static int size(int op) {
        return switch (op) {
            case Op.LB, Op.LBU, Op.SB -> 1;
            case Op.LH, Op.LHU, Op.SH -> 2;
            case Op.LW, Op.LWU, Op.SW -> 4;
            case Op.LD, Op.SD -> 8;
            default -> op >= Op.LR_D && op <= Op.AMOMAXU_D ? 8 : 4;
        };
    }

    /** {@link MemCallback} kind bits of a memory op; 0 for other ops. */
    public static int kind(int op) {
        return switch (op) {
            case Op.LB, Op.LBU, Op.LH, Op.LHU, Op.LW, Op.LWU, Op.LD -> MemCallback.LOAD;
            case Op.SB, Op.SH, Op.SW, Op.SD -> MemCallback.STORE;
            case Op.LR_W, Op.LR_D -> MemCallback.LOAD | MemCallback.ATOMIC;
            case Op.SC_W, Op.SC_D -> MemCallback.STORE | MemCallback.ATOMIC;
            default -> op >= Op.LR_W && op <= Op.AMOMAXU_D
                    ? MemCallback.LOAD | MemCallback.STORE | MemCallback.ATOMIC : 0;
        };
    }
}
