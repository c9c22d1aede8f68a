package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The debugger writes of a {@link TimeMachine}'s current timeline, in the order they were made (times never
 * decrease: a change is made now, and everything later is forgotten first). It follows history: a change in the
 * past, or console input there, starts a new future and drops the writes after now. Changes made directly on the
 * machine and announced with {@link TimeMachine#stateChanged()} are logged without content: a recording cannot
 * carry them ({@link #firstUnrecordable()}).
 *
 * <p>Several writes may share a time. The machine can be at such a time in two states: after those writes (going
 * there restores the snapshot that holds them) or before them (a reverse step or continue that replays up to that
 * time). A new write made before them replaces them, as history does; the log tells the two apart by the state
 * hash it keeps after each entry.
 */
public final class WriteLog {

    /** A write, or (write null) a change of unknown content. */
    private record Entry(long time, DebuggerWrite write, long hash) {
    }

    private final ArrayList<Entry> entries = new ArrayList<>();

    /** The writes of the current timeline, oldest first. */
    public List<WriteEvent> events() {
        List<WriteEvent> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (e.write != null) {
                out.add(new WriteEvent(e.time, e.write, e.hash));
            }
        }
        return out;
    }

    /** Whether the current timeline holds no debugger change at all. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The time of the earliest change of the current timeline that was made directly on the machine ({@link
     * TimeMachine#stateChanged()}) and so cannot be replayed from a recording; empty if there is none.
     */
    public OptionalLong firstUnrecordable() {
        for (Entry e : entries) {
            if (e.write == null) {
                return OptionalLong.of(e.time);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Whether {@code m}, at time {@code now}, is in the state before the changes logged at {@code now} (so that a
     * new change replaces them). Computes a state hash only if there are such changes.
     */
    boolean beforeChangesAt(long now, Machine m) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.time < now) {
                return false;
            }
            if (e.time == now) {
                return m.stateHash() != e.hash;
            }
        }
        return false;
    }

    /**
     * Logs a change made at {@code now} (write null: unknown content) with the state hash after it, dropping the
     * changes after {@code now} and, if {@code replacing}, those at {@code now}.
     */
    void add(long now, DebuggerWrite write, long hash, boolean replacing) {
        truncateAfter(replacing ? now - 1 : now);
        entries.add(new Entry(now, write, hash));
    }

    /** Forgets the changes after {@code time} (a discarded future); returns how many. */
    int truncateAfter(long time) {
        int n = entries.size();
        while (!entries.isEmpty() && entries.get(entries.size() - 1).time > time) {
            entries.remove(entries.size() - 1);
        }
        return n - entries.size();
    }
}
