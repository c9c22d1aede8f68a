package dev.rewind.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bench scripts themselves, at a tiny size, with the classes of this build: their class paths (common.sh) must
 * hold everything the engine loads, and what they parse out of the runs must still be there. timetravel.sh stopped at
 * its first machine for several sessions (the plugin API was missing from its class path) while the benchmark's
 * classes passed their own tests. bench.sh and gdb.sh run the runtime ({@code ./rewind}), which the reactor builds
 * before this module.
 */
class BenchScriptsTest {

    private static final Path BENCH = Path.of("").toAbsolutePath();

    private static final Path RUNTIME = BENCH.resolve("../launcher/target/runtime/rewind.jar").normalize();

    private static String run(String script, String... args) throws IOException, InterruptedException {
        return run(Map.of(), script, args);
    }

    private static String run(Map<String, String> env, String script, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", BENCH.resolve(script).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null) {
            pb.environment().put("M2", repo);
            pb.environment().put("MAVEN_REPO", repo);
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();   // until the script and its JVM have closed it
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(script + " ended").isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(script + ":\n" + text).isZero();
        return text;
    }

    @Test
    @Timeout(120)
    void timetravelShRunsItsRecordingOverheadPart() throws Exception {
        String out = run("timetravel.sh", "--no-qemu", "--no-build", "--", "--only", "overhead",
                "--overhead-insns", "1e6", "--overhead-reps", "1");
        assertThat(out).contains("== Recording overhead").contains("slowdown").doesNotContain("Exception");
    }

    @Test
    @Timeout(120)
    void replayShRunsLiveRecordingReverseAndForward() throws Exception {
        String out = run("replay.sh", "--insns", "1000000", "--runs", "1", "--harts", "1", "--no-services");
        assertThat(out).contains("reverse-continue").contains("replay forward").doesNotContain("Exception");
    }

    /**
     * The table row of {@code label} (runs of spaces in it: one space): its whitespace-separated fields after the label,
     * without column bars.
     */
    private static List<String> row(String out, String label) {
        return out.lines().map(l -> l.replaceAll("\\s+", " ")).filter(l -> l.startsWith(label + " ")).findFirst()
                .map(l -> List.of(l.substring(label.length()).trim().split("\\s+")).stream()
                        .filter(f -> !f.equals("|")).toList())
                .orElseThrow(() -> new AssertionError("no row " + label + " in:\n" + out));
    }

    @Test
    @Timeout(180)
    void benchShFillsEveryColumnOfOneGuestAndBenchMt() throws Exception {
        assertThat(RUNTIME).as("the runtime (the reactor builds releng/launcher before this module)").isRegularFile();
        String out = run(Map.of("WARM", "1000000"), "bench.sh", "--runs", "1", "--guests", "work-crc", "--xlen", "32");
        // instructions | qemu s, cpu | in s, cpu, x wall, x cpu | whole s, cpu, x wall, x cpu | bef cpu, x cpu
        List<String> crc = row(out, "work-crc-rv32");
        assertThat(crc).hasSize(13);
        assertThat(crc.subList(0, 11)).as(out).noneMatch(f -> f.equals("-"));
        assertThat(Long.parseLong(crc.get(0))).isPositive();
        assertThat(row(out, "bench-mt-rv32")).as(out).hasSize(4).allMatch(f -> Double.parseDouble(f) > 0);
    }

    @Test
    @Timeout(120)
    void stabilityShCountsCompilationsOfItsJvm() throws Exception {
        String out = run("stability.sh", "--jvms", "1", "--window", "1000000", "--windows", "3");
        assertThat(row(out, "default")).as(out).hasSize(7);
        assertThat(out).contains("max/min");
    }

    @Test
    @Timeout(120)
    void pluginsShRunsEveryModeOnRewindAndQemu() throws Exception {
        String out = run(Map.of("BEFORE_AFTER", "0", "QEMU", "1", "RUNS", "1", "WARM", "1000000", "N", "2000000"),
                "plugins.sh");
        for (String mode : List.of("none", "inline", "cond", "callback", "functions", "trace")) {
            assertThat(row(out, mode).get(1)).as(out).matches("[0-9.]+");
        }
        assertThat(out).contains("qemu callback           :").doesNotContain("Exception");
    }

    @Test
    @Timeout(120)
    void servicesShStepsForwardAndBack() throws Exception {
        String out = run("services.sh", "--no-build", "--steps", "2");
        assertThat(out).as(out).contains("symbols-O0, 1 hart").contains("ttbench, 4 harts, time")
                .contains("back over a line: median").doesNotContain("Exception");
    }

    @Test
    @Timeout(180)
    void gdbShDrivesGdbMultiarchThroughReverseStepi() throws Exception {
        assertThat(RUNTIME).as("the runtime (the reactor builds releng/launcher before this module)").isRegularFile();
        String out = run("gdb.sh", "--marks", "1", "--reps", "2");
        assertThat(out).contains("reverse-stepi first");
        String table = out.substring(out.indexOf("virtual time"));
        List<String> first = List.of(table.lines().skip(1).findFirst().orElseThrow().trim().split("\\s+"));
        assertThat(first).as(out).hasSize(8).allMatch(f -> Double.parseDouble(f) > 0);
    }

    @Test
    @Timeout(120)
    void jvmoptsShTimesTheLauncherUnderEachVariant() throws Exception {
        assertThat(RUNTIME).as("the runtime (the reactor builds releng/launcher before this module)").isRegularFile();
        String out = run("jvmopts.sh", "--runs", "1", "--elf", BENCH.resolve("../../tests/guest/elf/exit-code-rv32.elf")
                .normalize().toString());
        for (String variant : List.of("launcher", "bare")) {
            List<String> r = row(out, "exit-code-rv32.elf " + variant);
            assertThat(r.subList(0, 3)).as(out).allMatch(f -> Double.parseDouble(f) > 0);
        }
        assertThat(out).contains("hs_err files: 0");
    }

    @Test
    @Timeout(120)
    void warmupShSplitsTheRunIntoStartWarmUpAndSteadyState() throws Exception {
        assertThat(RUNTIME).as("the runtime (the reactor builds releng/launcher before this module)").isRegularFile();
        String out = run("warmup.sh", "--runs", "1", "--window", "20000000", "--variant", "launcher=",
                "--variant", "nodir=REWIND_RUN_DIRECTIVES=0",
                BENCH.resolve("../../tests/guest/elf/bench-rv32.elf").normalize().toString());
        for (String variant : List.of("launcher", "nodir")) {
            List<String> r = row(out, "bench-rv32.elf " + variant);
            assertThat(r).as(out).hasSize(9);
            // start, st-wall, steady; cpu, main, wall (warm, settle and after may be 0 or below)
            assertThat(List.of(r.get(0), r.get(1), r.get(2), r.get(6), r.get(7), r.get(8))).as(out)
                    .allMatch(f -> Double.parseDouble(f) > 0);
        }
        assertThat(out).doesNotContain("failed");
    }
}
