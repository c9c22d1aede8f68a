package dev.rewind.mcd.backend;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.WatchKind;
import dev.rewind.emulator.travel.TravelResult;
import dev.rewind.mcd.backend.Engine.Kind;
import dev.rewind.mcd.backend.Engine.Stop;

/** The engine's run and time-travel results, and its watch kinds, in the back end's terms ({@link Engine}). */
final class EngineStops {
    private EngineStops() {
    }

    static Stop of(RunResult r) {
        Kind k = switch (r.reason()) {
            case EXITED -> Kind.EXITED;
            case BREAKPOINT -> Kind.BREAKPOINT;
            case WATCHPOINT -> Kind.WATCHPOINT;
            case LIMIT_REACHED -> Kind.LIMIT;
            case TIME_REACHED -> Kind.TIME;
            case STEP_DONE -> Kind.STEP;
            case STOP_REQUESTED -> Kind.STOP_REQUESTED;
            case DEADLOCK -> Kind.DEADLOCK;
        };
        int access = r.reason() == StopReason.WATCHPOINT
                ? (r.accessWrite() ? TriggerTable.WATCH_WRITE : TriggerTable.WATCH_READ) : 0;
        return new Stop(k, Math.max(r.hart(), 0), r.address(), r.accessSize(), r.accessValue(), access, r.exitCode(),
                r.message());
    }

    /**
     * A time-travel result; {@code arrived} is the kind an ARRIVED result without an engine stop means, and the stop
     * is at {@code machine}'s pc of the hart.
     */
    static Stop of(TravelResult r, Kind arrived, Machine machine) {
        if (r.stop() != null && r.kind() != TravelResult.Kind.ARRIVED) {
            return of(r.stop());
        }
        Kind k = switch (r.kind()) {
            case ARRIVED -> arrived;
            case HISTORY_START -> Kind.HISTORY_START;
            case LIMIT_REACHED -> Kind.LIMIT;
            case STOP_REQUESTED -> Kind.STOP_REQUESTED;
            case EXITED -> Kind.EXITED;
            case DEADLOCK -> Kind.DEADLOCK;
            default -> r.stop() != null ? of(r.stop()).kind() : Kind.OTHER;
        };
        int hart = Math.max(r.hart(), 0);
        return new Stop(k, hart, machine.hart(hart).pc(), 0, 0, 0, 0, r.message());
    }

    /** The engine's watch kind of a back-end one (1 read, 2 write, 3 either). */
    static WatchKind watchKind(int kind) {
        return kind == TriggerTable.WATCH_READ ? WatchKind.READ
                : kind == TriggerTable.WATCH_WRITE ? WatchKind.WRITE : WatchKind.ACCESS;
    }
}
