package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.debug.BreakpointSpec;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a gdb leaving does to the session: {@code detach} leaves the machine stopped (or running, with
 * {@code monitor detach-resumes on}); a client dropped in the middle of a packet loses the session nothing (time,
 * bookmarks, other front ends' breakpoints), and the next gdb carries on. ({@code kill} ending the session:
 * {@code GdbCommandTest.gdbsKillEndsTheSessionAndTheCommand}.)
 */
@Timeout(120)
class GdbDetachTest {

    @Test
    void detachLeavesTheMachineStoppedOrRunningAsChosen() throws Exception {
        try (Stub stub = new Stub("ttbench-rv32.elf", 2)) {
            String out = stub.gdb(Gdb.script("break tt_mark", "continue", Gdb.marked("T", "monitor time"), "detach"));
            long at = time(Gdb.section(out, "T"));
            assertThat(out).contains("detached");
            assertThat(stub.session.running()).isFalse();
            assertThat(stub.session.lastStop().time()).isEqualTo(at);
            assertThat(stub.session.breakpoints().get(10, TimeUnit.SECONDS)).as("gdb's breakpoints").isEmpty();

            var resumed = stub.nextRun();
            String again = stub.gdb(Gdb.script(Gdb.marked("T", "monitor time", "monitor detach-resumes on"), "detach"));
            assertThat(time(Gdb.section(again, "T"))).isEqualTo(at);
            assertThat(again).contains("detach-resumes on");
            resumed.get(20, TimeUnit.SECONDS);
            assertThat(stub.session.running()).as("running on after detach-resumes on").isTrue();

            String third = stub.gdb(Gdb.marked("T", "monitor time"));    // connecting stops it (all-stop)
            assertThat(time(Gdb.section(third, "T"))).isGreaterThan(at);
            assertThat(stub.session.running()).isFalse();
        }
    }

    @Test
    void aClientDroppedMidPacketLosesTheSessionNothing() throws Exception {
        try (Stub stub = new Stub("demo-rv32.elf", 4)) {
            String out = stub.gdb("break count_item", "continue", "monitor bookmark add hit", "delete");
            assertThat(out).contains("bookmark hit at time");
            stub.session.addBreakpoint(BreakpointSpec.function("count_item")).get(10, TimeUnit.SECONDS); // another front end's
            long time = stub.session.time().get(10, TimeUnit.SECONDS).now();
            for (String cut : new String[] {"+$m8000", "+$qRcmd,74696d65#", "+$vCont;s:1;c#c", "$", "\u0003"}) {
                try (RawClient c = new RawClient(stub.port())) {
                    c.raw(cut);
                }
            }
            try (RawClient c = new RawClient(stub.port())) {
                c.raw("+");
                assertThat(c.ask("?")).startsWith("T05");
            }
            assertThat(stub.session.time().get(10, TimeUnit.SECONDS).now()).isEqualTo(time);
            assertThat(stub.session.bookmarks().get(10, TimeUnit.SECONDS)).extracting(b -> b.name()).containsExactly("hit");
            assertThat(stub.session.breakpoints().get(10, TimeUnit.SECONDS)).hasSize(1);
            String next = stub.gdb(Gdb.marked("N", "monitor time", "monitor bookmark list", "p $pc == count_item"));
            assertThat(Gdb.section(next, "N")).contains("time " + time + " ", "hit at time", "= 1");
            assertThat(stub.session.ended()).isFalse();
        }
    }

    private static long time(String section) {
        Matcher m = Pattern.compile("time (\\d+)").matcher(section);
        assertThat(m.find()).as(section).isTrue();
        return Long.parseLong(m.group(1));
    }
}
