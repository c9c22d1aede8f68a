package dev.rewind.plugin.example.memhist;

import dev.rewind.plugin.api.MemCallback;
import dev.rewind.plugin.api.MemFilter;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * Memory accesses per 4 KiB page (QEMU's {@code hwprofile}/{@code mem} plugins): a memory callback on every load,
 * store and atomic counts reads and writes per page (an AMO counts as both). Replayed history is not counted.
 * Reports the {@value #TOP} busiest pages when uninstalled.
 */
@Component(service = RewindPlugin.class)
public final class MemHistPlugin implements RewindPlugin {
    static final int TOP = 10;

    /** Accesses to one page. */
    public static final class Page {
        public final long base;
        public long reads;
        public long writes;

        Page(long base) {
            this.base = base;
        }

        public long total() {
            return reads + writes;
        }
    }

    private final Map<PluginContext, Map<Long, Page>> machines = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "memhist";
    }

    @Override
    public void install(PluginContext ctx) {
        Map<Long, Page> pages = new TreeMap<>();
        machines.put(ctx, pages);
        MemCallback cb = (hart, time, addr, size, kind, value) -> {
            if (ctx.replaying()) {
                return;
            }
            Page p = pages.computeIfAbsent(addr & ~0xFFFL, Page::new);
            if ((kind & MemCallback.LOAD) != 0) {
                p.reads++;
            }
            if ((kind & MemCallback.STORE) != 0) {
                p.writes++;
            }
        };
        ctx.onTranslate(tb -> {
            for (int i = 0; i < tb.size(); i++) {
                tb.insn(i).onMem(MemFilter.ALL, cb);
            }
        });
    }

    /** The page holding {@code addr} in {@code ctx}'s machine, or null if never accessed. */
    public Page page(PluginContext ctx, long addr) {
        return machines.getOrDefault(ctx, Map.of()).get(addr & ~0xFFFL);
    }

    /** Pages of {@code ctx}'s machine, busiest first. */
    public List<Page> busiest(PluginContext ctx) {
        List<Page> l = new ArrayList<>(machines.getOrDefault(ctx, Map.of()).values());
        l.sort(Comparator.comparingLong(Page::total).reversed().thenComparingLong(p -> p.base));
        return l;
    }

    @Override
    public void uninstall(PluginContext ctx) {
        List<Page> l = busiest(ctx);
        machines.remove(ctx);
        ctx.report(String.format("%d pages accessed; busiest:", l.size()));
        for (Page p : l.subList(0, Math.min(TOP, l.size()))) {
            ctx.report(String.format("  0x%x  %,d reads  %,d writes", p.base, p.reads, p.writes));
        }
    }
}
