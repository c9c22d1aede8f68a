package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.CoreEvent;
import dev.rewind.mcd.api.CoreExecState;
import dev.rewind.mcd.api.CoreState;
import java.util.Arrays;

/**
 * What the cores report about the machine's one execution state (mcd_qry_state_f): the last stop,
 * each core's pending events and each core's {@code set_global} flag.
 *
 * <p>Rewind's harts share one deterministic clock, so the machine runs or is stopped as a whole:
 * every core reports the same state (RUNNING, DEBUG, or HALTED after the guest exited; a core whose
 * hart the run holds reports DEBUG, see {@link HeldHarts}), the same stop string and the hart
 * that caused the stop ({@code hw_thread_id}). Only the core that owns the
 * trigger that was hit reports its {@code trig_id}; the others report 0.
 *
 * <p>What {@code global} changes is reporting. The STOPPED event goes to the core whose hart caused
 * the stop, to the owner of the trigger that was hit and to the core that started the run or step;
 * if that run, step or stop was global ({@code global == true}), also to every core that takes
 * part in global activities ({@code set_global(true)}, the default). A core with
 * {@code set_global(false)} is therefore never told about stops it neither caused nor asked for —
 * its state is still DEBUG, since the whole machine stopped. Thread-safe.
 */
final class StopState {

    /** A stop: the hart that caused it, the trigger hit (0 none) and the core owning it (-1 none). */
    record StopRecord(int hart, int trigId, int owner, String reason, boolean exited) {
        StopRecord(int hart, String reason) {
            this(hart, 0, -1, reason, false);
        }
    }

    private final int[] events;
    private final boolean[] global;
    private StopRecord last = new StopRecord(0, "reset");

    StopState(int harts) {
        events = new int[harts];
        global = new boolean[harts];
        Arrays.fill(global, true);
    }

    synchronized StopRecord last() {
        return last;
    }

    /**
     * Records a stop; {@code requester} is the hart of the core that ran or stepped (-1 for none),
     * {@code globalRequest} whether its run, step or stop was global.
     */
    synchronized void stopped(StopRecord r, int requester, boolean globalRequest) {
        last = r;
        for (int i = 0; i < events.length; i++) {
            if ((globalRequest && global[i]) || i == requester || i == r.hart() || i == r.owner()) {
                events[i] |= CoreEvent.STOPPED.bit();
            }
        }
    }

    /** Adds event bits to one core ({@code hart >= 0}) or all (-1). */
    synchronized void add(int hart, int bits) {
        for (int i = 0; i < events.length; i++) {
            if (hart < 0 || i == hart) {
                events[i] |= bits;
            }
        }
    }

    synchronized void setGlobal(int hart, boolean on) {
        global[hart] = on;
    }

    synchronized boolean global(int hart) {
        return global[hart];
    }

    /** The state of {@code hart}'s core; {@code consume} clears its reported events. */
    synchronized CoreState state(int hart, boolean running, boolean consume) {
        int ev = events[hart];
        if (consume) {
            events[hart] = 0;
        }
        String info = "hart " + hart + (global[hart] ? "" : " (not in global activities)");
        if (running) {
            return new CoreState(CoreExecState.RUNNING, ev, hart, 0, "", info);
        }
        CoreExecState st = last.exited() ? CoreExecState.HALTED : CoreExecState.DEBUG;
        return new CoreState(st, ev, last.hart(), last.owner() == hart ? last.trigId() : 0, last.reason(), info);
    }
}
