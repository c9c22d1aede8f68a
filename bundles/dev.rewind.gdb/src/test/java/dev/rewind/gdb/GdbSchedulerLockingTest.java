package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * gdb-multiarch with {@code set scheduler-locking on} on the 4-hart demo: gdb gives only the current thread an
 * action ({@code vCont;s:N}, {@code vCont;c:N}), so {@code stepi}, {@code next} and {@code continue} move that hart
 * alone: every other thread keeps its pc and its retired-instruction count (minstret).
 */
@Timeout(120)
class GdbSchedulerLockingTest {

    private static final Pattern VALUE = Pattern.compile("Thread (\\d) [^\\n]*:\\n\\$\\d+ = (0x[0-9a-f]+)");

    /** Thread number to value, from {@code thread apply all p/x EXPR}. */
    static Map<Integer, String> perThread(String out) {
        Map<Integer, String> m = new HashMap<>();
        Matcher v = VALUE.matcher(out);
        while (v.find()) {
            m.put(Integer.parseInt(v.group(1)), v.group(2));
        }
        return m;
    }

    @Test
    void lockedStepsAndContinuesMoveOnlyTheCurrentThread() throws Exception {
        try (Stub stub = new Stub("demo-rv32.elf", 4)) {
            String out = stub.gdb(Gdb.script(
                    "break count_item",
                    Gdb.marked("HIT", "continue"),
                    "delete",
                    "set scheduler-locking on",
                    Gdb.marked("PC0", "thread apply all p/x $pc"), Gdb.marked("RET0", "thread apply all p/x $minstret"),
                    "stepi",
                    "next",
                    Gdb.marked("PC1", "thread apply all p/x $pc"), Gdb.marked("RET1", "thread apply all p/x $minstret"),
                    "break count_item",
                    Gdb.marked("HIT2", "continue"),
                    Gdb.marked("PC2", "thread apply all p/x $pc"), Gdb.marked("RET2", "thread apply all p/x $minstret")));
            Matcher hit = Pattern.compile("Thread (\\d) \"hart (\\d)\" hit Breakpoint 1, count_item")
                    .matcher(Gdb.section(out, "HIT"));
            assertThat(hit.find()).as(out).isTrue();
            int thread = Integer.parseInt(hit.group(1));
            assertThat(Gdb.section(out, "HIT2")).as(out)
                    .contains("Thread " + thread + " \"hart " + (thread - 1) + "\" hit Breakpoint 2, count_item");
            Map<Integer, String> pc0 = perThread(Gdb.section(out, "PC0"));
            Map<Integer, String> ret0 = perThread(Gdb.section(out, "RET0"));
            assertThat(pc0).as(out).hasSize(4);
            assertThat(ret0).as(out).hasSize(4);
            for (String step : new String[] {"1", "2"}) {
                Map<Integer, String> pc = perThread(Gdb.section(out, "PC" + step));
                Map<Integer, String> ret = perThread(Gdb.section(out, "RET" + step));
                for (int t = 1; t <= 4; t++) {
                    if (t != thread) {
                        assertThat(pc.get(t)).as("pc of thread %d after %s\n%s", t, step, out).isEqualTo(pc0.get(t));
                        assertThat(ret.get(t)).as("minstret of thread %d after %s", t, step).isEqualTo(ret0.get(t));
                    }
                }
                assertThat(Long.decode(ret.get(thread))).as("thread %d retired more", thread)
                        .isGreaterThan(Long.decode(ret0.get(thread)));
            }
            assertThat(perThread(Gdb.section(out, "PC1")).get(thread)).isNotEqualTo(pc0.get(thread));
        }
    }
}
