package dev.rewind.gdb;

import dev.rewind.gdb.rsp.Hex;
import dev.rewind.gdb.rsp.ProtocolException;

/**
 * Harts as gdb threads: hart {@code h} is thread {@code h + 1} (gdb reserves 0 for "any" and -1 for "all").
 * No multiprocess syntax is used (the stub does not advertise {@code multiprocess+}), but a {@code pP.T} id
 * is accepted.
 */
final class Threads {
    static final int ANY = 0;
    static final int ALL = -1;

    private Threads() {
    }

    static int id(int hart) {
        return hart + 1;
    }

    static String name(int hart) {
        return "hart " + hart;
    }

    /** Parses a thread id: {@link #ALL}, {@link #ANY} or a thread number (not checked against the harts). */
    static int parse(String s) {
        String t = s;
        if (t.startsWith("p")) {
            int dot = t.indexOf('.');
            t = dot < 0 ? "-1" : t.substring(dot + 1);
        }
        if (t.equals("-1")) {
            return ALL;
        }
        try {
            return Hex.parseInt(t);
        } catch (ProtocolException e) {
            throw new ProtocolException("bad thread id '" + s + "'", e);
        }
    }

    /** The hart of a thread id, or -1 when the id is ALL/ANY or names no hart. */
    static int hart(int threadId, int harts) {
        return threadId >= 1 && threadId <= harts ? threadId - 1 : -1;
    }
}
