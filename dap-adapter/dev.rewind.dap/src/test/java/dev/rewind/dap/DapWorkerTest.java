package dev.rewind.dap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reads run on the caller's thread when the worker is idle, else after what it has, in order. */
@Timeout(10)
class DapWorkerTest {

    @Test
    void aReadRunsHereWhenTheWorkerIsIdle() {
        DapWorker w = new DapWorker(Executors.newSingleThreadExecutor());
        try {
            Thread[] ran = new Thread[1];
            w.runOrQueue(() -> ran[0] = Thread.currentThread());
            assertThat(ran[0]).isSameAs(Thread.currentThread());
        } finally {
            w.shutdownNow();
        }
    }

    @Test
    void aReadWaitsBehindQueuedWorkInOrder() throws InterruptedException {
        DapWorker w = new DapWorker(Executors.newSingleThreadExecutor());
        try {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(2);
            List<String> order = new CopyOnWriteArrayList<>();
            w.queue(() -> {
                try {
                    assertThat(release.await(5, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                order.add("write");
                done.countDown();
            });
            w.runOrQueue(() -> {
                order.add("read on " + (Thread.currentThread().getName().contains("pool") ? "worker" : "caller"));
                done.countDown();
            });
            assertThat(order).as("the read did not pass the queued work").isEmpty();
            release.countDown();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(order).containsExactly("write", "read on worker");
        } finally {
            w.shutdownNow();
        }
    }
}
