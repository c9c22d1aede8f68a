package dev.rewind.debug;

import static dev.rewind.debug.Guests.await;
import static dev.rewind.debug.Guests.elf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Add-ons follow the sessions that want them: attached at creation, closed at the end; a failing one is skipped. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PerSessionTest {
    private final SessionManager manager = new SessionManager();

    @AfterEach
    void end() {
        manager.close();
    }

    @Test
    void addOnsLiveAsLongAsTheirSessions() throws Exception {
        List<String> closed = new CopyOnWriteArrayList<>();
        DebugSession before = await(manager.launch(LaunchConfig.of(elf("demo-rv32.elf"))));
        try (PerSession<AutoCloseable> addOns = new PerSession<>(manager, "test add-on",
                s -> s.program().getFileName().toString().startsWith("demo"), s -> {
                    if (s.harts() == 3) {
                        throw new IllegalStateException("refused");
                    }
                    return () -> closed.add(s.id());
                })) {
            assertThat(addOns.get(before.id())).as("a session already there").isPresent();
            DebugSession other = await(manager.launch(LaunchConfig.of(elf("hello-rv32.elf"))));
            DebugSession refused = await(manager.launch(LaunchConfig.of(elf("demo-rv32.elf")).withHarts(3)));
            DebugSession later = await(manager.launch(LaunchConfig.of(elf("demo-rv32.elf")).withHarts(2)));
            assertThat(addOns.get(other.id())).as("not wanted").isEmpty();
            assertThat(addOns.get(refused.id())).as("its attacher failed").isEmpty();
            assertThat(addOns.get(later.id())).as("a failure does not stop the others").isPresent();
            await(before.end());
            assertThat(closed).containsExactly(before.id());
            assertThat(addOns.get(before.id())).isEmpty();
        }
        assertThat(closed).as("closing closes the rest").hasSize(2);
    }
}
