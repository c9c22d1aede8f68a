package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Forward and reverse execution through gdb-multiarch on the 4-hart demo: going back lands in the state forward
 * execution had (registers, virtual time, pc, watched values).
 */
@Timeout(180)
class GdbReverseTest {
    private static final String REGS = "info registers";

    @Test
    void reverseStepiUndoesStepiOnEveryRegister() throws Exception {
        try (Stub stub = new Stub("demo-rv32.elf", 4)) {
            String countItem = stub.hex("count_item");
            String out = stub.gdb(Gdb.script("break count_item", "continue",
                    Gdb.marked("BEFORE", REGS, "monitor time"),
                    "stepi", "stepi", "stepi",
                    Gdb.marked("AHEAD", REGS, "monitor time"),
                    "reverse-stepi", "reverse-stepi", "reverse-stepi",
                    Gdb.marked("AFTER", REGS, "monitor time")));
            String before = Gdb.section(out, "BEFORE");
            assertThat(before).contains("pc             " + countItem);
            // same registers, same virtual time; only the end of history (the frontier) moved on
            assertThat(withoutFrontier(Gdb.section(out, "AFTER"))).isEqualTo(withoutFrontier(before));
            assertThat(Gdb.section(out, "AHEAD")).isNotEqualTo(before);
            assertThat(time(Gdb.section(out, "AHEAD"))).isGreaterThanOrEqualTo(time(before) + 3);
        }
    }

    private static String withoutFrontier(String section) {
        return section.replaceAll("\\.\\.\\d+\\)", ")");
    }

    private static long time(String section) {
        Matcher m = Pattern.compile("time (\\d+)").matcher(section);
        assertThat(m.find()).as(section).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void reverseNextAndReverseFinishReturnWhereForwardCameFrom() throws Exception {
        try (Stub stub = new Stub("demo-rv32.elf", 4)) {
            String countItem = stub.hex("count_item");
            String out = stub.gdb(Gdb.script("break count_item", "continue", "delete",
                    Gdb.marked("START", "p/x $pc", "p/x $ra", "monitor time"),
                    "next",
                    Gdb.marked("NEXT", "p/x $pc"),
                    "reverse-next",
                    Gdb.marked("BACK", "p/x $pc", "p/x $ra", "monitor time"),
                    Gdb.marked("FINISH", "finish"),
                    Gdb.marked("OUT", "p/x $pc"),
                    "reverse-stepi",
                    Gdb.marked("INSIDE", "x/i $pc"),
                    Gdb.marked("RFINISH", "reverse-finish"),
                    Gdb.marked("CALL", "p/x $pc", "x/i $pc")));
            String start = Gdb.section(out, "START");
            assertThat(start).contains("$1 = " + countItem);
            assertThat(Gdb.section(out, "NEXT")).doesNotContain(countItem);
            String back = Gdb.section(out, "BACK");
            assertThat(withoutFrontier(back.replaceAll("\\$\\d+", "\\$")))
                    .isEqualTo(withoutFrontier(start.replaceAll("\\$\\d+", "\\$")));
            Matcher ra = Pattern.compile("\\$\\d+ = (0x[0-9a-f]+)").matcher(start);
            assertThat(ra.find() && ra.find()).isTrue();
            assertThat(Gdb.section(out, "FINISH")).contains("hart_main");
            assertThat(Gdb.section(out, "OUT")).contains("= " + ra.group(1));
            assertThat(Gdb.section(out, "INSIDE")).contains("<count_item+");
            // reverse-finish from inside count_item stops at its call in hart_main
            String call = Gdb.section(out, "CALL");
            assertThat(call).containsPattern("<hart_main\\+\\d+>:\\s+(jal|call)\\s+(ra,)?" + countItem + " <count_item>");
        }
    }

    @Test
    void watchpointsHitForwardsAndBackwardsWithValuesSwapped() throws Exception {
        try (Stub stub = new Stub("demo-rv32.elf", 4)) {
            String out = stub.gdb(Gdb.script("break count_item", "continue", "delete", "watch items_produced",
                    Gdb.marked("FWD", "continue", "p $mhartid + 1", "thread"),
                    "continue", "continue",
                    Gdb.marked("REV", "reverse-continue", "p $mhartid + 1", "thread")));
            Pattern hit = Pattern.compile("Thread (\\d) \"hart \\d\" hit Hardware watchpoint 2: items_produced\\s+"
                    + "Old value = (\\d+)\\s+New value = (\\d+)");
            Matcher fwd = hit.matcher(Gdb.section(out, "FWD"));
            assertThat(fwd.find()).as(out).isTrue();
            assertThat(Long.parseLong(fwd.group(3))).isEqualTo(Long.parseLong(fwd.group(2)) + 1);
            assertThat(Gdb.section(out, "FWD")).contains("= " + fwd.group(1) + "\n");
            Matcher rev = hit.matcher(Gdb.section(out, "REV"));
            assertThat(rev.find()).as(out).isTrue();
            // going back over a write shows it undone: the value before it is the "new" one
            assertThat(Long.parseLong(rev.group(3))).isLessThan(Long.parseLong(rev.group(2)));
            assertThat(Gdb.section(out, "REV")).contains("= " + rev.group(1) + "\n",
                    "[Current thread is " + rev.group(1));
        }
    }
}
