package dev.rewind.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * A subcommand starts only the bundles it needs: the bundle whose component declares {@code rewind:X}, what it is
 * wired to, and the bundles declaring a service it requires; the others stay installed. Built-ins start all.
 */
@Timeout(60)
class StartSetTest {

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"%s\">\n"
            + "  <property name=\"osgi.command.scope\" type=\"String\" value=\"rewind\"/>\n"
            + "  <property name=\"osgi.command.function\" type=\"String\">%s</property>\n"
            + "</scr:component>\n";

    @TempDir
    Path dir;

    private void bundle(String name, Map<String, String> headers, String componentXml) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", "1.0.0");
        headers.forEach(main::putValue);
        if (componentXml != null) {
            main.putValue("Service-Component", "OSGI-INF/" + name + ".xml");
        }
        Path bundles = Files.createDirectories(dir.resolve("runtime/bundles"));
        try (OutputStream out = Files.newOutputStream(bundles.resolve(name + ".jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            if (componentXml != null) {
                jar.putNextEntry(new JarEntry("OSGI-INF/" + name + ".xml"));
                jar.write(componentXml.getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
    }

    private Map<String, String> states(String command) throws Exception {
        return states(command, false);
    }

    /** The bundles' states during a start for {@code command}, from its own storage if {@code own} (CommandBundles). */
    private Map<String, String> states(String command, boolean own) throws Exception {
        LaunchOptions options = LaunchOptions.of(dir.resolve("no-plugins"), dir.resolve("runtime"));
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Map<String, String> states = new TreeMap<>();
        try (FelixRuntime runtime = FelixRuntime.start(options, false, command, own, err)) {
            for (Bundle b : runtime.context().getBundles()) {
                if (b.getBundleId() != 0) {
                    states.put(b.getSymbolicName(), RuntimeBundles.stateName(b.getState()));
                }
            }
            assertThat(runtime.partial()).isEqualTo(states.containsValue("RESOLVED") || states.containsValue("INSTALLED")
                    || states.size() < bundleCount());
        }
        return states;
    }

    private long bundleCount() throws IOException {
        try (java.util.stream.Stream<Path> jars = Files.list(dir.resolve("runtime/bundles"))) {
            return jars.count();
        }
    }

    /** The entries of {@code states} whose bundle is active. */
    private static Map<String, String> active(Map<String, String> states) {
        Map<String, String> active = new TreeMap<>(states);
        active.values().removeIf(s -> !s.equals("ACTIVE"));
        return active;
    }

    private void runtime() throws IOException {
        bundle("t.api", Map.of("Export-Package", "t.api"), null);
        bundle("t.service", Map.of("Provide-Capability", "osgi.service;objectClass:List<String>=\"t.api.Bus\""), null);
        bundle("t.other", Map.of("Provide-Capability", "osgi.service;objectClass:List<String>=\"t.api.Other\""), null);
        bundle("t.cmd", Map.of("Import-Package", "t.api",
                "Require-Capability", "osgi.service;effective:=active;filter:=\"(objectClass=t.api.Bus)\""),
                String.format(XML, "t.cmd.Run", "run\n    record"));
        bundle("t.unused", Map.of("Import-Package", "t.api"), String.format(XML, "t.unused.Dap", "dap"));
    }

    @Test
    void aCommandStartsItsBundleWhatItIsWiredToAndTheProvidersOfItsServices() throws Exception {
        runtime();
        Map<String, String> run = states("record");
        assertThat(run).containsEntry("t.cmd", "ACTIVE").containsEntry("t.api", "ACTIVE").containsEntry("t.service", "ACTIVE");
        assertThat(run.get("t.unused")).isNotEqualTo("ACTIVE");
        assertThat(run.get("t.other")).isNotEqualTo("ACTIVE");
        Map<String, String> dap = states("dap");
        assertThat(dap).containsEntry("t.unused", "ACTIVE").containsEntry("t.api", "ACTIVE");
        assertThat(dap.get("t.cmd")).isNotEqualTo("ACTIVE");
    }

    @Test
    void builtInsAndCommandsNoBundleDeclaresStartEveryBundle() throws Exception {
        runtime();
        assertThat(states(null).values()).containsOnly("ACTIVE").hasSize(5);
        assertThat(states("frobnicate").values()).containsOnly("ACTIVE").hasSize(5);
    }

    @Test
    void theRestStartsWhenTheCommandNeedsMore() throws Exception {
        runtime();
        LaunchOptions options = LaunchOptions.of(dir.resolve("no-plugins"), dir.resolve("runtime"));
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (FelixRuntime runtime = FelixRuntime.start(options, false, "run", err)) {
            assertThat(runtime.partial()).isTrue();
            assertThat(runtime.allActive()).isFalse();
            runtime.startRest(err);
            assertThat(runtime.partial()).isFalse();
            assertThat(runtime.allActive()).isTrue();
        }
    }

    @Test
    void aCommandThatStartsByReferencesStartsTheProvidersOfWhatItsComponentReferencesOnly() throws Exception {
        String component = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"%s\">\n%s</scr:component>\n";
        bundle("t.api", Map.of("Export-Package", "t.api"), null);
        // the command references t.api.Registry; its provider references t.api.Bus (registered by an activator)
        bundle("t.cmd", Map.of("Import-Package", "t.api", "Require-Capability",
                "osgi.service;effective:=active;filter:=\"(objectClass=t.api.Other)\""), String.format(component, "t.cmd.Run",
                "  <property name=\"osgi.command.scope\" value=\"rewind\"/>\n"
                        + "  <property name=\"osgi.command.function\" value=\"run\"/>\n"
                        + "  <property name=\"rewind.start\" value=\"references\"/>\n"
                        + "  <reference name=\"r\" cardinality=\"0..1\" interface=\"t.api.Registry\"/>\n"
                        + "</scr:component>\n<scr:component name=\"t.cmd.Record\">\n"
                        + "  <reference name=\"o\" interface=\"t.api.Other\"/>\n"));
        bundle("t.registry", Map.of("Import-Package", "t.api"), String.format(component, "t.registry.Impl",
                "  <service><provide interface=\"t.api.Registry\"/></service>\n"
                        + "  <reference name=\"b\" interface=\"t.api.Bus\"/>\n"));
        bundle("t.bus", Map.of("Provide-Capability", "osgi.service;objectClass:List<String>=\"t.api.Bus\""), null);
        bundle("t.other", Map.of("Import-Package", "t.api"), String.format(component, "t.other.Impl",
                "  <service><provide interface=\"t.api.Other\"/></service>\n"));
        Map<String, String> run = states("run");
        assertThat(run).containsEntry("t.cmd", "ACTIVE").containsEntry("t.registry", "ACTIVE")
                .containsEntry("t.bus", "ACTIVE").containsEntry("t.api", "RESOLVED");
        assertThat(run.get("t.other")).as("referenced by another component of the command's bundle").isNotEqualTo("ACTIVE");
    }

    @Test
    void aStartSetIsKeptWithTheBundleCacheAndComputedAgainWhenABundleChanged() throws Exception {
        runtime();
        Map<String, String> first = states("record");
        assertThat(first).containsEntry("t.service", "ACTIVE");
        Path kept = dir.resolve("runtime/felix-cache/0/rewind-start-record");
        assertThat(kept).exists();
        assertThat(Files.readString(kept)).contains("t.cmd.jar", "t.service.jar").doesNotContain("t.unused.jar");
        assertThat(states("record")).as("from the kept start set").isEqualTo(first);
        // t.cmd rebuilt without its service requirement: t.service is no longer part of record's start set
        Path jar = dir.resolve("runtime/bundles/t.cmd.jar");
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(jar);
        bundle("t.cmd", Map.of("Import-Package", "t.api"), String.format(XML, "t.cmd.Run", "run\n    record"));
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() + 2000));
        Map<String, String> rebuilt = states("record");
        assertThat(rebuilt).containsEntry("t.cmd", "ACTIVE");
        assertThat(rebuilt.get("t.service")).isNotEqualTo("ACTIVE");
    }

    @Test
    void aBundleStartedPersistentlyIsNotStartedByItselfFromTheKeptCache() throws Exception {
        runtime();
        LaunchOptions options = LaunchOptions.of(dir.resolve("no-plugins"), dir.resolve("runtime"));
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (FelixRuntime runtime = FelixRuntime.start(options, false, "record", err)) {
            for (Bundle b : runtime.context().getBundles()) {
                if ("t.other".equals(b.getSymbolicName())) {
                    b.start();   // persistently, as `start` in `rewind shell` would
                }
            }
        }
        Map<String, String> next = states("record");
        assertThat(next.get("t.other")).isNotEqualTo("ACTIVE");
    }

    @Test
    void aCommandsNextStartInstallsOnlyTheBundlesItResolvedUntilItNeedsMoreOrABundleChanged() throws Exception {
        runtime();
        Map<String, String> first = states("record", true);
        assertThat(first).containsKeys("t.unused", "t.other");
        Map<String, String> next = states("record", true);
        assertThat(next).as("its own storage: what record resolved, all started").isEqualTo(active(first))
                .doesNotContainKeys("t.unused", "t.other");
        assertThat(dir.resolve("runtime/felix-cache/record-0")).isDirectory();
        assertThat(states("record", false)).as("not asked to use its own storage: every bundle").containsKeys("t.unused");
        assertThat(states("dap", true)).as("another command: every bundle").containsKeys("t.cmd", "t.unused", "t.other");
        LaunchOptions options = LaunchOptions.of(dir.resolve("no-plugins"), dir.resolve("runtime"));
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (FelixRuntime runtime = FelixRuntime.start(options, false, "record", true, err)) {
            assertThat(runtime.context().getBundles()).hasSize(4);   // the system bundle and the three
            runtime.startRest(err);   // as when the command is not found in its bundles
            assertThat(runtime.allActive()).isTrue();
            assertThat(runtime.context().getBundles()).hasSize(6);
        }
        assertThat(states("record", true)).as("forgotten after it needed more").containsKeys("t.unused", "t.other");
        assertThat(states("record", true)).as("kept again").doesNotContainKeys("t.unused", "t.other");
        // a rebuilt bundle: every bundle again (the kept list names the runtime it was made for)
        Path jar = dir.resolve("runtime/bundles/t.unused.jar");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() + 2000));
        assertThat(states("record", true)).containsKeys("t.unused", "t.other");
    }

    /**
     * A kept list that cannot serve the command (truncated: the command's bundle or one it imports from is missing) is
     * forgotten without a word: every bundle, the command's bundle started, and the list kept anew at the end.
     */
    @Test
    void aKeptListThatCannotServeTheCommandIsForgottenSilently() throws Exception {
        runtime();
        states("record", true);
        Path list = dir.resolve("runtime/felix-cache/rewind-resolved-record");
        String kept = Files.readString(list);
        assertThat(kept).contains("t.api.jar\nt.cmd.jar\n");
        for (String truncated : new String[] {kept.substring(0, kept.indexOf("t.cmd.jar")),
                kept.replace("t.api.jar\n", "")}) {
            Files.writeString(list, truncated);
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
            LaunchOptions options = LaunchOptions.of(dir.resolve("no-plugins"), dir.resolve("runtime"));
            try (FelixRuntime runtime = FelixRuntime.start(options, false, "record", true, err)) {
                assertThat(runtime.context().getBundles()).as("every bundle").hasSize(6);
                assertThat(runtime.partial()).isTrue();
                for (Bundle b : runtime.context().getBundles()) {
                    if (b.getSymbolicName().startsWith("t.cmd")) {
                        assertThat(RuntimeBundles.stateName(b.getState())).isEqualTo("ACTIVE");
                    }
                }
            }
            assertThat(errors.toString(StandardCharsets.UTF_8)).as(truncated).isEmpty();
            assertThat(Files.readString(list)).as("kept anew").isEqualTo(kept);
            assertThat(states("record", true)).as("from the list again").doesNotContainKeys("t.unused", "t.other");
        }
    }

    @Test
    void componentPropertiesAreReadInBothForms() {
        String xml = "<component><property name=\"osgi.command.scope\" value=\"rewind\"/>"
                + "<property type=\"String\" name=\"osgi.command.function\">\n run\n  record \n</property></component>";
        assertThat(StartSet.has(xml, "osgi.command.scope", "rewind")).isTrue();
        assertThat(StartSet.has(xml, "osgi.command.function", "record")).isTrue();
        assertThat(StartSet.has(xml, "osgi.command.function", "rec")).isFalse();
        assertThat(StartSet.has(xml, "osgi.command.scope", "run")).isFalse();
    }
}
