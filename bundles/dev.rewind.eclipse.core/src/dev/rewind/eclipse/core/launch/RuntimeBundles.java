package dev.rewind.eclipse.core.launch;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Starts Rewind's runtime bundles (debug services, bus, trace, plugins, MCD: Declarative Services components in
 * bundles without a lazy activation policy) the first time a session is launched in an Eclipse that did not start
 * them, as the headless launcher starts every bundle. Transient: the next Eclipse start does it again.
 */
final class RuntimeBundles {

    /** The bundles a debug session needs (services, event bus, trace and plugin observers), not the servers. */
    static final java.util.Set<String> NEEDED = java.util.Set.of("dev.rewind.emulator", "dev.rewind.mcd",
            "dev.rewind.symbols", "dev.rewind.debug", "dev.rewind.bus", "dev.rewind.plugin.api", "dev.rewind.plugins",
            "dev.rewind.trace");

    private RuntimeBundles() {
    }

    /** Starts the {@link #NEEDED} bundles that are not active yet; the problems, if any. */
    static List<String> start(BundleContext context) {
        List<String> problems = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name == null || !NEEDED.contains(name) || (b.getState() & (Bundle.RESOLVED | Bundle.INSTALLED)) == 0) {
                continue;
            }
            try {
                b.start(Bundle.START_TRANSIENT);
            } catch (BundleException | IllegalStateException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        return problems;
    }
}
