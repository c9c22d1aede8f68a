package dev.rewind.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.it.RewindProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What `./rewind run` starts (issue #16, whole-process speed): only the bundles it needs, and its AOT training. */
@Timeout(300)
class StartUpTest {

    private static final Pattern STARTING = Pattern.compile("starting (\\d+) of (\\d+) bundles for run: (.*)");

    @Test
    void runStartsOnlyTheBundlesItNeedsAndStillRunsItsGuestWithTheTimeline() throws Exception {
        // (through the OSGi runtime: with no user plugin, run goes without it unless -Drewind.flat=false, below)
        Result r = RewindProcess.run(Map.of("REWIND_JAVA_OPTS", "-Drewind.timeline=true -Drewind.flat=false"), "run",
                RewindProcess.ROOT.resolve("tests/guest/elf/bench-small-rv32.elf").toString(), "--stats");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Matcher m = STARTING.matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isLessThan(Integer.parseInt(m.group(2)));
        // run's component starts by its references (rewind.start=references): the engine and the debug services are
        // libraries to it, resolved but not started
        assertThat(m.group(3).split(" ")).contains("dev.rewind.shell", "org.apache.felix.scr", "dev.rewind.plugins")
                .doesNotContain("dev.rewind.dap", "dev.rewind.gdb", "dev.rewind.mcd.server", "org.eclipse.lsp4j.debug",
                        "org.apache.felix.gogo.shell", "dev.rewind.debug", "dev.rewind.emulator");
        // the timeline: the launcher's steps, then the run's, then windows of the guest, in order
        assertThat(r.err()).containsSubsequence("launcher main", "bundles started", "run command entered",
                "machine loaded", "instructions: window");
        assertThat(r.err()).contains("instructions: ");
        Result all = RewindProcess.run(Map.of("REWIND_JAVA_OPTS", "-Drewind.timeline=true -Drewind.lazy=false"), "run",
                RewindProcess.ROOT.resolve("tests/guest/elf/exit-code-rv32.elf").toString());
        assertThat(all.err()).doesNotContain("bundles for run");
    }

    @Test
    void runWithNoUserPluginStartsNoOsgiRuntimeAndGivesTheSameRun() throws Exception {
        String elf = RewindProcess.ROOT.resolve("tests/guest/elf/bench-small-rv32.elf").toString();
        String hello = RewindProcess.ROOT.resolve("tests/guest/elf/hello-rv64.elf").toString();
        Result flat = RewindProcess.run(Map.of("REWIND_JAVA_OPTS", "-Drewind.timeline=true"), "run", elf, "--stats");
        Result osgi = RewindProcess.run(Map.of("REWIND_JAVA_OPTS", "-Drewind.timeline=true -Drewind.flat=false"), "run",
                elf, "--stats");
        assertThat(flat.exitCode()).as(flat.toString()).isZero().isEqualTo(osgi.exitCode());
        assertThat(flat.err()).containsSubsequence("launcher main", "run without the OSGi runtime",
                "run command entered", "machine loaded", "instructions: window").doesNotContain("felix started");
        assertThat(osgi.err()).contains("felix started").doesNotContain("run without the OSGi runtime");
        // the same guest output and the same instruction count (the engine is the same)
        assertThat(flat.out()).isEqualTo(osgi.out());
        assertThat(line(flat.err(), "instructions: ")).isEqualTo(line(osgi.err(), "instructions: ")).isNotNull();
        // options, exit codes and messages as through OSGi: 4 harts, a guest's exit code, a missing file, bad options
        Result harts = RewindProcess.run("run", hello, "--harts", "4");
        assertThat(harts.out()).containsSubsequence("hello from hart 0", "hello from hart 1", "hello from hart 2",
                "hello from hart 3");
        for (List<String> args : List.of(List.of("run", hello, "--harts", "4"),
                List.of("run", RewindProcess.ROOT.resolve("tests/guest/elf/exit-code-rv32.elf").toString()),
                List.of("run", "/no/such/file.elf"), List.of("run", hello, "--harts", "x"), List.of("run", "--help"))) {
            Result a = RewindProcess.run(args.toArray(new String[0]));
            Result b = RewindProcess.run(Map.of("REWIND_JAVA_OPTS", "-Drewind.flat=false"), args.toArray(new String[0]));
            assertThat(a.exitCode()).as(args + ": " + a + " / " + b).isEqualTo(b.exitCode());
            assertThat(a.out()).as(args.toString()).isEqualTo(b.out());
            assertThat(a.err()).as(args.toString()).isEqualTo(b.err());
        }
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElse(null);
    }

    @Test
    void theNextRunReusesFelixsBundleCacheAndARebuiltBundleIsNotTakenFromIt() throws Exception {
        // no AOT training writer meanwhile (it would hold a cache slot): REWIND_AOT=0
        Map<String, String> env = Map.of("REWIND_AOT", "0", "REWIND_JAVA_OPTS", "-Drewind.timeline=true -Drewind.flat=false");
        String elf = RewindProcess.ROOT.resolve("tests/guest/elf/exit-code-rv32.elf").toString();
        // (two starts fill run's own storage when no start through OSGi kept run's bundles before: the first keeps
        // them, the second fills the storage of that subset; a run with no user plugin goes without OSGi by default)
        RewindProcess.run(env, "run", elf);
        Result first = RewindProcess.run(env, "run", elf);
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(7);
        Result second = RewindProcess.run(env, "run", elf);
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(7);
        assertThat(second.err()).contains("felix started (bundle cache reused)");
        // a bundle jar written again (as a build does): the cache is not reused, then it is again
        Path shell;
        try (var jars = Files.list(RewindProcess.ROOT.resolve("releng/launcher/target/runtime/bundles"))) {
            shell = jars.filter(j -> j.getFileName().toString().startsWith("dev.rewind.shell-")).findFirst().orElseThrow();
        }
        Path copy = shell.resolveSibling(shell.getFileName() + ".tmp");
        Files.copy(shell, copy);
        Files.move(copy, shell, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Result rebuilt = RewindProcess.run(env, "run", elf);
        assertThat(rebuilt.exitCode()).as(rebuilt.toString()).isEqualTo(7);
        assertThat(rebuilt.err()).contains("felix started").doesNotContain("bundle cache reused");
        // (run's own storage, with the bundles it resolves, is filled again by the start after the rebuilt one)
        RewindProcess.run(env, "run", elf);
        Result after = RewindProcess.run(env, "run", elf);
        assertThat(after.err()).contains("felix started (bundle cache reused)");
        Matcher m = STARTING.matcher(after.err());
        assertThat(m.find()).as(after.err()).isTrue();
        long all;
        try (var jars = Files.list(shell.getParent())) {
            all = jars.count();
        }
        assertThat(Integer.parseInt(m.group(2))).as("installed: the bundles run resolves").isLessThan((int) all);
    }

    @Test
    void runHasAnAotCacheOfItsOwnTrainedOnRun() throws Exception {
        Result r = RewindProcess.run(Map.of("REWIND_AOT", "0", "REWIND_JAVA_OPTS", "-Drewind.timeline=true"), "train-run");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // the demo is the lost-update program: on 4 harts it exits with 3 (deterministically)
        // (on the path a run with no user plugin takes: without the OSGi runtime)
        assertThat(r.err()).contains("training run of `run` without OSGi: exit code 3")
                .doesNotContain("bundles for run: ");
        Result osgi = RewindProcess.run(Map.of("REWIND_AOT", "0", "REWIND_JAVA_OPTS", "-Drewind.flat=false"),
                "train-run");
        assertThat(osgi.exitCode()).as(osgi.toString()).isZero();
        assertThat(osgi.err()).contains("training run of `run` on the bundled demo: exit code 3");
        // a start of run finds its cache missing (or uses it) and a background JVM writes it: it appears
        Result run = RewindProcess.run("run", RewindProcess.ROOT.resolve("tests/guest/elf/exit-code-rv32.elf").toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(7);
        if (Runtime.version().feature() >= 25) {
            Path runtime = RewindProcess.ROOT.resolve("releng/launcher/target/runtime");
            // woken by the runtime folder's file events (the writer creates or renames the cache there), bounded
            try (java.nio.file.WatchService watch = runtime.getFileSystem().newWatchService()) {
                runtime.register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE,
                        java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY);
                long deadline = System.nanoTime() + 240_000_000_000L;
                while (!hasRunCache(runtime) && System.nanoTime() < deadline) {
                    java.nio.file.WatchKey key = watch.poll(deadline - System.nanoTime(),
                            java.util.concurrent.TimeUnit.NANOSECONDS);
                    if (key != null) {
                        key.pollEvents();
                        key.reset();
                    }
                }
            }
            assertThat(hasRunCache(runtime)).as("aot-run-*.aot in " + runtime).isTrue();
        }
    }

    private static boolean hasRunCache(Path runtime) throws java.io.IOException {
        try (var files = Files.list(runtime)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("aot-run-\\d+\\.aot"));
        }
    }
}
