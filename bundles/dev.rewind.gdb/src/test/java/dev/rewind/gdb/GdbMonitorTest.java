package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code monitor} commands through gdb-multiarch: bookmarks, time, recordings; the trigger budget's error. */
@Timeout(120)
class GdbMonitorTest {

    @Test
    void bookmarkGotoReturnsToTheMarkedState(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("run.rwd");
        try (Stub stub = new Stub("demo-rv32.elf", 4)) {
            String out = stub.gdb(Gdb.script("break count_item", "continue", "delete",
                    Gdb.marked("MARK", "monitor bookmark add here", "p/x $pc", "p/x $a0", "monitor time"),
                    "stepi", "stepi", "next", "next",
                    Gdb.marked("MOVED", "p/x $pc"),
                    Gdb.marked("GOTO", "monitor bookmark goto here", "maintenance flush register-cache", "p/x $pc", "p/x $a0", "monitor time"),
                    Gdb.marked("LIST", "monitor bookmark list", "monitor history", "monitor help"),
                    Gdb.marked("REC", "monitor record " + recording),
                    Gdb.marked("DEL", "monitor bookmark delete here", "monitor bookmark list"),
                    Gdb.marked("RESET", "monitor reset", "maintenance flush register-cache", "p/x $pc",
                            "monitor time")));
            String mark = Gdb.section(out, "MARK");
            assertThat(mark).containsPattern("bookmark here at time \\d+");
            assertThat(Gdb.section(out, "MOVED")).doesNotContain("0x80000a3c");
            String back = Gdb.section(out, "GOTO");
            assertThat(back).containsPattern("now at time \\d+: hart \\d pc 0x80000a3c");
            // same pc and argument, same time (the history's end has moved on)
            assertThat(values(back)).isEqualTo(values(mark));
            assertThat(Gdb.section(out, "LIST")).containsPattern("here at time \\d+")
                    .containsPattern("history from time 0 to \\d+").contains("monitor bookmark goto NAME");
            assertThat(Gdb.section(out, "REC")).contains("recording saved to " + recording);
            assertThat(Files.size(recording)).isPositive();
            assertThat(Gdb.section(out, "DEL")).contains("bookmark here deleted", "no bookmarks");
            assertThat(Gdb.section(out, "RESET")).contains("now at time 0: hart 0 pc 0x80000000", "= 0x80000000",
                    "time 0 (history 0..0)");
        }
    }

    private static String values(String section) {
        return section.replaceAll("(?m)^(bookmark|now at|Register cache).*\\n", "").replaceAll("\\$\\d+", "\\$")
                .replaceAll("\\.\\.\\d+\\)", ")");
    }

    @Test
    void aWatchpointBeyondTheTriggerBudgetIsRefused() throws Exception {
        try (Stub stub = new Stub("demo-rv32.elf", 4)) {
            // 4 hardware triggers per hart (LaunchConfig.of): the fifth watchpoint cannot be armed
            String out = stub.gdb(Gdb.script("watch items_produced", "watch priority_items", "watch priority_hist[0]",
                    "watch priority_hist[1]", "watch priority_hist[2]", Gdb.marked("RUN", "continue")));
            assertThat(out).contains("Could not insert hardware watchpoint");
        }
    }
}
