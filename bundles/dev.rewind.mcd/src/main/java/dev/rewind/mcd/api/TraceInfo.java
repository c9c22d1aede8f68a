package dev.rewind.mcd.api;

/** mcd_trace_info_st: traceType is a {@link TraceType} mask, traceModes a {@link TraceMode} mask. */
public record TraceInfo(int traceId, String traceName, int traceType, TraceFormat traceFormat, int traceModes, boolean traceNoTimestamps, boolean traceShared, boolean traceSizeIsBytes) {
}
