package dev.rewind.mcd.api;

/** mcd_trace_data_core_st: one instruction-trace frame. timestamp is virtual time, source the hart, data the instruction word, dataWidth its length, marker a {@link TraceMarker} mask. */
public record TraceFrame(long timestamp, int marker, TraceCycle cycle, Addr addr, long data, int dataWidth, int dataMask, int source, int auxInfo) {
}
