package dev.rewind.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.LaunchConfig;
import dev.rewind.debug.SessionManager;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The registered plugins observe the debug sessions that ask for them, live execution once however time travels. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SessionPluginsTest {
    static final Path DEMO = Path.of("../../tests/guest/elf/demo-rv32.elf");

    /** Counts live block executions per machine; reports the count when it leaves one. */
    static final class BlockCount implements RewindPlugin {
        final List<AtomicLong> machines = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "blockcount";
        }

        @Override
        public void install(PluginContext ctx) {
            AtomicLong n = new AtomicLong();
            machines.add(n);
            ctx.onTranslate(tb -> tb.onExec((hart, time) -> {
                if (!ctx.replaying()) {
                    n.incrementAndGet();
                }
            }));
        }

        @Override
        public void uninstall(PluginContext ctx) {
            ctx.report("blocks " + machines.get(0).get());
        }
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void pluginsJoinTheSessionsThatAskAndCountReplayOnce() throws Exception {
        SessionManager manager = new SessionManager();
        WhiteboardRegistry registry = new WhiteboardRegistry();
        BlockCount plugin = new BlockCount();
        registry.addPlugin(plugin);
        SessionPlugins plugins = new SessionPlugins(manager, registry);
        try {
            DebugSession without = await(manager.launch(LaunchConfig.of(DEMO).withHarts(2)));
            DebugSession with = await(manager.launch(LaunchConfig.of(DEMO).withHarts(2)
                    .withInstrumentation("plugins", "true")));
            assertThat(plugins.attached(with.id())).isTrue();
            assertThat(plugins.attached(without.id())).isFalse();
            assertThat(plugin.machines).hasSize(1);
            await(without.stepInstruction(0, 5000));
            assertThat(plugin.machines.get(0).get()).as("the other session is not observed").isZero();

            long t = await(with.stepInstruction(0, 20_000)).time();
            long live = plugin.machines.get(0).get();
            assertThat(live).isPositive();
            await(with.goToTime(t / 2));
            await(with.goToTime(t));
            assertThat(plugin.machines.get(0).get()).as("replayed history is not counted again").isEqualTo(live);
            await(with.stepInstruction(0, 1000));
            assertThat(plugin.machines.get(0).get()).as("live again").isGreaterThan(live);

            await(with.end()); // the session list changes inside end(): the plugins are detached by now
            assertThat(plugins.attached(with.id())).as("detached when the session ended").isFalse();
        } finally {
            plugins.close();
            manager.close();
        }
    }
}
