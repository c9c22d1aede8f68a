package dev.rewind.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.it.RewindProcess.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless runtime, started as users start it. */
class RuntimeTest {

    @Test
    void everyBundleIsActive() throws Exception {
        Result r = RewindProcess.run("bundles");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("dev.rewind.emulator", "dev.rewind.bus", "dev.rewind.shell",
                "org.apache.felix.scr", "org.apache.felix.eventadmin", "org.apache.felix.gogo.runtime");
        List<String> bundleLines = r.out().lines().filter(l -> !l.startsWith("ID ")).toList();
        long activeLines = bundleLines.stream().filter(l -> l.contains(" ACTIVE ")).count();
        assertThat(activeLines).as(r.toString()).isEqualTo(bundleLines.size()).isGreaterThanOrEqualTo(10);
        System.out.println("./rewind bundles took " + r.millis() + " ms");
    }

    @Test
    void eventIsDeliveredThroughTheFacade() throws Exception {
        Result r = RewindProcess.run("exec", "rewind:ping hello bus");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("delivered dev/rewind/bus/ping #1: hello bus");
    }

    @Test
    void gogoCommandPrintsItsOutput() throws Exception {
        Result r = RewindProcess.run("exec", "rewind:version");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Rewind 0.1.0").contains("on Java");
        Result version = RewindProcess.run("version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("Rewind 0.1.0");
    }

    @Test
    void interactiveShellRunsCommandsUntilEndOfInput() throws Exception {
        Result r = RewindProcess.runWithInput(Map.of(), "rewind:version\nrewind:ping from the shell\nrecrod x\n"
                + "mcd:lod x\nhelp\n", "shell");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Rewind 0.1.0 - multi-core RISC-V emulator").contains("rewind> ",
                "on Java", "delivered dev/rewind/bus/ping #1: from the shell")
                .doesNotContain("Apache Felix Gogo").doesNotContain("g! ");
        assertThat(r.err()).contains("unknown command 'recrod'; did you mean record",
                "unknown command 'mcd:lod'; did you mean mcd:load").doesNotContain("Exception");
        assertThat(r.out()).contains("rewind:run", "mcd:reverse-step");
    }

    @Test
    void scriptRunsAndAFailingCommandFailsIt(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.gogo"), "rewind:ping one\nrewind:ping two\n");
        Result ok = RewindProcess.run("script", good.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        Path bad = Files.writeString(dir.resolve("bad.gogo"), "rewind:ping one\nrewind:nosuchcommand\n");
        Result failed = RewindProcess.run("script", bad.toString());
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("nosuchcommand");
        Result missing = RewindProcess.run("script", dir.resolve("absent.gogo").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("script not found");
    }

    @Test
    void brokenPluginIsReportedAndTheOthersStart(@TempDir Path plugins) throws Exception {
        Files.write(plugins.resolve("broken.jar"), new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'j', 'a', 'r'});
        writePluginBundle(plugins.resolve("good.jar"), "dev.rewind.it.goodplugin");
        Result r = RewindProcess.run("--plugins", plugins.toString(), "bundles");
        assertThat(r.err()).contains("plugin broken.jar could not be installed");
        assertThat(r.out()).containsPattern("ACTIVE +dev\\.rewind\\.it\\.goodplugin");
        assertThat(r.out()).containsPattern("ACTIVE +dev\\.rewind\\.shell");
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    @Test
    void aPluginThatDoesNotStartIsReportedAndTheCommandRuns(@TempDir Path plugins) throws Exception {
        // installs, but does not resolve: its start fails, and the runtime goes on without it
        writePluginBundle(plugins.resolve("unresolved.jar"), "dev.rewind.it.unresolved", "dev.rewind.it.nosuchpackage");
        Result r = RewindProcess.run("--plugins", plugins.toString(), "exec", "rewind:ping", "still-here");
        assertThat(r.err()).contains("plugin dev.rewind.it.unresolved could not be started");
        assertThat(r.out()).contains("still-here");
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    @Test
    void unknownSubcommandPrintsUsageAndExitsWithTwo() throws Exception {
        Result r = RewindProcess.run("frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown command 'frobnicate'", "usage: rewind");
        Result none = RewindProcess.run();
        assertThat(none.exitCode()).isEqualTo(2);
        Result help = RewindProcess.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("usage: rewind", "shell", "script FILE", "exec", "bundles");
        // every rewind: command the bundles contribute, each with its synopsis from the service properties
        assertThat(help.out()).containsPattern("\n  run +runs a bare-metal")
                .containsPattern("\n  record +runs an ELF and saves a recording")
                .containsPattern("\n  replay +replays a recording").containsPattern("\n  mcd +serves an ELF")
                .containsPattern("\n  demo +the bundled demo");
        Result mcd = RewindProcess.run("help", "mcd");
        assertThat(mcd.exitCode()).as(mcd.toString()).isZero();
        assertThat(mcd.out()).startsWith("rewind mcd: serves an ELF").contains("--unix-socket", "--ram", "--token-file");
        Result typo = RewindProcess.run("help", "replya");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("unknown command 'replya'; did you mean replay");
        Result near = RewindProcess.run("recrd");
        assertThat(near.err()).contains("unknown command 'recrd'; did you mean record?");
        Result badOption = RewindProcess.run("--bogus");
        assertThat(badOption.exitCode()).isEqualTo(2);
    }

    @Test
    void missingJdkIsExplained(@TempDir Path empty) throws Exception {
        Result r = RewindProcess.run(Map.of(
                "JAVA_HOME", empty.toString(),
                "PATH", empty.toString() + ":/bin",
                "REWIND_JVM_DIRS", empty.toString()), "bundles");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no JDK 21 or newer found", "JAVA_HOME");
    }

    private static void writePluginBundle(Path jar, String symbolicName) throws IOException {
        writePluginBundle(jar, symbolicName, null);
    }

    private static void writePluginBundle(Path jar, String symbolicName, String importPackage) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        if (importPackage != null) {
            main.putValue("Import-Package", importPackage);
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.flush();
        }
    }
}
