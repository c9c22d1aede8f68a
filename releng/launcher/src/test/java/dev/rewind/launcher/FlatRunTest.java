package dev.rewind.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Which runs go without the OSGi runtime, and which jars they take (the run itself: tests/dev.rewind.it StartUpTest). */
@Timeout(60)
class FlatRunTest {

    @TempDir
    Path dir;

    private Path jar(String name) throws Exception {
        return Files.write(dir.resolve("bundles").resolve(name), new byte[0]);
    }

    private void runtime() throws Exception {
        Files.createDirectories(dir.resolve("bundles"));
        for (String name : List.of("asm-9.10.1.jar", "dev.rewind.emulator-0.1.0-SNAPSHOT.jar",
                "dev.rewind.plugin.api-0.1.0-SNAPSHOT.jar", "dev.rewind.plugins-0.1.0-SNAPSHOT.jar",
                "dev.rewind.shell-0.1.0-SNAPSHOT.jar", "picocli-4.7.7.jar",
                // bundles of other names that start like the run's
                "dev.rewind.shell.extra-0.1.0.jar", "dev.rewind.plugin.example.cache-0.1.0.jar",
                "dev.rewind.emulator.tools-0.1.0.jar", "org.apache.felix.scr-2.2.18.jar")) {
            jar(name);
        }
    }

    @Test
    void theRunsJarsAreFoundByTheirNamesAndNoOtherBundleIsTaken() throws Exception {
        runtime();
        List<Path> jars = FlatRun.jars(dir.resolve("bundles"));
        assertThat(jars).extracting(p -> p.getFileName().toString()).containsExactly(
                "dev.rewind.shell-0.1.0-SNAPSHOT.jar", "dev.rewind.emulator-0.1.0-SNAPSHOT.jar",
                "dev.rewind.plugin.api-0.1.0-SNAPSHOT.jar", "dev.rewind.plugins-0.1.0-SNAPSHOT.jar",
                "picocli-4.7.7.jar", "asm-9.10.1.jar");
    }

    @Test
    void aRuntimeWithoutOneOfTheJarsRunsThroughOsgi() throws Exception {
        runtime();
        Files.delete(dir.resolve("bundles/picocli-4.7.7.jar"));
        assertThat(FlatRun.jars(dir.resolve("bundles"))).isNull();
        assertThat(FlatRun.jars(dir.resolve("no-such-folder"))).isNull();
    }

    @Test
    void onlyRunWithAnEmptyPluginsFolderGoesWithoutOsgi() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        LaunchOptions options = LaunchOptions.of(plugins, dir);
        assertThat(FlatRun.applies("run", options)).isTrue();
        assertThat(FlatRun.applies("run", LaunchOptions.of(dir.resolve("none"), dir))).isTrue();
        assertThat(FlatRun.applies("demo", options)).isFalse();
        assertThat(FlatRun.applies("dap", options)).isFalse();
        assertThat(FlatRun.applies("train-run", options)).isFalse();
        // a user plugin (any jar in the folder) may register plugins for the run's machine: the OSGi runtime
        Files.write(plugins.resolve("my-plugin.jar"), new byte[0]);
        assertThat(FlatRun.applies("run", options)).isFalse();
    }

    @Test
    void aRuntimeWithoutTheRunCommandGetsAMessageAndExitCodeOne() throws Exception {
        runtime();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // (the empty jars hold no class)
        int code = FlatRun.run(FlatRun.loader(FlatRun.jars(dir.resolve("bundles"))), List.of("x.elf"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(Main.EXIT_FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot call the run command");
    }
}
