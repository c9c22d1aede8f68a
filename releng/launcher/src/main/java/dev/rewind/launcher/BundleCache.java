package dev.rewind.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;

/**
 * Felix's bundle cache (its storage folder), kept between starts in the runtime folder ({@code felix-cache/N}) so that
 * a start reloads the runtime's bundles instead of installing them again (issue #16: time to the first instruction).
 * <p>
 * A cache is reused only when its fingerprint matches the runtime's bundles now: path, size, modification time and
 * file key of every jar (and of the launcher's own jar, which holds Felix). A rebuilt, added, removed, moved or copied
 * bundle changes it; the cache is then wiped and filled again. Each cache slot is held with a file lock for the whole
 * process, so concurrent starts use different slots ({@value #SLOTS} of them); when every slot is taken, or the runtime
 * folder is not writable, or {@code -Drewind.bundlecache=false}, a private temporary folder is used and removed at the
 * end (the behaviour before the cache).
 */
final class BundleCache implements AutoCloseable {

    static final int SLOTS = 4;

    private final Path storage;
    private final boolean reused;
    private final String fingerprint;
    private final Path fingerprintFile;
    private final FileChannel lockChannel;

    private BundleCache(Path storage, boolean reused, String fingerprint, Path fingerprintFile, FileChannel lockChannel) {
        this.storage = storage;
        this.reused = reused;
        this.fingerprint = fingerprint;
        this.fingerprintFile = fingerprintFile;
        this.lockChannel = lockChannel;
    }

    /** A cache for the runtime whose bundles are {@code jars} (in {@code runtimeDir/bundles}). */
    static BundleCache open(Path runtimeDir, List<Path> jars) throws IOException {
        return open(runtimeDir, jars, "");
    }

    /**
     * A cache for {@code jars}, in the slots named {@code family} + number ({@link CommandBundles}: a command's own
     * storage with the bundles it resolves; "" for all of the runtime's).
     */
    static BundleCache open(Path runtimeDir, List<Path> jars, String family) throws IOException {
        if (!"false".equals(System.getProperty("rewind.bundlecache"))) {
            String fingerprint = fingerprint(runtimeDir, jars);
            Path base = runtimeDir.resolve("felix-cache");
            for (int slot = 0; slot < SLOTS; slot++) {
                BundleCache cache = trySlot(base, family + slot, fingerprint);
                if (cache != null) {
                    return cache;
                }
            }
        }
        return new BundleCache(Files.createTempDirectory("rewind-felix-"), false, null, null, null);
    }

    private static BundleCache trySlot(Path base, String slot, String fingerprint) {
        FileChannel channel = null;
        try {
            Files.createDirectories(base);
            channel = FileChannel.open(base.resolve(slot + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;   // another process uses this slot
            }
            Path storage = base.resolve(slot);
            Path file = base.resolve(slot + ".fingerprint");
            boolean same = Files.isDirectory(storage) && Files.isRegularFile(file) && fingerprint.equals(read(file));
            if (!same) {
                Files.deleteIfExists(file);   // written again once every bundle is installed (commit)
            }
            return new BundleCache(storage, same, fingerprint, file, channel);
        } catch (IOException | OverlappingFileLockException e) {
            // a read-only runtime folder, or this JVM holds the slot already (tests): try the next slot
            closeQuietly(channel);
            return null;
        }
    }

    /** The fingerprint a slot was written with, or null when it cannot be read (the slot is then filled again). */
    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {   // unreadable or not UTF-8 (a torn write): a mismatch, not a lost slot
            return null;
        }
    }

    /** Felix's storage folder. */
    Path storage() {
        return storage;
    }

    /** Whether the storage holds this runtime's bundles from an earlier start (else Felix must clean it). */
    boolean reused() {
        return reused;
    }

    /** Whether the storage outlives this process. */
    boolean persistent() {
        return lockChannel != null;
    }

    /** Marks the storage as holding exactly the runtime's bundles (after they were all installed). */
    void commit() throws IOException {
        if (persistent() && !reused) {
            Path tmp = fingerprintFile.resolveSibling(fingerprintFile.getFileName() + ".tmp");
            Files.writeString(tmp, fingerprint, StandardCharsets.UTF_8);
            Files.move(tmp, fingerprintFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Forgets the storage's contents (a start that failed half-way): the next start cleans it. */
    void invalidate() throws IOException {
        if (persistent()) {
            Files.deleteIfExists(fingerprintFile);
        }
    }

    /**
     * The start set of {@code command} that an earlier start with this storage computed ({@link StartSet}: a function
     * of the bundles' metadata, which the fingerprint covers), in the order of {@code installed}; null when there is
     * none. Only for starts without user plugins (they are not fingerprinted).
     */
    List<Bundle> startSet(String command, List<Bundle> installed) {
        Path file = startSetFile(command);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            Set<String> locations = new HashSet<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            List<Bundle> set = new ArrayList<>();
            for (Bundle b : installed) {
                if (locations.remove(b.getLocation())) {
                    set.add(b);
                }
            }
            return locations.isEmpty() ? set : null;   // a bundle it names is gone: compute it again
        } catch (IOException e) {
            return null;   // unreadable: computed again
        }
    }

    /** Keeps {@code set}, the start set of {@code command}, for the next start with this storage. */
    void keepStartSet(String command, List<Bundle> set) {
        Path file = startSetFile(command);
        if (file == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Bundle b : set) {
            text.append(b.getLocation()).append('\n');
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("rewind: could not keep the start set of " + command + ": " + e.getMessage());
        }
    }

    /** In Felix's storage folder, so that cleaning it (a changed runtime) removes the start sets with the bundles. */
    private Path startSetFile(String command) {
        return persistent() && command.matches("[A-Za-z0-9._-]+") ? storage.resolve("rewind-start-" + command) : null;
    }

    /** Path, size, modification time and file key of each jar and of the launcher's jar (Felix) when there is one. */
    static String fingerprint(Path runtimeDir, List<Path> jars) throws IOException {
        StringBuilder text = new StringBuilder("rewind bundle cache 2\n");
        Path launcher = runtimeDir.resolve("rewind.jar");
        if (Files.isRegularFile(launcher)) {
            append(text, launcher);
        }
        for (Path jar : jars) {
            append(text, jar);
        }
        return text.toString();
    }

    private static void append(StringBuilder text, Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        // the time in ns as a number (an Instant's text would initialise java.time's formatting on every start)
        text.append(file.toAbsolutePath()).append('\t').append(a.size()).append('\t')
                .append(a.lastModifiedTime().to(TimeUnit.NANOSECONDS)).append('\t').append(a.fileKey()).append('\n');
    }

    @Override
    public void close() {
        if (persistent()) {
            closeQuietly(lockChannel);   // releases the slot's lock
            return;
        }
        try (Stream<Path> paths = Files.walk(storage)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("rewind: could not remove " + storage + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            System.err.println("rewind: could not release the bundle cache's lock: " + e.getMessage());
        }
    }
}
