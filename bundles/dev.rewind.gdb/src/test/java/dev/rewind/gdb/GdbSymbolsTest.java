package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The multi-file symbols fixture (tests/guest/src/symbols) through gdb-multiarch on 4 harts: a breakpoint deep in a
 * mutual recursion across two files, the backtrace through both, finish and reverse-finish, source lines.
 */
@Timeout(120)
class GdbSymbolsTest {

    @Test
    void backtraceAcrossFilesAndReverseFinishOutOfTheRecursion() throws Exception {
        try (Stub stub = new Stub("symbols-O0-rv32.elf", 4)) {
            String out = stub.gdb(Gdb.script("break symbols_deepest",
                    Gdb.marked("HIT", "continue", "p $mhartid"),
                    Gdb.marked("BT", "bt"),
                    "delete",
                    Gdb.marked("RFIN", "reverse-finish", "bt 1"),
                    Gdb.marked("FIN", "next", "finish")));
            assertThat(Gdb.section(out, "HIT")).containsPattern("hit Breakpoint 1, symbols_deepest \\(depth=6\\) at "
                    + "(\\./)?src/symbols/recurse\\.c:\\d+").contains("$1 = 0");
            String bt = Gdb.section(out, "BT");
            assertThat(bt).contains("#0  symbols_deepest (depth=6)").containsPattern("in walk_a \\(depth=6\\) at "
                    + "(\\./)?src/symbols/recurse\\.c:\\d+").containsPattern("in walk_b \\(depth=5\\) at (\\./)?src/symbols/"
                    + "walk\\.c:\\d+").containsPattern("in walk_a \\(depth=0\\)").containsPattern("in main \\(\\)");
            // back out of symbols_deepest: to the call in walk_a(6)
            String rfin = Gdb.section(out, "RFIN");
            assertThat(rfin).containsPattern("#0  0x[0-9a-f]+ in walk_a \\(depth=6\\) at (\\./)?src/symbols/recurse\\.c");
            assertThat(Gdb.section(out, "FIN")).contains("walk_b (depth=5)");
        }
    }
}
