package dev.rewind.plugin.example.insncount;

import dev.rewind.plugin.api.Counter;
import dev.rewind.plugin.api.PluginContext;
import dev.rewind.plugin.api.RewindPlugin;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * Instructions executed per hart (QEMU's {@code insn} plugin, inline flavour): one inline addition per instruction,
 * emitted by the translator as bytecode; nothing is called per instruction. An instruction counts when it starts, so
 * one that traps counts too. Replayed history is not counted. Reports per hart and in total when uninstalled.
 */
@Component(service = RewindPlugin.class)
public final class InsnCountPlugin implements RewindPlugin {
    private final Map<PluginContext, Counter> counters = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "insncount";
    }

    @Override
    public void install(PluginContext ctx) {
        Counter c = ctx.counter("instructions");
        counters.put(ctx, c);
        ctx.onTranslate(tb -> {
            for (int i = 0; i < tb.size(); i++) {
                tb.insn(i).inlineAdd(c, 1);
            }
        });
    }

    /** The counter of the machine {@code ctx} belongs to (null when not installed there). */
    public Counter counter(PluginContext ctx) {
        return counters.get(ctx);
    }

    @Override
    public void uninstall(PluginContext ctx) {
        Counter c = counters.remove(ctx);
        for (int h = 0; h < ctx.harts(); h++) {
            ctx.report(String.format("hart %d: %,d instructions", h, c.get(h)));
        }
        ctx.report(String.format("total: %,d instructions", c.sum()));
    }
}
