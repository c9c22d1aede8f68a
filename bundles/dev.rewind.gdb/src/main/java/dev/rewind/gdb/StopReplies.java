package dev.rewind.gdb;

import dev.rewind.debug.Stop;
import dev.rewind.gdb.rsp.Hex;

/**
 * Stop replies: {@code W} with the exit code for an exit; otherwise {@code T} with the signal (02 for a pause,
 * 05 for everything else), {@code thread:}, the pc, and why ({@code swbreak:}, {@code hwbreak:},
 * {@code watch:}/{@code rwatch:}/{@code awatch:} with the data address, {@code replaylog:begin|end}).
 */
final class StopReplies {
    static final int SIGINT = 2;
    static final int SIGTRAP = 5;

    private StopReplies() {
    }

    /**
     * {@code expedited}: the values of registers 0..n-1 in gdb's numbering (x0..x31, pc) to send along, so gdb
     * needs no {@code g} after the stop; null sends none, an empty array only the stop's pc.
     */
    static String encode(Stop stop, int xlen, Triggers triggers, boolean breakReasons, long[] expedited) {
        if (stop.exited()) {
            return String.format("W%02x", stop.exitCode() & 0xff);
        }
        int signal = switch (stop.reason()) {
            case PAUSE -> SIGINT;
            default -> SIGTRAP;
        };
        StringBuilder sb = new StringBuilder(64);
        sb.append(String.format("T%02x", signal));
        sb.append("thread:").append(Hex.number(Threads.id(Math.max(0, stop.hart())))).append(';');
        if (expedited != null && expedited.length > 0) {
            for (int i = 0; i < expedited.length; i++) {
                sb.append(Hex.number(i)).append(':');
                Hex.appendLittleEndian(sb, expedited[i], xlen / 8);
                sb.append(';');
            }
        } else if (expedited != null) {
            sb.append("20:");
            Hex.appendLittleEndian(sb, stop.pc(), xlen / 8);
            sb.append(';');
        }
        switch (stop.reason()) {
            case BREAKPOINT -> {
                Triggers.Type t = triggers.typeOf(stop.breakpointId());
                if (breakReasons) {
                    sb.append(t == Triggers.Type.HARDWARE ? "hwbreak" : "swbreak").append(":;");
                }
            }
            case WATCHPOINT -> {
                Triggers.Type t = triggers.typeOf(stop.breakpointId());
                String key = t != null && t.watch() ? t.stopKey() : watchKey(stop.watch());
                long address = stop.watch() == null ? 0 : stop.watch().address();
                sb.append(key).append(':').append(Hex.number(address)).append(';');
            }
            case HISTORY_START -> sb.append("replaylog:begin;");
            case HISTORY_END -> sb.append("replaylog:end;");
            default -> {
                // steps, pauses, entry, go-to-time: the signal says enough
            }
        }
        return sb.toString();
    }

    private static String watchKey(Stop.Watch watch) {
        if (watch == null) {
            return "awatch";
        }
        return switch (watch.access()) {
            case READ -> "rwatch";
            case WRITE -> "watch";
            case READ_WRITE -> "awatch";
        };
    }
}
