package dev.rewind.debug;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A listener that keeps a session's events and lets a test wait for one, with a bound. */
final class Events extends CopyOnWriteArrayList<SessionEvent> implements SessionListener {
    private static final long serialVersionUID = 1L;

    @Override
    public void onEvent(SessionEvent event) {
        add(event);
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits up to 10 s for an event {@code p} accepts. */
    synchronized void waitFor(Predicate<SessionEvent> p) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (stream().noneMatch(p)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("no such event within 10 s; got " + this);
            }
            wait(left);
        }
    }

    String output() {
        StringBuilder sb = new StringBuilder();
        for (SessionEvent e : this) {
            if (e instanceof SessionEvent.Output o && !o.log()) {
                sb.append(o.text());
            }
        }
        return sb.toString();
    }
}
