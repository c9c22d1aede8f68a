package dev.rewind.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/** An embedded Felix framework with the runtime's bundles and the user's plugins installed and started. */
final class FelixRuntime implements AutoCloseable {

    private static final String GOGO_SHELL = "org.apache.felix.gogo.shell";

    private final Felix felix;
    private final BundleCache cache;
    private final List<Bundle> failed = new ArrayList<>();
    private boolean partial;
    private final List<Bundle> rest = new ArrayList<>();
    /** Every runtime jar, and the command whose resolved bundles are kept at close or whose subset this start is. */
    private List<Path> runtimeJars = List.of();
    private Path runtimeDir;
    private String command;
    /** Whether only the bundles the command resolved before are installed ({@link CommandBundles}). */
    private boolean subset;
    private boolean keepResolved;

    private FelixRuntime(Felix felix, BundleCache cache) {
        this.felix = felix;
        this.cache = cache;
    }

    static FelixRuntime start(LaunchOptions options, boolean interactive, PrintStream err) throws LaunchException {
        return start(options, interactive, null, err);
    }

    /**
     * @param command the subcommand {@code rewind:command} this runtime is for: only the bundles it needs are started
     *                ({@link StartSet}; the rest stay installed), and the user's plugins; null, or a command no bundle
     *                declares: every bundle
     */
    static FelixRuntime start(LaunchOptions options, boolean interactive, String command, PrintStream err)
            throws LaunchException {
        return start(options, interactive, command, false, err);
    }

    /**
     * @param ownStorage whether the command may start from the bundles it resolved before, in a storage of its own
     *                   ({@link CommandBundles}), and keep them for its next start (not: a command that starts the
     *                   bundles of another, as the training run of run, which also reads the demo of a bundle run
     *                   does not resolve)
     */
    static FelixRuntime start(LaunchOptions options, boolean interactive, String command, boolean ownStorage,
            PrintStream err) throws LaunchException {
        Path bundlesDir = options.bundlesDir();
        List<Path> runtimeJars = RuntimeBundles.jarsIn(bundlesDir);
        if (runtimeJars.isEmpty()) {
            throw new LaunchException("no bundles found in " + bundlesDir + "; rebuild the runtime with ./mvnw install", null);
        }
        Path runtimeDir = bundlesDir.getParent();
        // (user plugins may need any bundle: then every bundle)
        boolean own = ownStorage && RuntimeBundles.jarsIn(options.pluginsDir()).isEmpty();
        List<Path> subset = command != null && own ? CommandBundles.of(runtimeDir, runtimeJars, command) : null;
        if (subset != null) {
            FelixRuntime kept = open(options, interactive, command, own, runtimeJars, subset, err);
            if (kept != null) {
                return kept;
            }
            // the kept list cannot serve the command (damaged or edited by hand): forgotten, every bundle (and kept anew)
            own = CommandBundles.forget(runtimeDir, command, err);
        }
        return open(options, interactive, command, own, runtimeJars, null, err);
    }

    /**
     * A start with every runtime jar, or with the {@code subset} a command resolved before: then null (and nothing
     * printed) when that subset cannot serve the command (no bundle of it declares the command, one does not start).
     */
    private static FelixRuntime open(LaunchOptions options, boolean interactive, String command, boolean own,
            List<Path> runtimeJars, List<Path> subset, PrintStream err) throws LaunchException {
        Path runtimeDir = options.bundlesDir().getParent();
        BundleCache cache;
        try {
            cache = subset == null ? BundleCache.open(runtimeDir, runtimeJars)
                    : BundleCache.open(runtimeDir, subset, command + "-");
        } catch (IOException e) {
            throw new LaunchException("cannot create the OSGi storage folder: " + e.getMessage(), e);
        }
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.storage().toString());
        if (!cache.reused()) {
            config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        }
        config.put("felix.log.level", "1");
        config.put("org.apache.felix.eventadmin.LogLevel", "1");
        config.put("gosh.args", interactive ? "" : "--nointeractive");
        Felix felix = new Felix(config);
        FelixRuntime runtime = new FelixRuntime(felix, cache);
        runtime.runtimeJars = runtimeJars;
        runtime.runtimeDir = runtimeDir;
        runtime.command = command;
        runtime.subset = subset != null;
        try {
            felix.init();
            if (cache.reused()) {
                RuntimeBundles.forgetAutostart(felix.getBundleContext());
            }
            felix.start();
            Timeline.mark(cache.reused() ? "felix started (bundle cache reused)" : "felix started");
            List<Bundle> installed = RuntimeBundles.install(felix.getBundleContext(), subset != null ? subset : runtimeJars);
            cache.commit();
            List<Bundle> plugins = RuntimeBundles.installPlugins(felix.getBundleContext(), options.pluginsDir(), err);
            Timeline.mark("bundles installed");
            List<Bundle> needed = command == null || !plugins.isEmpty() ? null : cache.startSet(command, installed);
            if (command != null && needed == null) {
                needed = StartSet.of(command, installed, plugins, felix.adapt(FrameworkWiring.class));
                if (needed != null && plugins.isEmpty()) {
                    cache.keepStartSet(command, needed);
                }
            }
            if (needed != null) {
                runtime.rest.addAll(installed);
                runtime.rest.removeAll(needed);
                if (Timeline.ON) {
                    Timeline.mark("starting " + needed.size() + " of " + installed.size() + " bundles for " + command
                            + ": " + needed.stream().map(Bundle::getSymbolicName).collect(Collectors.joining(" ")));
                }
                installed.retainAll(needed);
                runtime.partial = true;
                runtime.keepResolved = subset == null && own && cache.persistent();
            }
            // The Gogo console starts last, so every command (DS components, plugins) is there at its first prompt.
            List<Bundle> console = new ArrayList<>();
            installed.removeIf(b -> GOGO_SHELL.equals(b.getSymbolicName()) && console.add(b));
            if (subset != null && needed == null) {
                throw new BundleException("no bundle of the kept list declares rewind:" + command);
            }
            // a start from the kept list says nothing of a bundle that fails (it starts again with every bundle); a full
            // start reports it and goes on without it (a broken plugin, say)
            PrintStream out = subset == null ? err : new PrintStream(OutputStream.nullOutputStream());
            runtime.startAll(installed, out, "bundle");
            runtime.startAll(plugins, out, "plugin");
            runtime.startAll(console, out, "bundle");
            if (subset != null && !runtime.failed.isEmpty()) {
                throw new BundleException("not started: " + runtime.failed);
            }
            Timeline.mark("bundles started");
        } catch (BundleException | IOException | RuntimeException e) {
            runtime.keepResolved = false;
            runtime.invalidateCache();
            runtime.close();
            if (subset != null) {
                return null;
            }
            throw new LaunchException("cannot start the OSGi runtime: " + e.getMessage(), e);
        }
        return runtime;
    }

    /** Whether Felix's bundle cache from an earlier start was reused ({@link BundleCache}). */
    boolean cacheReused() {
        return cache.reused();
    }

    /** Whether only the bundles of one command were started (the others are installed, not active). */
    boolean partial() {
        return partial;
    }

    /** Starts the bundles a partial start left out (the Gogo console last). */
    void startRest(PrintStream err) {
        keepResolved = false;
        if (subset) {   // the command needs more than it resolved before: every bundle now, and at its next start
            CommandBundles.forget(runtimeDir, command, err);
            try {
                cache.invalidate();
                List<Bundle> all = RuntimeBundles.install(felix.getBundleContext(), runtimeJars);
                rest.clear();
                rest.addAll(all);
                rest.removeIf(b -> b.getState() == Bundle.ACTIVE);
            } catch (BundleException | IOException e) {
                err.println("rewind: could not install the runtime's other bundles: " + e.getMessage());
            }
            subset = false;
        }
        List<Bundle> console = new ArrayList<>();
        rest.removeIf(b -> GOGO_SHELL.equals(b.getSymbolicName()) && console.add(b));
        startAll(rest, err, "bundle");
        startAll(console, err, "bundle");
        rest.clear();
        partial = false;
    }

    private void startAll(List<Bundle> bundles, PrintStream err, String kind) {
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                // transient: a kept bundle cache must not start it by itself at the next start (lazy start sets)
                bundle.start(Bundle.START_TRANSIENT);
            } catch (BundleException | RuntimeException e) {
                failed.add(bundle);
                err.println("rewind: " + kind + " " + bundle.getSymbolicName() + " could not be started: " + e.getMessage());
            }
        }
    }

    GogoSession gogo() throws LaunchException {
        return GogoSession.connect(felix.getBundleContext());
    }

    /** Calls the bundles' {@code rewind:} commands directly (without the Gogo runtime, which may not be started). */
    GogoSession commands() {
        return GogoSession.direct(felix.getBundleContext());
    }

    void printBundles(PrintStream out) {
        out.printf("%-4s %-11s %-45s %s%n", "ID", "STATE", "BUNDLE", "VERSION");
        for (Bundle bundle : felix.getBundleContext().getBundles()) {
            out.printf("%-4d %-11s %-45s %s%n", bundle.getBundleId(), RuntimeBundles.stateName(bundle.getState()),
                    bundle.getSymbolicName(), bundle.getVersion());
        }
    }

    boolean allActive() {
        for (Bundle bundle : felix.getBundleContext().getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                return false;
            }
        }
        return true;
    }

    BundleContext context() {
        return felix.getBundleContext();
    }

    /** Rewind's version: that of the engine bundle (major.minor.micro). */
    String version() {
        for (Bundle b : felix.getBundleContext().getBundles()) {
            if ("dev.rewind.emulator".equals(b.getSymbolicName())) {
                org.osgi.framework.Version v = b.getVersion();
                return v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
            }
        }
        return "(version unknown)";
    }

    @Override
    public void close() {
        Timeline.mark("stopping the runtime");
        if (keepResolved) {
            CommandBundles.keep(runtimeDir, runtimeJars, command, felix.getBundleContext(), System.err);
        }
        try {
            felix.stop();
            FrameworkEvent event = felix.waitForStop(10_000);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                System.err.println("rewind: the OSGi runtime did not stop within 10 s");
            }
        } catch (BundleException e) {
            System.err.println("rewind: stopping the OSGi runtime failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cache.close();
        Timeline.mark("runtime stopped");
    }

    private void invalidateCache() {
        try {
            cache.invalidate();
        } catch (IOException e) {
            System.err.println("rewind: could not mark the bundle cache as stale: " + e.getMessage());
        }
    }
}
