package dev.rewind.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unwinding real stacks: the symbols fixture runs on the engine until symbols_deepest, 8 calls deep through two
 * files; the frames must be the recursion the program defines, with the return addresses it recorded itself.
 */
@Timeout(60)
class UnwindTest {

    static Stream<String> fixtures() {
        return Stream.of("O0", "Og", "O2", "eh", "dwarf4").flatMap(o -> Stream.of("rv32", "rv64").map(x -> o + "-" + x));
    }

    static Path fixture(String v) {
        return Tools.GUEST.resolve("elf/symbols-" + v + ".elf");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void framesAreTheRecursionTheProgramRecorded(String variant) throws Exception {
        Symbols syms = Symbols.load(fixture(variant));
        long deepest = syms.symbol("symbols_deepest").orElseThrow().value();
        MachineTarget t = MachineTarget.stoppedAt(fixture(variant), 1, deepest);
        Backtrace bt = syms.backtrace(t);
        List<String> names = bt.frames().stream()
                .map(f -> syms.symbolAt(f.lookupPc()).map(s -> s.name()).orElse("??")).toList();
        assertThat(names).as("%s (%s)", bt, bt.end()).containsExactly("symbols_deepest", "walk_a", "walk_b",
                "walk_a", "walk_b", "walk_a", "walk_b", "walk_a", "main", "_start");
        assertThat(bt.end()).contains("no call frame information"); // start.S has none
        long walkRa = syms.symbol("walk_ra").orElseThrow().value();
        int w = t.xlen() / 8;
        for (int depth = 0; depth <= 6; depth++) {
            assertThat(bt.frames().get(8 - depth).pc()).as("return address of depth %d", depth)
                    .isEqualTo(t.word(walkRa + (long) depth * w));
        }
        assertThat(bt.frames().get(1).pc()).isEqualTo(t.register(1));
        for (int i = 1; i < bt.frames().size(); i++) {
            Frame inner = bt.frames().get(i - 1);
            Frame outer = bt.frames().get(i);
            assertThat(outer.register(2).orElseThrow()).isEqualTo(inner.cfa());
            assertThat(Long.compareUnsigned(outer.cfa(), inner.cfa())).as("stack grows down").isGreaterThanOrEqualTo(0);
            // callee-saved s1 (x9) is recovered in every frame (or unchanged)
            assertThat(outer.register(9)).isPresent();
        }
        // every outer frame's pc is just after a call: its line row exists and its function is known
        for (Frame f : bt.frames().subList(1, bt.frames().size() - 1)) {
            assertThat(syms.lineAt(f.lookupPc())).as("line of %s", f).isPresent();
        }
    }
}
