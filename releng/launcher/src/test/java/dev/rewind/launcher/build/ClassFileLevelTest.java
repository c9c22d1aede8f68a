package dev.rewind.launcher.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's picocli, rewritten as Java 8 class files, loads and verifies class by class and still parses. */
@Timeout(120)
class ClassFileLevelTest {

    @TempDir
    Path dir;

    private static Path picocliJar() throws Exception {
        // picocli is a runtime dependency of the launcher (a bundle of the runtime), on the test class path
        return Path.of(Class.forName("picocli.CommandLine").getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<byte[]> classFiles(Path jar) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                    out.add(in.readAllBytes());
                }
            }
        }
        return out;
    }

    private static List<String> classNames(Path jar) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                String n = e.getName();
                if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
                    out.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        return out;
    }

    @Test
    void picocliBecomesJava8AndEveryClassVerifies() throws Exception {
        Path jar = dir.resolve("picocli.jar");
        Files.copy(picocliJar(), jar);
        assertThat(classFiles(jar)).anyMatch(c -> ClassFileLevel.version(c) < ClassFileLevel.MIN_CACHED);

        int n = ClassFileLevel.upgrade(jar);

        assertThat(n).isGreaterThan(100);
        assertThat(classFiles(jar)).allMatch(c -> ClassFileLevel.version(c) >= ClassFileLevel.MIN_CACHED);
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(Files.newInputStream(jar))) {
            assertThat(in.getManifest().getMainAttributes().getValue("Bundle-SymbolicName")).isEqualTo("picocli");
        }
        // every class links (the split verifier checks the computed frames) and initialises, in a loader of its own
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : classNames(jar)) {
                Class<?> c = Class.forName(name, true, loader);
                assertThat(c.getClassLoader()).isSameAs(loader);
            }
            // and the parser still parses
            Class<?> cli = Class.forName("picocli.CommandLine", true, loader);
            Object spec = Class.forName("picocli.CommandLine$Model$CommandSpec", true, loader).getMethod("create")
                    .invoke(null);
            Class<?> opt = Class.forName("picocli.CommandLine$Model$OptionSpec", true, loader);
            Object builder = opt.getMethod("builder", String[].class).invoke(null, (Object) new String[] {"--stats"});
            Object option = builder.getClass().getMethod("build").invoke(builder);
            spec.getClass().getMethod("addOption", opt).invoke(spec, option);
            Object commandLine = cli.getConstructor(Object.class).newInstance(spec);
            Object result = cli.getMethod("parseArgs", String[].class).invoke(commandLine,
                    (Object) new String[] {"--stats"});
            assertThat(result.getClass().getMethod("hasMatchedOption", String.class).invoke(result, "--stats"))
                    .isEqualTo(true);
        }
    }

    @Test
    void aJarWithoutOldClassesIsLeftAsItIs() throws Exception {
        Path jar = dir.resolve("new.jar");
        Path own = Path.of(ClassFileLevel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("dev/rewind/launcher/build/ClassFileLevel.class"));
            out.write(Files.readAllBytes(own.resolve("dev/rewind/launcher/build/ClassFileLevel.class")));
            out.closeEntry();
        }
        byte[] before = Files.readAllBytes(jar);

        assertThat(ClassFileLevel.upgrade(jar)).isZero();
        assertThat(Files.readAllBytes(jar)).isEqualTo(before);
    }

    @Test
    void theSameJarIsRewrittenToTheSameBytes() throws Exception {
        Path a = dir.resolve("a.jar");
        Path b = dir.resolve("b.jar");
        Files.copy(picocliJar(), a);
        Files.copy(picocliJar(), b);
        ClassFileLevel.upgrade(a);
        ClassFileLevel.upgrade(b);
        assertThat(Files.readAllBytes(a)).as("entry times come from the input, not the clock").isEqualTo(Files.readAllBytes(b));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(a));
                ZipInputStream orig = new ZipInputStream(Files.newInputStream(picocliJar()))) {
            assertThat(in.getNextEntry().getTime()).isEqualTo(orig.getNextEntry().getTime());
        }
    }

    @Test
    void aSignedJarIsRefusedAndLeftAsItIs() throws Exception {
        Path jar = dir.resolve("signed.jar");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(picocliJar()));
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("META-INF/SIGNER.SF"));
            out.write("Signature-Version: 1.0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        byte[] before = Files.readAllBytes(jar);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClassFileLevel.upgrade(jar))
                .isInstanceOf(IOException.class).hasMessageContaining("signed");
        assertThat(Files.readAllBytes(jar)).isEqualTo(before);
    }
}
