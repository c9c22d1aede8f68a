package dev.rewind.gdb;

import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.Stop;
import dev.rewind.gdb.rsp.ProtocolException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The breakpoints and watchpoints one gdb connection inserted ({@code Z0}..{@code Z4}), keyed as gdb keys them
 * (type, address, kind), with the session's breakpoint id of each. The session's breakpoints are shared with
 * other front ends: a connection removes only its own.
 */
final class Triggers {
    /** {@code Z} packet types. */
    enum Type {
        SOFTWARE, HARDWARE, WRITE, READ, ACCESS;

        static Type of(int z) {
            if (z < 0 || z > 4) {
                throw new ProtocolException("unknown breakpoint type " + z);
            }
            return values()[z];
        }

        boolean watch() {
            return ordinal() >= 2;
        }

        String stopKey() {
            return switch (this) {
                case SOFTWARE -> "swbreak";
                case HARDWARE -> "hwbreak";
                case WRITE -> "watch";
                case READ -> "rwatch";
                case ACCESS -> "awatch";
            };
        }
    }

    record Key(Type type, long address, long kind) {
    }

    private final Map<Key, Integer> ids = new HashMap<>();
    private final Map<Integer, Type> types = new HashMap<>();

    static BreakpointSpec spec(Key key) {
        return switch (key.type()) {
            case SOFTWARE, HARDWARE -> BreakpointSpec.instruction(key.address());
            case WRITE -> BreakpointSpec.watch(key.address(), key.kind(), Stop.Access.WRITE);
            case READ -> BreakpointSpec.watch(key.address(), key.kind(), Stop.Access.READ);
            case ACCESS -> BreakpointSpec.watch(key.address(), key.kind(), Stop.Access.READ_WRITE);
        };
    }

    boolean contains(Key key) {
        return ids.containsKey(key);
    }

    void put(Key key, int id) {
        ids.put(key, id);
        types.put(id, key.type());
    }

    /** The session's id of a trigger, removed from the table; null when this connection did not insert it. */
    Integer remove(Key key) {
        Integer id = ids.remove(key);
        if (id != null) {
            types.remove(id);
        }
        return id;
    }

    /** The type this connection inserted a session breakpoint as; null for other front ends' breakpoints. */
    Type typeOf(int breakpointId) {
        return types.get(breakpointId);
    }

    /** Every session id, and forgets them (the connection is going away). */
    List<Integer> drain() {
        List<Integer> all = List.copyOf(ids.values());
        ids.clear();
        types.clear();
        return all;
    }
}
