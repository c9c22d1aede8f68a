package dev.rewind.mcd.api;

/** mcd_trace_state_st: mode is a {@link TraceMode} value. */
public record TraceState(TraceExecState state, int mode, boolean autoarm, boolean wraparound, long frames, long count, long size, long triggerDelay, int timestampAccuracy, boolean timestampIsTime, int options, boolean modified, String infoStr) {
}
