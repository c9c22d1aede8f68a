package dev.rewind.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} warms the engine in a thread of its own while it parses the options and the ELF; when the command
 * returns, that thread has ended, also when the run ends at once on bad input (the OSGi runtime may stop right after).
 */
class RunWarmUpThreadTest {

    /**
     * A warm-up longer than any run of this test (RunCommand reads it when first used, below), so that its thread is
     * still busy when the run returns unless the run waits for it; the default one may end first by itself.
     */
    @BeforeAll
    static void longWarmUp() {
        System.setProperty("rewind.warmUp.max", "4000000000");
    }

    private static boolean warmUpAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("rewind-warm-up") && t.isAlive());
    }

    @Test
    @Timeout(60)
    void theWarmUpThreadHasEndedWhenARunOfAnAbsentElfReturns(@TempDir Path dir) {
        assertThat(RunCommand.WARM_UP).as("the warm-up is on by default").isTrue();
        assertThat(RunCommand.WARM_UP_MAX).isEqualTo(4_000_000_000L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = RunCommand.run(new String[] {dir.resolve("absent.elf").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(said).isNotZero();
        assertThat(said).contains("absent.elf");
        assertThat(warmUpAlive()).as("a warm-up thread still running after run returned").isFalse();
    }
}
