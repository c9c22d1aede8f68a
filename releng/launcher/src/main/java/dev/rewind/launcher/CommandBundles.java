package dev.rewind.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * The runtime's bundles that a subcommand's start resolved (those it started and what they are wired to), kept in the
 * runtime folder ({@code felix-cache/rewind-resolved-COMMAND}) so that the command's next start installs only those,
 * in a Felix storage of its own ({@link BundleCache} slots {@code COMMAND-N}): Felix reloads every bundle its storage
 * holds at each start (~5 ms each in HotSpot's interpreter), and {@code run} resolves 16 of the 28. Only for commands
 * whose needs do not depend on their arguments ({@code run}: {@link Main}).
 * <p>
 * Kept by a start that installed every bundle, had no user plugins and started only the command's bundles; valid while
 * the runtime's bundles are the ones it was kept for (the same {@link BundleCache#fingerprint}). A start from the
 * subset that needs more ({@link FelixRuntime#startRest}) installs the rest and forgets the file, so the next start
 * installs all and keeps it again. A list that cannot serve the command (damaged or edited by hand: no bundle of it
 * declares the command, or one does not resolve or start) is forgotten without a word and every bundle started
 * ({@link FelixRuntime#start}).
 */
final class CommandBundles {

    private static final String PREFIX = "rewind-resolved-";
    /** Between the fingerprint (lines of text, none empty) and the jars' file names. */
    private static final String SEPARATOR = "\n\n";

    private CommandBundles() {
    }

    /** The jars (a subset of {@code jars}, in their order) that {@code command} resolved, or null when none are kept. */
    static List<Path> of(Path runtimeDir, List<Path> jars, String command) {
        Path file = file(runtimeDir, command);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int split = text.indexOf(SEPARATOR);
            if (split < 0 || !text.substring(0, split + 1).equals(BundleCache.fingerprint(runtimeDir, jars))) {
                return null;   // another runtime now: the file is written again by the next full start
            }
            Set<String> names = new HashSet<>(List.of(text.substring(split + SEPARATOR.length()).split("\n")));
            List<Path> subset = new ArrayList<>();
            for (Path jar : jars) {
                if (names.contains(jar.getFileName().toString())) {
                    subset.add(jar);
                }
            }
            return subset.isEmpty() ? null : subset;
        } catch (IOException | RuntimeException e) {   // unreadable or not UTF-8 (a torn write): every bundle
            return null;
        }
    }

    /** Keeps the runtime bundles ({@code jars}) that are resolved in {@code context} as those of {@code command}. */
    static void keep(Path runtimeDir, List<Path> jars, String command, BundleContext context, PrintStream err) {
        Path file = file(runtimeDir, command);
        if (file == null) {
            return;
        }
        Set<String> resolved = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() != Constants.SYSTEM_BUNDLE_ID && (b.getState() & (Bundle.INSTALLED | Bundle.UNINSTALLED)) == 0) {
                resolved.add(b.getLocation());
            }
        }
        try {
            StringBuilder text = new StringBuilder(BundleCache.fingerprint(runtimeDir, jars)).append('\n');
            for (Path jar : jars) {
                if (resolved.contains(RuntimeBundles.location(jar))) {
                    text.append(jar.getFileName()).append('\n');
                }
            }
            write(file, text.toString());
        } catch (IOException e) {
            err.println("rewind: could not keep the bundles of " + command + ": " + e.getMessage());
        }
    }

    /**
     * Replaces {@code file} by {@code text} at once, through a temporary file of its own in the same folder: two
     * {@code rewind} processes that finish together each move a whole list into place (the last one stays).
     */
    static void write(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);   // (moved: no longer there)
        }
    }

    /** Forgets what {@code command} resolved (it needed more): its next start installs every bundle. False: not. */
    static boolean forget(Path runtimeDir, String command, PrintStream err) {
        Path file = file(runtimeDir, command);
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
            return true;
        } catch (IOException e) {
            err.println("rewind: could not forget the bundles of " + command + ": " + e.getMessage());
            return false;
        }
    }

    private static Path file(Path runtimeDir, String command) {
        return command.matches("[A-Za-z0-9._-]+") ? runtimeDir.resolve("felix-cache").resolve(PREFIX + command) : null;
    }
}
