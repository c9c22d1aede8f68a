package dev.rewind.dap;

import java.util.HashMap;
import java.util.Map;

/**
 * The ids a client may send back while the machine stays where it is: frame ids and variables references. They
 * are valid until the machine moves (run, step, time travel, a write by another front end); then
 * {@link #reset()} forgets them all and ids already handed out are refused as unknown.
 *
 * <p>It also keeps the answers given about this stop (stack traces, scopes, variables: {@link #answer},
 * {@link #keep}), so a client asking again (VS Code after each view update) is answered without going to the
 * machine. They go with the ids when the machine moves, and alone ({@link #forgetAnswers}) before any request that
 * may change what they show (a write, an evaluation). An answer computed while the machine moved is not kept: it
 * carries the {@link #generation} it started in.
 */
public final class Handles {

    private final Map<Integer, Object> objects = new HashMap<>();
    private final Map<Object, Object> answers = new HashMap<>();
    private int next = 1;
    private long generation;

    public synchronized int put(Object value) {
        int id = next++;
        if (next == Integer.MAX_VALUE) {
            next = 1;
        }
        objects.put(id, value);
        return id;
    }

    /** The object behind {@code id} if it is of {@code type}, else null. */
    public synchronized <T> T get(int id, Class<T> type) {
        Object o = objects.get(id);
        return type.isInstance(o) ? type.cast(o) : null;
    }

    public synchronized void reset() {
        objects.clear();
        forgetAnswers();
    }

    /** Changes whenever the answers are forgotten. */
    public synchronized long generation() {
        return generation;
    }

    /** The answer kept for {@code key} at this stop, or null. */
    public synchronized <T> T answer(Object key, Class<T> type) {
        Object o = answers.get(key);
        return type.isInstance(o) ? type.cast(o) : null;
    }

    /** Keeps {@code answer} for {@code key}, unless the answers were forgotten since {@code startedIn}. */
    public synchronized void keep(Object key, long startedIn, Object answer) {
        if (startedIn == generation) {
            answers.put(key, answer);
        }
    }

    /** Replaces the answer {@code old} for {@code key} by {@code answer}, if it is still there. */
    public synchronized void replace(Object key, Object old, Object answer) {
        answers.replace(key, old, answer);
    }

    public synchronized void forgetAnswers() {
        answers.clear();
        generation++;
    }

    public synchronized int size() {
        return objects.size();
    }
}
