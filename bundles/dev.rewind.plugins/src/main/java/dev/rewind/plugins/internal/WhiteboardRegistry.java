package dev.rewind.plugins.internal;

import dev.rewind.bus.EventBus;
import dev.rewind.emulator.Machine;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.instrument.Instrumentation;
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
            a.install(p);
        }
    }

    void removePlugin(RewindPlugin p) {
        plugins.remove(p);
        for (Attached a : attached) {
            a.uninstall(p);
        }
    }

    private BiConsumer<String, String> reporter(String label, BiConsumer<String, String> reports) {
        return (plugin, line) -> {
            reports.accept(plugin, line);
            EventBus b = bus;
            if (b != null) { // synchronously: a front end has the results when the uninstall returns, before it goes
                b.send(new PluginReport(label, plugin, line));
            }
        };
    }

    @Override
    public Attachment attach(Machine machine, String label, BiConsumer<String, String> reports) {
        machine.plugins().reportTo(reporter(label, reports));
        Attached a = new MachineAttached(machine);
        attached.add(a);
        for (RewindPlugin p : plugins) {
            machine.plugins().install(p);
        }
        return a;
    }

    @Override
    public Attachment attach(Instrumentation machine, String label, BiConsumer<String, String> reports) {
        machine.reportTo(reporter(label, reports));
        Attached a = new McdAttached(machine, label);
        attached.add(a);
        for (RewindPlugin p : plugins) {
            a.install(p);
        }
        return a;
    }

    @Override
    public List<String> names() {
        return plugins.stream().map(RewindPlugin::name).toList();
    }

    /** A machine the registry follows. */
    private interface Attached extends Attachment {
        void install(RewindPlugin p);

        void uninstall(RewindPlugin p);
    }

    /** An engine machine: changes at its next slice boundary. */
    private final class MachineAttached implements Attached {
        final Machine machine;

        MachineAttached(Machine machine) {
            this.machine = machine;
        }

        @Override
        public void install(RewindPlugin p) {
            machine.plugins().request(() -> machine.plugins().install(p));
        }

        @Override
        public void uninstall(RewindPlugin p) {
            machine.plugins().request(() -> machine.plugins().uninstall(p));
        }

        @Override
        public void close() {
            if (attached.remove(this)) {
                machine.plugins().uninstallAll();
            }
        }
    }

    /** A machine behind an MCD back end (a debug session's): changes through its instrumentation, at once. */
    private final class McdAttached implements Attached {
        final Instrumentation machine;
        final String label;
        final List<RewindPlugin> installed = new CopyOnWriteArrayList<>();

        McdAttached(Instrumentation machine, String label) {
            this.machine = machine;
            this.label = label;
        }

        @Override
        public void install(RewindPlugin p) {
            try {
                if (machine.install(p).isEmpty()) { // a refusal is reported by the machine's plugin host
                    installed.add(p);
                }
            } catch (McdException e) {
                System.err.println("rewind: plugin " + p.name() + " not installed into " + label + ": " + e.getMessage());
            }
        }

        @Override
        public void uninstall(RewindPlugin p) {
            if (installed.remove(p)) {
                try {
                    machine.uninstall(p);
                } catch (McdException e) {
                    System.err.println("rewind: plugin " + p.name() + " not uninstalled from " + label + ": "
                            + e.getMessage());
                }
            }
        }

        @Override
        public void close() {
            if (attached.remove(this)) {
                for (RewindPlugin p : List.copyOf(installed)) {
                    uninstall(p);
                }
            }
        }
    }
}
