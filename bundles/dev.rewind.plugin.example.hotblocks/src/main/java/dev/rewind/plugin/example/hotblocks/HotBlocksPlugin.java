package dev.rewind.plugin.example.hotblocks;

import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * The most executed blocks (QEMU's {@code hotblocks} plugin): a callback per block entry counts executions per block
 * start address (a block decoded again after self-modifying code or a page flush adds to the same entry). Replayed
 * history is not counted. Reports the top {@value #TOP} when uninstalled.
 */
@Component(service = RewindPlugin.class)
public final class HotBlocksPlugin implements RewindPlugin {
    static final int TOP = 10;

    /** Executions and size of the blocks starting at one address. */
    public static final class Entry {
        public final long pc;
        public long executions;
        public int insns;

        Entry(long pc) {
            this.pc = pc;
        }
    }

    private final Map<PluginContext, Map<Long, Entry>> machines = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "hotblocks";
    }

    @Override
    public void install(PluginContext ctx) {
        Map<Long, Entry> blocks = new HashMap<>();
        machines.put(ctx, blocks);
        ctx.onTranslate(tb -> {
            Entry e = blocks.computeIfAbsent(tb.pc(), Entry::new);
            e.insns = tb.size();
            tb.onExec((hart, time) -> {
                if (!ctx.replaying()) {
                    e.executions++;
                }
            });
        });
    }

    /** The blocks of {@code ctx}'s machine, most executed first. */
    public List<Entry> hottest(PluginContext ctx) {
        List<Entry> l = new ArrayList<>(machines.getOrDefault(ctx, Map.of()).values());
        l.sort(Comparator.comparingLong((Entry e) -> e.executions).reversed().thenComparingLong(e -> e.pc));
        return l;
    }

    @Override
    public void uninstall(PluginContext ctx) {
        List<Entry> l = hottest(ctx);
        machines.remove(ctx);
        ctx.report(String.format("%d blocks; hottest:", l.size()));
        for (Entry e : l.subList(0, Math.min(TOP, l.size()))) {
            ctx.report(String.format("  0x%x  %,d executions  %d insns", e.pc, e.executions, e.insns));
        }
    }
}
