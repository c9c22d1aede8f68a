package dev.rewind.symbols.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Functions, their pc ranges and inlined calls against {@code readelf --debug-dump=info} on every guest ELF;
 * functionAt at both ends of every function.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FunctionsOracleTest {

    static List<Path> elfs() throws Exception {
        return OracleTools.allElfs();
    }

    @ParameterizedTest
    @MethodSource("elfs")
    void functionsAndRangesMatchReadelf(Path elf) throws Exception {
        ReadelfInfo re = new ReadelfInfo(OracleTools.readelf(elf, "info"));
        DebugInfo di = OracleTools.load(elf);
        assertThat(di.problems()).isEmpty();

        List<String> expected = new ArrayList<>();
        int withRanges = 0;
        for (ReadelfInfo.Entry e : re.entries) {
            if (!"DW_TAG_subprogram".equals(e.tag)) {
                continue;
            }
            if (e.has("DW_AT_low_pc")) {
                long lo = e.hex("DW_AT_low_pc");
                long hi = e.hex("DW_AT_high_pc");
                expected.add(re.name(e) + " " + Long.toHexString(lo) + "-" + Long.toHexString(hi < lo ? lo + hi : hi));
            } else if (e.has("DW_AT_ranges")) {
                withRanges++;
            }
        }
        List<String> actual = new ArrayList<>();
        int actualWithRanges = 0;
        for (Function f : di.functions()) {
            if (f.ranges().size() == 1) {
                actual.add(f.name() + " " + Long.toHexString(f.ranges().get(0).low()) + "-"
                        + Long.toHexString(f.ranges().get(0).high()));
            } else {
                actualWithRanges++;
            }
        }
        assertThat(actual).as("functions with low/high pc").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(actualWithRanges).as("functions with DW_AT_ranges").isEqualTo(withRanges);
        assertThat(di.functions()).isNotEmpty();
        for (Function f : di.functions()) {
            for (PcRange r : f.ranges()) {
                assertThat(di.functionAt(r.low())).as("%s at its start", f.name()).contains(f);
                assertThat(di.functionAt(r.high() - 1)).as("%s at its last byte", f.name()).contains(f);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("elfs")
    void inlinedCallsMatchReadelf(Path elf) throws Exception {
        ReadelfInfo re = new ReadelfInfo(OracleTools.readelf(elf, "info"));
        DebugInfo di = OracleTools.load(elf);
        List<String> expected = new ArrayList<>();
        for (ReadelfInfo.Entry e : re.entries) {
            if ("DW_TAG_inlined_subroutine".equals(e.tag) && ReadelfInfo.inConcreteCode(e)) {
                expected.add(re.name(e) + " line " + e.hex("DW_AT_call_line"));
            }
        }
        List<String> actual = new ArrayList<>();
        for (Function f : di.functions()) {
            collect(f.body(), actual);
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        // every pc of an inlined call yields a chain: the call, ..., the function
        for (Function f : di.functions()) {
            checkChains(di, f, f.body());
        }
    }

    private static void collect(Scope s, List<String> out) {
        for (Scope c : s.children()) {
            if (c.kind() == Scope.Kind.INLINED_CALL) {
                out.add(c.name() + " line " + c.callLine());
            }
            collect(c, out);
        }
    }

    private static void checkChains(DebugInfo di, Function f, Scope s) {
        for (Scope c : s.children()) {
            if (c.kind() == Scope.Kind.INLINED_CALL && !c.ranges().isEmpty()) {
                long pc = c.ranges().get(0).low();
                List<Scope> chain = di.inlineChainAt(pc);
                assertThat(chain).as("inline chain at 0x%x", pc).isNotEmpty();
                assertThat(chain.get(chain.size() - 1)).isSameAs(f.body());
                assertThat(chain.get(0).kind()).isEqualTo(Scope.Kind.INLINED_CALL);
                assertThat(chain.get(0).contains(pc)).isTrue();
            }
            checkChains(di, f, c);
        }
    }
}
