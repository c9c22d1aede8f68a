package dev.rewind.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bench scripts themselves, at a tiny size, with the classes of this build: their class paths (common.sh) must
 * hold everything the engine loads. timetravel.sh stopped at its first machine for several sessions (the plugin API
 * was missing from its class path) while the benchmark's classes passed their own tests.
 */
class BenchScriptsTest {

    private static final Path BENCH = Path.of("").toAbsolutePath();

    private static String run(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", BENCH.resolve(script).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null) {
            pb.environment().put("M2", repo);
            pb.environment().put("MAVEN_REPO", repo);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();   // until the script and its JVM have closed it
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(script + " ended").isTrue();
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
}
