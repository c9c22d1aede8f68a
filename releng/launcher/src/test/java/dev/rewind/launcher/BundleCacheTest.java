package dev.rewind.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * Felix's bundle cache is kept in the runtime folder and reused by the next start, but never when a bundle changed:
 * a rebuilt bundle whose embedded jar Felix extracted into its cache must be read afresh.
 */
@Timeout(60)
class BundleCacheTest {

    @TempDir
    Path dir;

    private final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    /** A bundle {@code t.lib} whose class path holds an embedded jar with the resource {@code v.txt}. */
    private Path libBundle(String text) throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(inner, new Manifest())) {
            jar.putNextEntry(new JarEntry("v.txt"));
            jar.write(text.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "t.lib");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-ClassPath", ".,inner.jar");
        Path file = Files.createDirectories(dir.resolve("runtime/bundles")).resolve("t.lib.jar");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("inner.jar"));
            jar.write(inner.toByteArray());
            jar.closeEntry();
        }
        return file;
    }

    private FelixRuntime start(Path plugins) throws LaunchException {
        return FelixRuntime.start(LaunchOptions.of(plugins, dir.resolve("runtime")), false, null, err);
    }

    private static String resource(FelixRuntime runtime) throws IOException {
        for (Bundle b : runtime.context().getBundles()) {
            if ("t.lib".equals(b.getSymbolicName())) {
                URL url = b.getResource("v.txt");
                assertThat(url).as("v.txt of the embedded jar").isNotNull();
                try (InputStream in = url.openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("t.lib is not installed");
    }

    private static List<String> names(FelixRuntime runtime) {
        List<String> names = new ArrayList<>();
        for (Bundle b : runtime.context().getBundles()) {
            names.add(b.getSymbolicName() + "#" + b.getBundleId());
        }
        return names;
    }

    @Test
    void theNextStartReusesTheCacheWithTheSameBundles() throws Exception {
        libBundle("one");
        List<String> first;
        try (FelixRuntime runtime = start(dir.resolve("none"))) {
            assertThat(runtime.cacheReused()).isFalse();
            assertThat(resource(runtime)).isEqualTo("one");
            first = names(runtime);
        }
        try (FelixRuntime runtime = start(dir.resolve("none"))) {
            assertThat(runtime.cacheReused()).isTrue();
            assertThat(resource(runtime)).isEqualTo("one");
            assertThat(names(runtime)).as("the same bundles, not installed again").isEqualTo(first);
        }
        assertThat(dir.resolve("runtime/felix-cache/0.fingerprint")).exists();
    }

    @Test
    void aRebuiltBundleNeverStartsFromTheStaleCache() throws Exception {
        Path jar = libBundle("one");
        try (FelixRuntime runtime = start(dir.resolve("none"))) {
            assertThat(resource(runtime)).isEqualTo("one");
        }
        FileTime before = Files.getLastModifiedTime(jar);
        libBundle("two");   // same size, same name: only the modification time and the file differ
        Files.setLastModifiedTime(jar, FileTime.fromMillis(before.toMillis() + 2000));
        try (FelixRuntime runtime = start(dir.resolve("none"))) {
            assertThat(resource(runtime)).as("the rebuilt bundle's embedded jar").isEqualTo("two");
            assertThat(runtime.cacheReused()).isFalse();
        }
        try (FelixRuntime runtime = start(dir.resolve("none"))) {
            assertThat(runtime.cacheReused()).isTrue();
            assertThat(resource(runtime)).isEqualTo("two");
        }
    }

    @Test
    void pluginsOfAnEarlierStartAreGoneAndConcurrentStartsUseTheirOwnCache() throws Exception {
        libBundle("one");
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "t.plugin");
        try (OutputStream out = Files.newOutputStream(plugins.resolve("p.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        try (FelixRuntime runtime = start(plugins)) {
            assertThat(names(runtime)).anyMatch(n -> n.startsWith("t.plugin#"));
        }
        try (FelixRuntime runtime = start(dir.resolve("none"));
             FelixRuntime second = start(dir.resolve("none"))) {
            assertThat(runtime.cacheReused()).isTrue();
            assertThat(names(runtime)).noneMatch(n -> n.startsWith("t.plugin#"));
            assertThat(second.cacheReused()).as("the first slot is taken: a cache of its own").isFalse();
            assertThat(resource(second)).isEqualTo("one");
        }
        assertThat(dir.resolve("runtime/felix-cache/1.fingerprint")).exists();
    }
}
