package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.debug.StopReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ctrl-C through GDB/MI: {@code -exec-interrupt} stops a long continue with SIGINT; the session goes on. */
@Timeout(120)
class GdbInterruptTest {

    @Test
    void interruptStopsALongContinueAndTheSessionGoesOn() throws Exception {
        // ttbench runs ~1e9 instructions per hart: far longer than this test waits
        try (Stub stub = new Stub("ttbench-rv32.elf", 1); Mi mi = new Mi(stub.elf())) {
            mi.await("(gdb)", 20);
            mi.send("-gdb-set mi-async on"); // as IDEs run gdb: commands are read while the target runs
            mi.await("^done", 20);
            mi.send("-target-select remote 127.0.0.1:" + stub.port());
            mi.await("^connected", 20);
            mi.send("-exec-continue");
            mi.await("*running", 20);
            Thread.sleep(500);
            assertThat(stub.session.running()).isTrue();
            mi.send("-exec-interrupt");
            String stopped = mi.await("*stopped", 20);
            assertThat(stopped).contains("reason=\"signal-received\"", "signal-name=\"SIGINT\"", "thread-id=\"1\"");
            assertThat(stub.session.running()).isFalse();
            long time = stub.session.lastStop().time();
            assertThat(time).isPositive();
            // still usable: step back and forward again
            mi.send("-exec-step-instruction --reverse");
            assertThat(mi.await("*stopped", 20)).contains("reason=\"end-stepping-range\"");
            assertThat(stub.session.lastStop().time()).isLessThan(time);
            mi.send("-data-evaluate-expression $mhartid");
            assertThat(mi.await("^done", 20)).contains("value=\"0\"");
        }
    }

    @Test
    void interruptStopsAReverseContinueThatFindsNothing() throws Exception {
        try (Stub stub = new Stub("ttbench-rv32.elf", 4); Mi mi = new Mi(stub.elf())) {
            mi.await("(gdb)", 20);
            mi.send("-gdb-set mi-async on");
            mi.await("^done", 20);
            mi.send("-target-select remote 127.0.0.1:" + stub.port());
            mi.await("^connected", 20);
            // far enough that going back to the start of history takes a while: 2nd tt_mark, ~4e7 of virtual time
            mi.send("-break-insert tt_mark");
            mi.await("^done", 20);
            for (int k = 0; k < 2; k++) {
                mi.send("-exec-continue");
                mi.await("*stopped", 60);
            }
            mi.send("-break-delete");
            mi.await("^done", 20);
            long time = stub.session.lastStop().time();
            mi.send("-exec-continue --reverse");
            mi.await("*running", 20);
            mi.send("-exec-interrupt");
            String stopped = mi.await("*stopped", 30);
            // stopped by the interrupt on the way back (where it started: a cancelled search does not move), or, when
            // the search was faster than the interrupt, at the start of history
            StopReason reason = stub.session.lastStop().reason();
            assertThat(reason).isIn(StopReason.PAUSE, StopReason.HISTORY_START);
            if (reason == StopReason.PAUSE) {
                assertThat(stopped).contains("signal-name=\"SIGINT\"");
                assertThat(stub.session.lastStop().time()).isLessThanOrEqualTo(time);
            } else {
                assertThat(stopped).contains("addr=\"0x80000000\"");
                assertThat(stub.session.lastStop().time()).isZero();
            }
            mi.send("-exec-step-instruction");
            assertThat(mi.await("*stopped", 20)).contains("reason=\"end-stepping-range\"");
        }
    }
}
