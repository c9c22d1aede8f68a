package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            String list = Gdb.section(out, "LIST");
            assertThat(list).containsPattern("here at time \\d+").containsPattern("history from time 0 to \\d+")
                    .contains("monitor bookmark goto NAME", "bookmarks: 1");
            Matcher snapshots = Pattern.compile("snapshots: (\\d+) \\((\\d+) kept for bookmarks\\), one every (\\d+) "
                    + "instructions").matcher(list);
            assertThat(snapshots.find()).as(list).isTrue();
            assertThat(Integer.parseInt(snapshots.group(1))).isPositive()
                    .isGreaterThanOrEqualTo(Integer.parseInt(snapshots.group(2)));
            assertThat(Long.parseLong(snapshots.group(3))).isPositive();
            Matcher memory = Pattern.compile("memory: ([0-9.]+) MiB of a ([0-9.]+) MiB budget").matcher(list);
            assertThat(memory.find()).as(list).isTrue();
            assertThat(Double.parseDouble(memory.group(1))).isLessThanOrEqualTo(Double.parseDouble(memory.group(2)));
            assertThat(Gdb.section(out, "REC")).contains("recording saved to " + recording);
            assertThat(Files.size(recording)).isPositive();
            assertThat(Gdb.section(out, "DEL")).contains("bookmark here deleted", "no bookmarks");
            assertThat(Gdb.section(out, "RESET")).contains("now at time 0: hart 0 pc 0x80000000", "= 0x80000000",
                    "time 0 (history 0..0)");
        }
    }

    /** The README's hook: after every {@code monitor} command gdb drops its cached registers, frames and memory. */
    static final String[] HOOK = {"define hookpost-monitor", "maintenance flush register-cache",
        "maintenance flush dcache", "end"};

    @Test
    void withTheHookGdbShowsTheStateWhereGotoLanded() throws Exception {
        try (Stub stub = new Stub("demo-rv32.elf", 4)) {
            String out = stub.gdb(Gdb.script(HOOK, "break count_item", "continue", "delete",
                    Gdb.marked("MARK", "monitor bookmark add here", "p/x $pc", "p/x $sp", "p/x $ra", "bt",
                            "monitor time"),
                    "stepi", "stepi", "next", "next",
                    Gdb.marked("MOVED", "p/x $pc", "bt"),
                    Gdb.marked("GOTO", "monitor bookmark goto here", "p/x $pc", "p/x $sp", "p/x $ra", "bt",
                            "monitor time"),
                    Gdb.marked("START", "monitor goto 0", "p $pc == _start", "info symbol $pc")));
            String mark = Gdb.section(out, "MARK");
            assertThat(mark).contains("count_item");
            assertThat(Gdb.section(out, "MOVED")).isNotEqualTo(mark);
            // registers, the backtrace (read from stack memory) and the time as they were at the bookmark
            assertThat(values(Gdb.section(out, "GOTO"))).isEqualTo(values(mark));
            assertThat(Gdb.section(out, "START")).contains("now at time 0", "= 1\n", "_start in section");
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
