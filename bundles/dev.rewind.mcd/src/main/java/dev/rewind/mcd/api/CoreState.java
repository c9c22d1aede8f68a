package dev.rewind.mcd.api;

/** mcd_core_state_st: state, OR'ed {@link CoreEvent} bits since the last poll, stopping hart, stopping trigger, stop and info strings. */
public record CoreState(CoreExecState state, int event, int hwThreadId, int trigId, String stopStr, String infoStr) {
}
