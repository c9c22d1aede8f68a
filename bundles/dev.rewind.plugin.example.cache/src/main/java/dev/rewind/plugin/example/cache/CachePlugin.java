package dev.rewind.plugin.example.cache;

import dev.rewind.plugin.api.MemCallback;
import dev.rewind.plugin.api.MemFilter;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * A private L1 data cache per hart (QEMU's {@code cache} plugin, data side): every load, store and atomic of a hart
 * goes through its own set-associative LRU model (16 KiB, 4 ways, 64-byte lines). Replayed history is not fed to
 * the model, and landing somewhere in time leaves the model as it was (a model of the timeline's cache would need
 * snapshots of its own). Reports the hit rate per hart when uninstalled.
 */
@Component(service = RewindPlugin.class)
public final class CachePlugin implements RewindPlugin {
    static final int SIZE = 16 * 1024;
    static final int WAYS = 4;
    static final int LINE = 64;

    private final Map<PluginContext, L1Cache[]> machines = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "cache";
    }

    @Override
    public void install(PluginContext ctx) {
        L1Cache[] caches = new L1Cache[ctx.harts()];
        for (int h = 0; h < caches.length; h++) {
            caches[h] = new L1Cache(SIZE, WAYS, LINE);
        }
        machines.put(ctx, caches);
        MemCallback cb = (hart, time, addr, size, kind, value) -> {
            if (!ctx.replaying()) {
                caches[hart].access(addr, size);
            }
        };
        ctx.onTranslate(tb -> {
            for (int i = 0; i < tb.size(); i++) {
                tb.insn(i).onMem(MemFilter.ALL, cb);
            }
        });
    }

    /** The caches of {@code ctx}'s machine, one per hart. */
    public L1Cache[] caches(PluginContext ctx) {
        return machines.get(ctx);
    }

    @Override
    public void uninstall(PluginContext ctx) {
        L1Cache[] caches = machines.remove(ctx);
        for (int h = 0; h < caches.length; h++) {
            L1Cache c = caches[h];
            ctx.report(String.format("hart %d: L1D %d KiB %d-way %d B lines: %,d hits, %,d misses, hit rate %.2f%%", h,
                    SIZE / 1024, WAYS, LINE, c.hits(), c.misses(), 100 * c.hitRate()));
        }
    }
}
