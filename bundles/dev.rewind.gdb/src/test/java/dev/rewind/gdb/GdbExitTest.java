package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Guest exits, console output, source-line breakpoints, writes and read watchpoints through gdb-multiarch on
 * small programs.
 */
@Timeout(120)
class GdbExitTest {

    @Test
    void anExitEndsTheInferiorWithItsCodeAndTheConsoleOutputReachesGdb() throws Exception {
        try (Stub stub = new Stub("exit-code-rv32.elf", 1)) {
            String out = stub.gdb(Gdb.marked("RUN", "continue"));
            assertThat(Gdb.section(out, "RUN")).contains("bye", "[Inferior 1 (Remote target) exited with code 07]");
        }
    }

    @Test
    void exitAsStopLetsGdbGoBackFromTheEnd() throws Exception {
        try (Stub stub = new Stub("exit-code-rv32.elf", 1)) {
            String out = stub.gdb(Gdb.script("monitor exit-as-stop on", Gdb.marked("RUN", "continue"),
                    Gdb.marked("BACK", "reverse-stepi", "monitor time", "reverse-continue", "monitor time")));
            assertThat(Gdb.section(out, "RUN")).contains("exited with code 7", "reported as a stop", "SIGTRAP")
                    .doesNotContain("[Inferior 1");
            assertThat(Gdb.section(out, "BACK")).contains("No more reverse-execution history", "time 0 ");
        }
    }

    @Test
    void lineBreakpointsWritesAndReadWatchpoints() throws Exception {
        try (Stub stub = new Stub("hello-rv32.elf", 2)) {
            String out = stub.gdb(Gdb.script("break hello.c:9", Gdb.marked("HIT", "continue", "p hart"),
                    "delete", "rwatch ticket", Gdb.marked("READ", "continue"), "delete",
                    Gdb.marked("SET", "set var ticket = 5", "p ticket", "set var $a5 = 0x1234", "p/x $a5",
                            "x/2i $pc")));
            assertThat(Gdb.section(out, "HIT")).containsPattern("hit Breakpoint 1(\\.\\d)?, take_turn \\(hart=(hart@entry=)?0\\)"
                    + " at src/hello.c:9").contains("$1 = 0");
            assertThat(Gdb.section(out, "READ")).contains("Hardware read watchpoint 2: ticket", "Value = ");
            assertThat(Gdb.section(out, "SET")).contains("$2 = 5", "$3 = 0x1234").contains("=> 0x");
        }
    }
}
