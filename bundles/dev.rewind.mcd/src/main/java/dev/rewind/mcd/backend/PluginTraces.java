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

/** The MCD trace functions over the plugin traces of a target (trace ids 2, 3, ... after the instruction trace). */
final class PluginTraces {
    private PluginTraces() {
    }

    static List<TraceInfo> infos(Target target, int hart) {
        List<TraceSource> sources = List.copyOf(target.traces.sources);
        List<TraceInfo> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            out.add(new TraceInfo(Layout.TRACE_INSN + 1 + i, sources.get(i).name() + " of hart " + hart,
                    TraceType.EVENT.bit(), TraceFormat.EVENT, TraceMode.FIFO.bit(), false, false, false));
        }
        return out;
    }

    /** The plugin trace {@code traceId}, or null for the instruction trace. */
    static TraceSource source(Target target, int traceId) throws McdException {
        if (traceId == Layout.TRACE_INSN) {
            return null;
        }
        List<TraceSource> sources = List.copyOf(target.traces.sources);
        int i = traceId - Layout.TRACE_INSN - 1;
        if (i < 0 || i >= sources.size()) {
            throw McdException.param("no trace " + traceId);
        }
        return sources.get(i);
    }

    /** Always armed (the plugin decides what it records); frames up to the current time. Machine paused. */
    static TraceState state(Target target, TraceSource src, int hart) {
        long n = src.frames(hart, target.engine.time());
        return new TraceState(TraceExecState.ARM, TraceMode.FIFO.bit(), true, false, n, n, n, 0, 100, false, 0,
                false, src.name() + ": timestamp = virtual time, frames up to the current time");
    }

    /** mcd_read_trace_f on a plugin trace (machine paused). */
    static McdList<TraceFrame> read(Target target, TraceSource src, int hart, long startIndex, int numFrames)
            throws McdException {
        long now = target.engine.time();
        long held = src.frames(hart, now);
        if (numFrames == 0) {
            return McdList.countOnly((int) Math.min(Integer.MAX_VALUE, held));
        }
        if (startIndex < 0 || startIndex >= held) {
            throw McdException.param("start index " + startIndex + " beyond the " + held + " frames");
        }
        List<TraceFrame> frames = src.read(hart, now, startIndex,
                (int) Math.min(Integer.toUnsignedLong(numFrames), 100_000));
        return new McdList<>(frames.size(), frames);
    }
}
