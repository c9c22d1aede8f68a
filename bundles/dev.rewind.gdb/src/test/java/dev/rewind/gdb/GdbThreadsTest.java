package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** gdb-multiarch on the 4-hart demo: harts as threads, breakpoints by function name, registers, memory, CSRs. */
@Timeout(120)
class GdbThreadsTest {

    @Test
    void everyHartIsAThreadAndABreakpointHitsOnAProducer() throws Exception {
        try (Stub stub = new Stub("demo-rv32.elf", 4)) {
            String countItem = stub.hex("count_item");
            String out = stub.gdb(Gdb.script(
                    Gdb.marked("T0", "info threads"),
                    "break count_item",
                    Gdb.marked("HIT", "continue"),
                    Gdb.marked("ID", "p $mhartid", "thread"),
                    Gdb.marked("ALL", "thread apply all p $mhartid"),
                    Gdb.marked("BT", "thread apply all bt"),
                    Gdb.marked("MEM", "x/4xw 0x80000000", "x/2i $pc", "info registers mstatus",
                            "p/x $fp == $s0", "p/x $pc")));
            String threads = Gdb.section(out, "T0");
            for (int h = 0; h < 4; h++) {
                assertThat(threads).as(out).contains("Thread " + (h + 1) + " \"hart " + h + "\"");
            }
            // a producer (harts 1..3) hits count_item; the thread's mhartid says which hart it is
            Matcher hit = Pattern.compile("Thread (\\d) \"hart (\\d)\" hit Breakpoint 1, count_item \\(item=")
                    .matcher(Gdb.section(out, "HIT"));
            assertThat(hit.find()).as(out).isTrue();
            int hart = Integer.parseInt(hit.group(2));
            assertThat(hart).isBetween(1, 3);
            assertThat(Integer.parseInt(hit.group(1))).isEqualTo(hart + 1);
            assertThat(Gdb.section(out, "ID")).contains("$1 = " + hart, "[Current thread is " + (hart + 1));
            String all = Gdb.section(out, "ALL");
            for (int h = 0; h < 4; h++) {
                assertThat(all).contains("Thread " + (h + 1) + " \"hart " + h + "\"")
                        .containsPattern("(?s)Thread " + (h + 1) + " \"hart " + h + "\"[^\\n]*\\n\\$\\d+ = " + h + "\\n");
            }
            String bt = Gdb.section(out, "BT");
            assertThat(bt.split("\n#0 ", -1)).as(bt).hasSize(5);
            assertThat(bt).containsPattern("#0  (0x[0-9a-f]+ in )?count_item \\(item=")
                    .containsPattern("#1  0x[0-9a-f]+ in hart_main \\(");
            String mem = Gdb.section(out, "MEM");
            // the first word of _start, as the session reads it
            assertThat(mem).contains(stub.hex("_start") + " <_start>:\t" + stub.word("_start"));
            assertThat(mem).containsPattern("=> " + countItem + " <count_item(\\+\\d+)?>:\\t\\w+");
            assertThat(mem).containsPattern("mstatus +0x[0-9a-f]+");
            assertThat(mem).contains("= 0x1").contains("= " + countItem);
        }
    }

    @Test
    void rv64HartsAre64BitThreadsThatStepBothWays() throws Exception {
        try (Stub stub = new Stub("hello-rv64.elf", 2)) {
            String out = stub.gdb(Gdb.script("break hart_main", Gdb.marked("HIT", "continue", "p $mhartid",
                    "p sizeof($pc)", "show architecture"),
                    Gdb.marked("BEFORE", "info registers", "monitor time"), "stepi", "stepi", "reverse-stepi",
                    "reverse-stepi", Gdb.marked("AFTER", "info registers", "monitor time")));
            assertThat(Gdb.section(out, "HIT")).contains("Thread 2 \"hart 1\" hit Breakpoint 1", "$1 = 1", "$2 = 8",
                    "riscv:rv64");
            String before = Gdb.section(out, "BEFORE");
            assertThat(before).containsPattern("pc             0x[0-9a-f]+\\s+0x[0-9a-f]+ <hart_main");
            assertThat(Gdb.section(out, "AFTER").replaceAll("\\.\\.\\d+\\)", ")"))
                    .isEqualTo(before.replaceAll("\\.\\.\\d+\\)", ")"));
        }
    }
}
