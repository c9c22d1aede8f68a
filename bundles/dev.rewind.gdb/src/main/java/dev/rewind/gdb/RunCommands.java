package dev.rewind.gdb;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.Register;
import dev.rewind.debug.Stop;
import dev.rewind.gdb.rsp.Hex;
import dev.rewind.gdb.rsp.ProtocolException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Run control: {@code vCont} ({@code c C s S r}), the legacy {@code c C s S}, and reverse {@code bs bc}. The
 * machine is all-stop: a step of one hart lets the others run as the schedule runs them, a continue runs
 * every hart (a {@code c} for one thread runs them all). Signals given with {@code C}/{@code S} are ignored:
 * a bare-metal guest has none.
 * <p>
 * A step of a hart (forwards, backwards, over a range) queues a read of that hart's registers right behind it
 * on the session's executor, so the stop reply carries them (expedited) without a second round trip to the
 * session. Confined to the connection's thread.
 */
final class RunCommands {
    private final DebugSession session;
    private final List<Register> gRegisters;
    private Prefetch prefetch;

    /** The registers of {@code hart} as the executor read them just after the step that was queued before. */
    private record Prefetch(int hart, CompletableFuture<long[]> registers) {
    }

    RunCommands(DebugSession session, List<Register> gRegisters) {
        this.session = session;
        this.gRegisters = gRegisters;
    }

    /**
     * The registers read right after the run that just completed, when it was a step of {@code hart}; null
     * otherwise (read them afresh). Consumed: a later write makes them stale.
     */
    CompletableFuture<long[]> takeRegisters(int hart) {
        Prefetch p = prefetch;
        prefetch = null;
        return p != null && p.hart() == hart ? p.registers() : null;
    }

    private CompletableFuture<Stop> thenRegisters(int hart, CompletableFuture<Stop> step) {
        prefetch = new Prefetch(hart, session.readRegisters(hart, gRegisters));
        return step;
    }

    /** {@code vCont;action[:thread]...}; {@code defaultHart} steps when a step action names no thread. */
    CompletableFuture<Stop> vCont(String actions, int defaultHart, int harts) {
        String[] parts = actions.split(";");
        boolean resume = false;
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            int colon = part.indexOf(':');
            String action = colon < 0 ? part : part.substring(0, colon);
            int hart = defaultHart;
            if (colon >= 0) {
                int thread = Threads.parse(part.substring(colon + 1));
                hart = Threads.hart(thread, harts);
                if (hart < 0 && thread != Threads.ALL && thread != Threads.ANY) {
                    throw new ProtocolException("no thread " + thread);
                }
                if (hart < 0) {
                    hart = defaultHart;
                }
            }
            char kind = action.charAt(0);
            switch (kind) {
                case 's', 'S' -> {
                    return step(hart);
                }
                case 'r' -> {
                    String[] range = action.substring(1).split(",");
                    if (range.length != 2) {
                        throw new ProtocolException("vCont;r needs start,end");
                    }
                    return thenRegisters(hart,
                            session.stepRange(hart, Hex.parse(range[0]), Hex.parse(range[1]), false));
                }
                case 'c', 'C' -> resume = true;
                case 't' -> throw new ProtocolException("vCont;t is for non-stop mode, which this stub does not offer");
                default -> throw new ProtocolException("unknown vCont action '" + action + "'");
            }
        }
        if (!resume) {
            throw new ProtocolException("vCont without an action");
        }
        return resume();
    }

    CompletableFuture<Stop> step(int hart) {
        return thenRegisters(hart, session.stepInstruction(hart, 1));
    }

    /** Runs forward; completes at the next stop, or exceptionally when the machine could not start. */
    CompletableFuture<Stop> resume() {
        prefetch = null;
        CompletableFuture<Stop> result = new CompletableFuture<>();
        session.nextStop().whenComplete((stop, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(stop);
            }
        });
        session.resume().whenComplete((v, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    CompletableFuture<Stop> reverseStep(int hart) {
        return thenRegisters(hart, session.stepBackInstruction(hart, 1));
    }

    CompletableFuture<Stop> reverseContinue() {
        prefetch = null;
        return session.reverseContinue();
    }
}
