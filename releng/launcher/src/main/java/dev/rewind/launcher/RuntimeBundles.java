package dev.rewind.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/** The runtime's bundles in a framework whose storage may hold them from an earlier start ({@link BundleCache}). */
final class RuntimeBundles {

    private RuntimeBundles() {
    }

    /** The location of a runtime jar: Felix reads it where it is instead of copying it into its cache. */
    static String location(Path jar) {
        return "reference:" + jar.toUri();
    }

    /**
     * The bundles of {@code jars} (in their order): those the storage holds already, the others installed. Every other
     * bundle the storage holds (the user's plugins of an earlier start; they are installed afresh) is uninstalled.
     */
    static List<Bundle> install(BundleContext context, List<Path> jars) throws BundleException {
        Map<String, Bundle> present = new LinkedHashMap<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() != Constants.SYSTEM_BUNDLE_ID) {
                present.put(b.getLocation(), b);
            }
        }
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            String location = location(jar);
            Bundle b = present.remove(location);
            bundles.add(b != null ? b : context.installBundle(location));
        }
        for (Bundle stale : present.values()) {
            stale.uninstall();
        }
        return bundles;
    }

    /**
     * Clears the persistent autostart setting of every bundle of a reused storage, so that the framework starts none of
     * them by itself: each command starts the bundles it needs ({@link StartSet}), transiently.
     */
    static void forgetAutostart(BundleContext context) throws BundleException {
        for (Bundle b : context.getBundles()) {
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            if (b.getBundleId() != Constants.SYSTEM_BUNDLE_ID && level != null && level.isPersistentlyStarted()) {
                b.stop();
            }
        }
    }

    /** The jars in {@code dir} by name (none when it is not a folder). */
    static List<Path> jarsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** A bundle state's name, as {@code rewind bundles} prints it. */
    static String stateName(int state) {
        switch (state) {
            case Bundle.ACTIVE: return "ACTIVE";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            default: return "UNINSTALLED";
        }
    }

    /** The user's plugins (the jars in {@code dir}) installed; one that cannot be is reported and left out. */
    static List<Bundle> installPlugins(BundleContext context, Path dir, PrintStream err) {
        List<Bundle> plugins = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return plugins;
        }
        for (Path jar : jarsIn(dir)) {
            try {
                plugins.add(context.installBundle(jar.toUri().toString()));
            } catch (BundleException | RuntimeException e) {
                err.println("rewind: plugin " + jar.getFileName() + " could not be installed: " + e.getMessage());
            }
        }
        return plugins;
    }
}
