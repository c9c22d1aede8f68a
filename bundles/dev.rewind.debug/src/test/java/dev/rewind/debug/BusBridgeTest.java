package dev.rewind.debug;

import static dev.rewind.debug.Guests.await;
import static dev.rewind.debug.Guests.elf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.bus.EventBus;
import dev.rewind.bus.EventCodec;
import dev.rewind.debug.bus.SessionBusEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BusBridgeTest {

    /** Collects what is posted, after checking that the bus codec accepts it (topic and property types). */
    static final class Recorder implements EventBus {
        final List<Record> posted = new CopyOnWriteArrayList<>();
        final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

        @Override
        public void post(Record event) {
            EventCodec.topicOf(event.getClass());
            EventCodec.fromProperties(event.getClass().asSubclass(Record.class), EventCodec.toProperties(event));
            posted.add(event);
            if (event instanceof SessionBusEvents.Ended) {
                ended.countDown();
            }
        }

        @Override
        public void send(Record event) {
            post(event);
        }

        @Override
        public <E extends Record> Subscription subscribe(Class<E> type, Consumer<? super E> handler) {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    @Test
    void everySessionEventIsPostedAsABusRecordInOrder() throws Exception {
        Recorder bus = new Recorder();
        SessionManager manager = new SessionManager();
        manager.setBus(bus);
        try {
            DebugSession s = await(manager.launch(LaunchConfig.of(elf("hello-rv32.elf"))));
            await(s.stepInstruction(0, 10));
            await(s.stepBackInstruction(0, 5));
            await(s.addBookmark("here"));
            var exit = s.nextStop();
            await(s.resume());
            Stop end = await(exit);
            await(s.end());
            assertThat(bus.ended.await(10, TimeUnit.SECONDS)).as("the Ended record is posted").isTrue();
            List<Class<?>> kinds = bus.posted.stream().<Class<?>>map(Object::getClass).toList();
            assertThat(kinds.get(0)).isEqualTo(SessionBusEvents.Started.class);
            assertThat(kinds.get(kinds.size() - 1)).isEqualTo(SessionBusEvents.Ended.class);
            assertThat(kinds).containsSubsequence(SessionBusEvents.Stopped.class, SessionBusEvents.Invalidated.class,
                    SessionBusEvents.Stopped.class, SessionBusEvents.Bookmarks.class, SessionBusEvents.Running.class,
                    SessionBusEvents.Output.class, SessionBusEvents.Stopped.class);
            SessionBusEvents.Stopped last = (SessionBusEvents.Stopped) bus.posted.stream()
                    .filter(r -> r instanceof SessionBusEvents.Stopped).reduce((a, b) -> b).orElseThrow();
            assertThat(last.reason()).isEqualTo("EXIT");
            assertThat(last.time()).isEqualTo(end.time());
        } finally {
            manager.close();
        }
    }
}
