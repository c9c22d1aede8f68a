package dev.rewind.dap;

import dev.rewind.debug.Stop;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;

/** The DAP {@code stopped} reason of a session stop. */
public final class StopReasons {

    private StopReasons() {
    }

    public static String dapReason(Stop stop, BreakpointBook book) {
        return switch (stop.reason()) {
            case ENTRY -> StoppedEventArgumentsReason.ENTRY;
            case BREAKPOINT -> {
                BreakpointBook.Kind kind = book.kindOf(stop.breakpointId());
                yield kind == BreakpointBook.Kind.FUNCTION ? StoppedEventArgumentsReason.FUNCTION_BREAKPOINT
                        : kind == BreakpointBook.Kind.INSTRUCTION ? StoppedEventArgumentsReason.INSTRUCTION_BREAKPOINT
                        : StoppedEventArgumentsReason.BREAKPOINT;
            }
            case WATCHPOINT -> StoppedEventArgumentsReason.DATA_BREAKPOINT;
            case STEP -> StoppedEventArgumentsReason.STEP;
            case PAUSE, HALTED -> StoppedEventArgumentsReason.PAUSE;
            case EXIT -> "exited";
            case TRAP -> StoppedEventArgumentsReason.EXCEPTION;
            case HISTORY_START -> "history start";
            case HISTORY_END -> "history end";
            case GOTO -> StoppedEventArgumentsReason.GOTO;
        };
    }
}
