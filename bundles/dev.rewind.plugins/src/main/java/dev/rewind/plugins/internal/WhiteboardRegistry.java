package dev.rewind.plugins.internal;

import dev.rewind.bus.EventBus;
import dev.rewind.emulator.Machine;
import dev.rewind.plugin.api.RewindPlugin;
import dev.rewind.plugins.PluginRegistry;
import dev.rewind.plugins.PluginReport;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@link PluginRegistry} over the whiteboard of {@link RewindPlugin} services. */
@Component(service = PluginRegistry.class)
public final class WhiteboardRegistry implements PluginRegistry {
    private final List<RewindPlugin> plugins = new CopyOnWriteArrayList<>();
    private final Set<Attached> attached = ConcurrentHashMap.newKeySet();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventBus bus;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPlugin(RewindPlugin p) {
        plugins.add(p);
        for (Attached a : attached) {
            a.machine.plugins().request(() -> a.machine.plugins().install(p));
        }
    }

    void removePlugin(RewindPlugin p) {
        plugins.remove(p);
        for (Attached a : attached) {
            a.machine.plugins().request(() -> a.machine.plugins().uninstall(p));
        }
    }

    @Override
    public Attachment attach(Machine machine, String label, BiConsumer<String, String> reports) {
        machine.plugins().reportTo((plugin, line) -> {
            reports.accept(plugin, line);
            EventBus b = bus;
            if (b != null) {
                b.post(new PluginReport(label, plugin, line));
            }
        });
        Attached a = new Attached(machine);
        attached.add(a);
        for (RewindPlugin p : plugins) {
            machine.plugins().install(p);
        }
        return a;
    }

    @Override
    public List<String> names() {
        return plugins.stream().map(RewindPlugin::name).toList();
    }

    private final class Attached implements Attachment {
        final Machine machine;

        Attached(Machine machine) {
            this.machine = machine;
        }

        @Override
        public void close() {
            if (attached.remove(this)) {
                machine.plugins().uninstallAll();
            }
        }
    }
}
