package dev.rewind.debug;

import java.util.List;
import java.util.function.Predicate;

/** Bounded waits on collected events. */
final class Events {
    private Events() {
    }

    static void waitFor(List<SessionEvent> events, Predicate<SessionEvent> p) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (events.stream().anyMatch(p)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no such event within 10 s; got " + events);
    }

    static String output(List<SessionEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (SessionEvent e : events) {
            if (e instanceof SessionEvent.Output o && !o.log()) {
                sb.append(o.text());
            }
        }
        return sb.toString();
    }
}
