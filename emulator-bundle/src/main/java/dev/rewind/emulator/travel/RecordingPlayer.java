package dev.rewind.emulator.travel;

import dev.rewind.emulator.LoadException;
import dev.rewind.emulator.Machine;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.elf.ElfImage;
import java.util.List;
import java.util.Objects;

/**
 * Replays a {@link Recording} from its start: the program with its console input, and every debugger write applied
 * when the replay reaches its time (after the instructions before that time, before those after it; writes at the
 * same time in their recorded order). The state at a time includes the writes made at that time, as in the
 * recorded session when it went to that time. After each write the state hash is checked against the recorded
 * one, so a replay that diverges is reported at the first write it gets wrong, not only at the end.
 *
 * <p>Two ways: {@link #on} plays forward on a plain {@link Machine} ({@code rewind replay}); {@link #open} builds a
 * {@link TimeMachine} whose history already holds the writes (a debugging session of the recording).
 */
public final class RecordingPlayer {

    private final Recording rec;
    private final Machine m;
    private int next;

    private RecordingPlayer(Recording rec, Machine m) {
        this.rec = rec;
        this.m = m;
    }

    /**
     * A fresh machine of the recording's configuration with its input, {@code image} loaded (checked against the
     * recorded program), ready to play from time 0.
     *
     * @throws RecordingException if {@code image} is not the recorded program or the machine cannot be built
     */
    public static RecordingPlayer on(Recording rec, ElfImage image, ConsoleSink console) throws RecordingException {
        rec.checkProgram(image.sha256());
        try {
            Machine m = new Machine(rec.machine(), console, new InputLog(rec.input()));
            m.load(image);
            return new RecordingPlayer(rec, m);
        } catch (IllegalArgumentException | LoadException e) {
            throw new RecordingException("cannot build the recorded machine: " + e.getMessage(), e);
        }
    }

    public Machine machine() {
        return m;
    }

    /**
     * Runs forward to time {@code t} (nothing if not after now but the writes at now), passing over breakpoints and
     * watchpoints and applying every write whose time is at most {@code t}. Returns the time reached: before
     * {@code t} only if the guest exited or deadlocked first.
     *
     * @throws RecordingException if the guest ends before a write's time, or a write is refused or leads to
     *                            another state than recorded (the replay diverged)
     */
    public long runTo(long t) throws RecordingException {
        List<WriteEvent> ws = rec.writes();
        while (true) {
            boolean due = next < ws.size() && ws.get(next).time() <= t;
            long goal = due ? Math.max(ws.get(next).time(), m.time()) : t;
            RunResult end = null;
            while (m.time() < goal) {
                RunResult r = m.runUntilTime(goal);
                if (r.reason() == StopReason.EXITED || r.reason() == StopReason.DEADLOCK) {
                    end = r;
                    break;
                }
            }
            if (!due) {
                return m.time();
            }
            WriteEvent w = ws.get(next);
            if (m.time() != w.time()) {
                throw new RecordingException("replay diverged: the program " + (end == null ? "was at"
                        : end.reason() == StopReason.EXITED ? "exited at" : "deadlocked at") + " time " + m.time()
                        + ", before debugger write #" + next + " at time " + w.time() + " (" + w.write() + ")");
            }
            try {
                w.write().check(m.config());
                w.write().applyTo(m);
            } catch (IllegalArgumentException e) {
                throw new RecordingException("replay diverged: debugger write #" + next + " at time " + w.time()
                        + " (" + w.write() + ") was refused: " + e.getMessage(), e);
            }
            check(next, w, m.stateHash());
            next++;
        }
    }

    private static void check(int index, WriteEvent w, long hash) throws RecordingException {
        if (hash != w.stateHash()) {
            throw new RecordingException(String.format("replay diverged at debugger write #%d at time %d (%s): state "
                    + "hash %016x, the recording has %016x", index, w.time(), w.write(), hash, w.stateHash()));
        }
    }

    /**
     * A time machine for debugging the recording: built like {@link TimeMachine#create} with the recording's
     * configuration and input, run live up to the last debugger write (console output up to there goes to {@code
     * console} now, once) with every write applied through {@link TimeMachine#apply} (so history holds them and
     * later travel replays them), the recorded bookmarks added, and left at time 0. Without writes nothing runs.
     *
     * @throws RecordingException if {@code image} is not the recorded program or the replay diverged at a write
     */
    public static TimeMachine open(Recording rec, ElfImage image, ConsoleSink console, TravelConfig config)
            throws RecordingException {
        Objects.requireNonNull(config, "config");
        rec.checkProgram(image.sha256());
        List<WriteEvent> ws = rec.writes();
        List<InputLog.Entry> input = rec.input();
        // input is handed over as the replay reaches it: a write drops the input after its time (a new future)
        InputLog log = new InputLog();
        int fed = feed(log, input, 0, ws.isEmpty() ? Long.MAX_VALUE : ws.get(0).time());
        TimeMachine tm;
        try {
            tm = TimeMachine.create(rec.machine(), image, console, log, config);
        } catch (IllegalArgumentException | LoadException e) {
            throw new RecordingException("cannot build the recorded machine: " + e.getMessage(), e);
        }
        for (int i = 0; i < ws.size(); i++) {
            WriteEvent w = ws.get(i);
            TravelResult r = w.time() > tm.time() ? tm.goToTime(w.time()) : null;
            if (tm.time() != w.time()) {
                throw new RecordingException("replay diverged: the program " + (r == null ? "was at"
                        : r.kind() == TravelResult.Kind.EXITED ? "exited at" : "stopped at") + " time " + tm.time()
                        + ", before debugger write #" + i + " at time " + w.time() + " (" + w.write() + ")");
            }
            try {
                tm.apply(w.write());
            } catch (IllegalArgumentException e) {
                throw new RecordingException("replay diverged: debugger write #" + i + " at time " + w.time() + " ("
                        + w.write() + ") was refused: " + e.getMessage(), e);
            }
            check(i, w, tm.machine().stateHash());
            fed = feed(log, input, fed, i + 1 < ws.size() ? ws.get(i + 1).time() : Long.MAX_VALUE);
        }
        for (Bookmark b : rec.bookmarks()) {
            tm.addBookmarkAt(b.name(), b.description(), b.time());
        }
        if (tm.time() != tm.earliestTime()) {
            tm.goToTime(tm.earliestTime());
        }
        return tm;
    }

    /** Appends {@code input[from..]} up to time {@code until} to {@code log}; returns the next index. */
    private static int feed(InputLog log, List<InputLog.Entry> input, int from, long until) {
        int i = from;
        while (i < input.size() && input.get(i).time() <= until) {
            log.append(input.get(i).time(), input.get(i).value());
            i++;
        }
        return i;
    }
}
