package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.McdList;
import dev.rewind.mcd.api.TraceExecState;
import dev.rewind.mcd.api.TraceFormat;
import dev.rewind.mcd.api.TraceFrame;
import dev.rewind.mcd.api.TraceInfo;
import dev.rewind.mcd.api.TraceMode;
import dev.rewind.mcd.api.TraceState;
import dev.rewind.mcd.api.TraceType;
import dev.rewind.mcd.instrument.TraceSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A core's MCD traces: its hart's instruction trace (trace 1, armed and disarmed by the client) and the plugins'
 * traces beside it ({@link PluginTraces}). State and frames are read with the machine paused.
 */
final class CoreTrace {
    private final Target target;
    private final int hart;

    CoreTrace(Target target, int hart) {
        this.target = target;
        this.hart = hart;
    }

    List<TraceInfo> infos() {
        List<TraceInfo> all = new ArrayList<>();
        all.add(new TraceInfo(Layout.TRACE_INSN, "instructions of hart " + hart, TraceType.CORE.bit(),
                TraceFormat.CORE_EXECUTE, TraceMode.FIFO.bit(), false, false, false));
        all.addAll(PluginTraces.infos(target, hart));
        return all;
    }

    TraceState state(int traceId) throws McdException {
        return target.paused(() -> {
            TraceSource src = PluginTraces.source(target, traceId);
            return src != null ? PluginTraces.state(target, src, hart) : state(ring(traceId), false);
        });
    }

    TraceState setState(int traceId, TraceState state) throws McdException {
        return target.paused(() -> {
            TraceSource src = PluginTraces.source(target, traceId);
            if (src != null) {
                return PluginTraces.state(target, src, hart); // always armed: the plugin decides what it records
            }
            TraceRing r = ring(traceId);
            boolean modified = state.mode() != TraceMode.NOCHANGE.bit() && state.mode() != TraceMode.FIFO.bit();
            switch (state.state()) {
                case ARM, TRIGGER -> target.traces.set(true);
                case OFF, STOP, DISABLE -> target.traces.set(false);
                case INIT -> {
                    r.clear();
                    target.traces.set(false);
                }
                default -> {
                }
            }
            return state(r, modified);
        });
    }

    McdList<TraceFrame> read(int traceId, long startIndex, int numFrames) throws McdException {
        return target.paused(() -> {
            TraceSource src = PluginTraces.source(target, traceId);
            if (src != null) {
                return PluginTraces.read(target, src, hart, startIndex, numFrames);
            }
            TraceRing r = ring(traceId);
            long n = Integer.toUnsignedLong(numFrames);
            if (n == 0) {
                return McdList.<TraceFrame>countOnly((int) r.frames());
            }
            if (startIndex < 0 || startIndex >= r.frames()) {
                throw McdException.param("start index " + startIndex + " beyond the " + r.frames() + " frames");
            }
            List<TraceFrame> frames = r.read(startIndex, (int) Math.min(n, 100_000));
            return new McdList<>(frames.size(), frames);
        });
    }

    private TraceRing ring(int traceId) throws McdException {
        if (traceId != Layout.TRACE_INSN) {
            throw McdException.param("no trace " + traceId);
        }
        return target.traces.ring(hart);
    }

    private TraceState state(TraceRing r, boolean modified) {
        TraceExecState st = target.traces.on() ? TraceExecState.ARM : TraceExecState.OFF;
        return new TraceState(st, TraceMode.FIFO.bit(), false, r.wrapped(), r.frames(), r.count(), r.capacity(), 0,
                100, false, 0, modified, "timestamp = instructions retired by this hart");
    }
}
