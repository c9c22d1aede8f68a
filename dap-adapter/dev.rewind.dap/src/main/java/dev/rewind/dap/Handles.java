package dev.rewind.dap;

import java.util.HashMap;
import java.util.Map;

/**
 * The ids a client may send back while the machine stays where it is: frame ids and variables references. They
 * are valid until the machine moves (run, step, time travel, a write by another front end); then
 * {@link #reset()} forgets them all and ids already handed out are refused as unknown.
 */
public final class Handles {

    private final Map<Integer, Object> objects = new HashMap<>();
    private int next = 1;

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
    }

    public synchronized int size() {
        return objects.size();
    }
}
