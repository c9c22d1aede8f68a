package dev.rewind.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.it.RewindProcess.Result;
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
        Result r = RewindProcess.run(Map.of("REWIND_JAVA_OPTS", "-Drewind.timeline=true"), "run",
                RewindProcess.ROOT.resolve("tests/guest/elf/bench-small-rv32.elf").toString(), "--stats");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Matcher m = STARTING.matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isLessThan(Integer.parseInt(m.group(2)));
        assertThat(m.group(3).split(" ")).contains("dev.rewind.shell", "dev.rewind.emulator", "org.apache.felix.scr",
                "dev.rewind.plugins").doesNotContain("dev.rewind.dap", "dev.rewind.gdb", "dev.rewind.mcd.server",
                "org.eclipse.lsp4j.debug", "org.apache.felix.gogo.shell");
        // the timeline: the launcher's steps, then the run's, then windows of the guest, in order
        assertThat(r.err()).containsSubsequence("launcher main", "bundles started", "run command entered",
                "machine loaded", "instructions: window");
        assertThat(r.err()).contains("instructions: ");
        Result all = RewindProcess.run(Map.of("REWIND_JAVA_OPTS", "-Drewind.timeline=true -Drewind.lazy=false"), "run",
                RewindProcess.ROOT.resolve("tests/guest/elf/exit-code-rv32.elf").toString());
        assertThat(all.err()).doesNotContain("bundles for run");
    }

    @Test
    void theAotTrainingRunAlsoRunsRun() throws Exception {
        Result r = RewindProcess.run(Map.of("REWIND_JAVA_OPTS", "-Drewind.train=run", "REWIND_AOT", "0"), "dap", "--train");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // the demo is the lost-update program: on 4 harts it exits with 3 (deterministically)
        assertThat(r.err()).contains("rewind dap --train: a session on",
                "training run of `run` on the bundled demo: exit code 3");
    }
}
