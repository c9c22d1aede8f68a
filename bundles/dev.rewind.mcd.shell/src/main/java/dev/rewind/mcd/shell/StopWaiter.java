package dev.rewind.mcd.shell;

import dev.rewind.mcd.api.CoreEvent;
import dev.rewind.mcd.api.CoreState;
import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.McdEventListener;
import dev.rewind.mcd.api.McdException;
import java.util.concurrent.CountDownLatch;

/** Starts a run of a core and waits for its STOPPED event; an interrupt (Ctrl-C) stops the machine. */
final class StopWaiter {
    private StopWaiter() {
    }

    /** What starts the run. */
    @FunctionalInterface
    interface Start {
        void run() throws McdException;
    }

    static CoreState awaitStop(McdCore core, Start start) throws McdException {
        CountDownLatch stopped = new CountDownLatch(1);
        McdEventListener listener = (c, events, state) -> {
            if ((events & CoreEvent.STOPPED.bit()) != 0) {
                stopped.countDown();
            }
        };
        core.addEventListener(listener);
        try {
            start.run();
            stopped.await();
        } catch (InterruptedException e) {
            core.stop(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: the machine was stopped at time " + core.qryCurrentTime());
        } finally {
            core.removeEventListener(listener);
        }
        return core.qryState();
    }
}
