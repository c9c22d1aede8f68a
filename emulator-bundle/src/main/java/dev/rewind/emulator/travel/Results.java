package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.RunResult;

/** Building {@link TravelResult}s from where the machine is. */
final class Results {

    private Results() {
    }

    /** The result of a forward run of the machine, as a travel result at the machine's time. */
    static TravelResult fromRun(Machine m, RunResult r) {
        TravelResult.Kind kind = switch (r.reason()) {
            case BREAKPOINT -> TravelResult.Kind.BREAKPOINT;
            case WATCHPOINT -> TravelResult.Kind.WATCHPOINT;
            case EXITED -> TravelResult.Kind.EXITED;
            case DEADLOCK -> TravelResult.Kind.DEADLOCK;
            case STOP_REQUESTED -> TravelResult.Kind.STOP_REQUESTED;
            case LIMIT_REACHED -> TravelResult.Kind.LIMIT_REACHED;
            default -> TravelResult.Kind.ARRIVED;
        };
        return new TravelResult(kind, m.time(), r.hart(), r, r.message());
    }

    /** A result without an engine stop, at the machine's time. */
    static TravelResult of(Machine m, TravelResult.Kind kind, int hart, String message) {
        return new TravelResult(kind, m.time(), hart, null, message);
    }
}
