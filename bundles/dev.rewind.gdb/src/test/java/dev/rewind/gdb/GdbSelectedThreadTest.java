package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reverse execution of the thread the user selected, not the one that stopped last, with gdb's default
 * {@code scheduler-locking} (gdb sends {@code Hc0} and {@code bs}/{@code bc}, naming no thread): on the 4-hart demo
 * a producer hits {@code count_item}, the user selects another producer and steps it back and forth, also after
 * {@code info threads} and {@code thread apply all} have visited every thread.
 */
@Timeout(180)
class GdbSelectedThreadTest {
    private static final String[] WHERE = {"p $_thread", "p/x $pc", "monitor time"};

    @Test
    void reverseExecutionMovesTheSelectedThread() throws Exception {
        try (Stub stub = new Stub("demo-rv32.elf", 4)) {
            // the producer that stops first is $p; another producer, $q, runs to count_item too, then $p again: both
            // are busy producing, and $p stopped last
            String out = stub.gdb(Gdb.script("break count_item", "continue", "delete", "set $p = $_thread",
                    "if $p == 4", "set $q = 3", "else", "set $q = 4", "end",
                    "break count_item thread $q", "continue", "delete",
                    "break count_item thread $p", "continue", "delete",
                    "thread $q",
                    Gdb.marked("SEL", WHERE), "stepi",
                    Gdb.marked("FWD", WHERE), "reverse-stepi",
                    Gdb.marked("BACK", WHERE), "info threads", "reverse-stepi",
                    Gdb.marked("INFO", WHERE), "stepi", "thread apply all p $pc", "reverse-stepi",
                    Gdb.marked("APPLY", WHERE), "monitor bookmark add apply", "break count_item thread $p",
                    "reverse-continue",
                    Gdb.marked("RCONT", "p $_thread == $p", "x/i $pc", "monitor time"), "delete",
                    // back to where $q was busy (gdb's current thread is $p now), then $q's reverse-next and -finish
                    "monitor bookmark goto apply", "maintenance flush register-cache", "thread $q",
                    Gdb.marked("Q", WHERE), "reverse-next",
                    Gdb.marked("RNEXT", WHERE), "reverse-finish",
                    Gdb.marked("RFINISH", "p $_thread", "x/i $pc", "monitor time")));
            assertThat(out).doesNotContain("received signal SIGTRAP");
            Where sel = where(out, "SEL");
            Where fwd = where(out, "FWD");
            Where back = where(out, "BACK");
            Where info = where(out, "INFO");
            Where apply = where(out, "APPLY");
            Where rnext = where(out, "RNEXT");
            int q = sel.thread;
            assertThat(q).isBetween(3, 4);
            // forward one instruction of $q, and back: the same instruction again, one step earlier in time
            assertThat(fwd.thread).isEqualTo(q);
            assertThat(fwd.pc).isNotEqualTo(sel.pc);
            assertThat(fwd.time).isGreaterThan(sel.time);
            assertThat(back.thread).isEqualTo(q);
            assertThat(back.pc).isEqualTo(sel.pc);
            assertThat(back.time).isBetween(sel.time, fwd.time - 1);
            // info threads reads every thread's registers; the next reverse-stepi still moves $q
            assertThat(info.thread).isEqualTo(q);
            assertThat(info.time).isLessThan(back.time);
            // thread apply all visits every thread (T4..T1); gdb goes back to $q and so does the stub
            assertThat(apply.thread).isEqualTo(q);
            assertThat(apply.pc).isEqualTo(info.pc);
            String rcont = Gdb.section(out, "RCONT");
            // back to $p's previous call of count_item (gdb steps the other producers' hits over)
            assertThat(rcont).contains("= 1\n", "<count_item");
            assertThat(time(rcont)).isLessThan(apply.time);
            Where again = where(out, "Q");
            assertThat(again).isEqualTo(apply);
            assertThat(rnext.thread).isEqualTo(q);
            assertThat(rnext.time).isLessThan(again.time);
            String rfinish = Gdb.section(out, "RFINISH");
            // back out of the function $q is in: stopped at the call in its caller, still on $q
            assertThat(rfinish).contains("= " + q + "\n").containsPattern("=> 0x[0-9a-f]+ <[a-z_]+\\+\\d+>:\\s+(jal|call|jalr)\\s");
        }
    }

    private record Where(int thread, long pc, long time) {
    }

    private static Where where(String out, String section) {
        String s = Gdb.section(out, section);
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("\\$\\d+ = (\\S+)").matcher(s);
        while (m.find()) {
            values.add(m.group(1));
        }
        assertThat(values).as(s).hasSize(2);
        return new Where(Integer.parseInt(values.get(0)), Long.decode(values.get(1)), time(s));
    }

    private static long time(String section) {
        Matcher m = Pattern.compile("time (\\d+)").matcher(section);
        assertThat(m.find()).as(section).isTrue();
        return Long.parseLong(m.group(1));
    }
}
