package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A debugging session through GDB/MI as IDEs drive gdb: every hart in {@code -thread-info}, a breakpoint, registers,
 * an instruction forwards and back, another thread selected and stepped back, a watchpoint hit backwards, a
 * bookmark through {@code monitor}.
 */
@Timeout(180)
class GdbMiSessionTest {
    private static final Pattern THREAD = Pattern.compile("thread-id=\"(\\d+)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"(-?\\d+)\"");

    @Test
    void breakStepBothWaysSelectWatchAndBookmark() throws Exception {
        try (Stub stub = new Stub("demo-rv32.elf", 4); Mi mi = new Mi(stub.elf())) {
            mi.await("(gdb)", 20);
            mi.send("-target-select remote 127.0.0.1:" + stub.port());
            mi.await("^connected", 20);
            mi.send("-thread-info");
            String threads = mi.await("^done", 20);
            for (int h = 0; h < 4; h++) {
                assertThat(threads).contains("id=\"" + (h + 1) + "\"", "name=\"hart " + h + "\"");
            }
            mi.send("-break-insert count_item");
            String bp = mi.await("^done", 20);
            String entry = find(Pattern.compile("addr=\"(0x[0-9a-f]+)\""), bp);
            mi.send("-exec-continue");
            String hit = mi.await("*stopped", 30);
            assertThat(hit).contains("reason=\"breakpoint-hit\"", "func=\"count_item\"");
            int p = Integer.parseInt(find(THREAD, hit));
            assertThat(pc(mi)).isEqualTo(Long.decode(entry));
            mi.send("-break-delete");
            mi.await("^done", 20);
            mi.send("-data-list-register-values x 32");            // pc, in gdb's RISC-V numbering
            assertThat(mi.await("^done", 20)).contains("{number=\"32\",value=\"" + entry + "\"}");

            mi.send("-exec-step-instruction");
            String ahead = mi.await("*stopped", 20);
            assertThat(ahead).contains("reason=\"end-stepping-range\"", "thread-id=\"" + p + "\"");
            mi.send("-exec-step-instruction --reverse");
            String back = mi.await("*stopped", 20);
            assertThat(back).contains("thread-id=\"" + p + "\"");
            assertThat(pc(mi)).isEqualTo(Long.decode(entry));

            int q = p == 4 ? 3 : 4;                                 // another producer
            mi.send("-thread-select " + q);
            assertThat(mi.await("^done", 20)).contains("new-thread-id=\"" + q + "\"");
            long qPc = pc(mi);
            mi.send("-exec-step-instruction");
            String qAhead = mi.await("*stopped", 20);
            assertThat(qAhead).contains("thread-id=\"" + q + "\"");
            mi.send("-exec-step-instruction --reverse");
            String qBack = mi.await("*stopped", 20);
            assertThat(qBack).contains("thread-id=\"" + q + "\"");
            assertThat(pc(mi)).isEqualTo(qPc);

            mi.send("-interpreter-exec console \"monitor bookmark add mi\"");
            mi.await("^done", 20);
            assertThat(mi.transcript()).contains("bookmark mi at time");
            mi.send("-break-watch items_produced");
            assertThat(mi.await("^done", 20)).contains("wpt={number=", "exp=\"items_produced\"");
            for (int i = 0; i < 2; i++) {
                mi.send("-exec-continue");
                assertThat(mi.await("*stopped", 60)).contains("reason=\"watchpoint-trigger\"");
            }
            mi.send("-exec-continue --reverse");
            String watch = mi.await("*stopped", 60);
            assertThat(watch).contains("reason=\"watchpoint-trigger\"", "exp=\"items_produced\"");
            Matcher values = Pattern.compile("old=\"(\\d+)\",new=\"(\\d+)\"").matcher(watch);
            assertThat(values.find()).as(watch).isTrue();
            // going back over a store to the counter shows it undone: the value before it is the larger one
            assertThat(Long.parseLong(values.group(2))).isLessThan(Long.parseLong(values.group(1)));
            mi.send("-interpreter-exec console \"monitor bookmark list\"");
            mi.await("^done", 20);
            assertThat(mi.transcript()).contains("mi at time");
        }
    }

    /** gdb's current thread's pc. */
    private static long pc(Mi mi) throws Exception {
        mi.send("-data-evaluate-expression \"(long long)$pc\"");
        return Long.parseLong(find(VALUE, mi.await("^done", 20)));
    }

    private static String find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        assertThat(m.find()).as(s).isTrue();
        return m.group(1);
    }
}
