package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.WatchKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The truth that time travel is checked against, computed by plain forward runs of fresh machines (no snapshots,
 * no restores): the state hash and per-hart retired counts at every virtual time up to {@code end}, every
 * breakpoint/watchpoint stop with triggers set, and every write to a watched range.
 */
final class Reference {

    /** One forward stop. */
    record Stop(long time, int hart, StopReason reason, long hash) {
    }

    final long end;
    final long[] hash;
    final long[][] retired;
    final List<Stop> stops = new ArrayList<>();
    final List<Stop> writes = new ArrayList<>();

    /** Hashes and retired counts at each time 0..end, by stepping a fresh machine one slot at a time. */
    Reference(Supplier<Machine> fresh, long end) {
        this.end = end;
        Machine m = fresh.get();
        this.hash = new long[(int) end + 1];
        this.retired = new long[(int) end + 1][m.hartCount()];
        for (int t = 0; t <= end; t++) {
            if (t > 0) {
                RunResult r = m.runUntilTime(t);
                if (r.reason() != StopReason.TIME_REACHED || m.time() != t) {
                    throw new IllegalStateException("reference run stopped: " + r);
                }
            }
            hash[t] = m.stateHash();
            for (int h = 0; h < m.hartCount(); h++) {
                retired[t][h] = m.retired(h);
            }
        }
    }

    /** Records every stop of a forward run to {@code end} with {@code breakpoints} and a watch on {@code watch}. */
    void recordStops(Supplier<Machine> fresh, List<Long> breakpoints, long watchAddr, long watchLen, WatchKind kind) {
        Machine m = fresh.get();
        breakpoints.forEach(m::addBreakpoint);
        m.addWatchpoint(watchAddr, watchLen, kind);
        forward(m, stops, r -> true);
    }

    /** Records every write to {@code [addr, addr+len)} of a forward run to {@code end}. */
    void recordWrites(Supplier<Machine> fresh, long addr, long len) {
        Machine m = fresh.get();
        m.addWatchpoint(addr, len, WatchKind.WRITE);
        forward(m, writes, r -> r.accessWrite());
    }

    private void forward(Machine m, List<Stop> out, java.util.function.Predicate<RunResult> keep) {
        while (m.time() < end) {
            RunResult r = m.runUntilTime(end);
            if (r.reason() == StopReason.BREAKPOINT || r.reason() == StopReason.WATCHPOINT) {
                if (m.stateHash() != hash[(int) m.time()]) {
                    throw new IllegalStateException("a run with triggers diverged at time " + m.time());
                }
                if (keep.test(r)) {
                    out.add(new Stop(r.time(), r.hart(), r.reason(), m.stateHash()));
                }
            } else if (r.reason() != StopReason.TIME_REACHED) {
                throw new IllegalStateException("reference run stopped: " + r);
            }
        }
    }

    /** Last element of {@code list} with time before {@code t} (and of {@code hart} unless -1), or null. */
    static Stop lastBefore(List<Stop> list, long t, int hart) {
        Stop best = null;
        for (Stop s : list) {
            if (s.time() < t && (hart < 0 || s.hart() == hart)) {
                best = s;
            }
        }
        return best;
    }

    /** Time at which {@code hart} had retired {@code goal} and was about to retire the next one; -1 if never. */
    long beforeRetirement(int hart, long goal) {
        int lo = 0;
        int hi = (int) end;
        int first = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (retired[mid][hart] >= goal + 1) {
                first = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return first <= 0 ? -1 : first - 1;
    }
}
