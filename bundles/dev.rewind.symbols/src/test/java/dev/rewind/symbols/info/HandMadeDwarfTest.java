package dev.rewind.symbols.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hand-made DWARF 5 units: an unknown form in one unit is reported for that unit while the others load; cyclic
 * and absurd types terminate; bad counts and lengths are errors, not hangs.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HandMadeDwarfTest {
    // abbreviation codes of the test tables
    static final int CU = 1, FN = 2, PTR = 3, STRUCT = 4, MEMBER = 5, TYPEDEF = 6, BASE = 7, VAR = 8, ARRAY = 9,
            RANGE = 10;

    /** Table: CU(name string, children), subprogram(name, low_pc addr, high_pc data4), types, a variable. */
    static byte[] abbrevs(int fnHighForm) {
        Bytes a = new Bytes();
        a.uleb(CU).uleb(0x11).u8(1).uleb(0x03).uleb(0x08).u8(0, 0);
        a.uleb(FN).uleb(0x2e).u8(0).uleb(0x03).uleb(0x08).uleb(0x11).uleb(0x01).uleb(0x12).uleb(fnHighForm).u8(0, 0);
        a.uleb(PTR).uleb(0x0f).u8(0).uleb(0x0b).uleb(0x0b).uleb(0x49).uleb(0x13).u8(0, 0);
        a.uleb(STRUCT).uleb(0x13).u8(1).uleb(0x03).uleb(0x08).uleb(0x0b).uleb(0x0b).u8(0, 0);
        a.uleb(MEMBER).uleb(0x0d).u8(0).uleb(0x03).uleb(0x08).uleb(0x49).uleb(0x13).uleb(0x38).uleb(0x0b).u8(0, 0);
        a.uleb(TYPEDEF).uleb(0x16).u8(0).uleb(0x03).uleb(0x08).uleb(0x49).uleb(0x13).u8(0, 0);
        a.uleb(BASE).uleb(0x24).u8(0).uleb(0x03).uleb(0x08).uleb(0x0b).uleb(0x0b).uleb(0x3e).uleb(0x0b).u8(0, 0);
        a.uleb(VAR).uleb(0x34).u8(0).uleb(0x03).uleb(0x08).uleb(0x49).uleb(0x13).uleb(0x02).uleb(0x18).u8(0, 0);
        a.uleb(ARRAY).uleb(0x01).u8(1).uleb(0x49).uleb(0x13).u8(0, 0);
        a.uleb(RANGE).uleb(0x21).u8(0).uleb(0x37).uleb(0x07).u8(0, 0);
        return a.u8(0).get();
    }

    /** One DWARF 5 compile unit (32-bit addresses) at {@code unitOffset} with the given DIE bytes. */
    static byte[] unit(long abbrevOffset, byte[] dies) {
        Bytes u = new Bytes();
        u.u32(2 + 1 + 1 + 4 + dies.length).u16(5).u8(0x01).u8(4).u32(abbrevOffset).bytes(dies);
        return u.get();
    }

    /** A unit with a function f at 0x1000..0x1010 and struct node { struct node *next; } with cycles. */
    static byte[] goodDies(int unitOffset, String fn) {
        int base = unitOffset + 12; // DIE offsets are unit-relative references
        Bytes d = new Bytes();
        d.uleb(CU).cstring("good.c");                          // +0
        int fnAt = d.size();
        d.uleb(FN).cstring(fn).u32(0x1000).u32(0x10);
        int ptrAt = d.size();
        int structAt = ptrAt + 6 + 12 + 12; // after the pointer (6 bytes) and typedef (12); unit-relative
        d.uleb(PTR).u8(4).u32(structAt);                        // struct node * (ref4 forward)
        int tdA = d.size();
        d.uleb(TYPEDEF).cstring("loop_a").u32(tdA + 12);        // typedef to itself
        d.uleb(STRUCT).cstring("node").u8(4);                   // at structAt - 12 + 12
        d.uleb(MEMBER).cstring("next").u32(ptrAt + 12).u8(0);
        d.u8(0);                                                // end of struct children
        int intAt = d.size();
        d.uleb(BASE).cstring("int").u8(4).u8(0x05);
        int arrAt = d.size();
        d.uleb(ARRAY).u32(intAt + 12);
        d.uleb(RANGE).u64(Long.MAX_VALUE / 2);                  // an absurd count
        d.u8(0);
        d.uleb(VAR).cstring("huge").u32(arrAt + 12).uleb(5).u8(0x03).u32(0x2000);
        d.uleb(VAR).cstring("head").u32(ptrAt + 12).uleb(5).u8(0x03).u32(0x2004);
        d.uleb(VAR).cstring("weird").u32(tdA + 12).uleb(5).u8(0x03).u32(0x2008);
        int selfAt = d.size();
        d.uleb(PTR).u8(4).u32(selfAt + 12);                     // a pointer to itself (corrupt)
        d.uleb(VAR).cstring("self").u32(selfAt + 12).uleb(5).u8(0x03).u32(0x200c);
        d.u8(0);                                                // end of CU children
        assertThat(fnAt).isPositive();
        assertThat(base).isPositive();
        return d.get();
    }

    static DebugInfo load(byte[] info, byte[] abbrev) {
        Map<String, ByteBuffer> m = Map.of(".debug_info", ByteBuffer.wrap(info), ".debug_abbrev",
                ByteBuffer.wrap(abbrev));
        return DebugInfo.load(n -> Optional.ofNullable(m.get(n)));
    }

    @Test
    void unknownFormFailsOnlyItsUnit() {
        byte[] good = abbrevs(0x06);
        byte[] bad = abbrevs(0x7f); // an unknown form
        byte[] abbrev = new Bytes().bytes(good).bytes(bad).get();
        byte[] u1 = unit(0, goodDies(0, "first"));
        byte[] u2 = unit(good.length, goodDies(u1.length, "second"));
        byte[] u3 = unit(0, goodDies(u1.length + u2.length, "third"));
        DebugInfo di = load(new Bytes().bytes(u1).bytes(u2).bytes(u3).get(), abbrev);
        assertThat(di.problems()).hasSize(1);
        assertThat(di.problems().get(0).unitOffset()).isEqualTo(u1.length);
        assertThat(di.problems().get(0).message()).contains("unknown attribute form 0x7f");
        assertThat(di.functions()).extracting(Function::name).containsExactly("first", "third");
        assertThat(di.functionAt(0x1008)).isPresent();
    }

    @Test
    void cyclicAndAbsurdTypesTerminate() {
        byte[] u1 = unit(0, goodDies(0, "f"));
        DebugInfo di = load(u1, abbrevs(0x06));
        Type node = di.type("struct node").orElseThrow();
        assertThat(TypeNames.ptype(node)).isEqualTo("struct node {\n    struct node *next;\n}");
        Variable head = di.global("head").orElseThrow();
        assertThat(head.type().name()).isEqualTo("struct node *");
        Variable weird = di.global("weird").orElseThrow();
        assertThat(weird.type().name()).isEqualTo("loop_a");
        assertThat(weird.type().strip()).isInstanceOf(VoidType.class); // a typedef of itself
        assertThat(TypeNames.ptype(weird.type())).isNotEmpty();
        Variable self = di.global("self").orElseThrow();
        assertThat(self.type().name()).contains("<type nested too deep>");
        Variable huge = di.global("huge").orElseThrow();
        assertThat(huge.type().name()).isEqualTo("int [" + Long.MAX_VALUE / 2 + "]");
        // formatting an absurd array reads at most a bounded prefix, through a target that has little memory
        Value v = new Value(huge.type(), new Location.Memory(0x2000), new SmallTarget(0x2000, new byte[64]));
        assertThat(ValueFormat.format(v)).startsWith("{0 <repeats 16 times>, <error: Cannot access memory at address "
                + "0x2040").hasSizeLessThan(200);
        List<Children.Child> kids = Children.of(v, 3);
        assertThat(kids).hasSize(3);
        assertThat(kids.get(2).value().asLong()).isZero();
    }

    @Test
    void badLengthsAndCountsAreErrors() {
        // a block claiming 2^40 bytes
        Bytes a = new Bytes();
        a.uleb(1).uleb(0x11).u8(0).uleb(0x02).uleb(0x09).u8(0, 0).u8(0);
        DebugInfo di = load(unit(0, new Bytes().uleb(1).uleb(1L << 40).get()), a.get());
        assertThat(di.problems()).singleElement().extracting(Problem::message).asString().contains("exceeds");
        // a unit length beyond the section, then garbage: reported, no hang
        DebugInfo di2 = load(new Bytes().u32(1 << 30).u16(5).get(), a.get());
        assertThat(di2.problems()).singleElement().extracting(Problem::message).asString().contains("unit length");
        // an abbreviation with more than 256 attributes
        Bytes many = new Bytes().uleb(1).uleb(0x11).u8(0);
        for (int i = 0; i < 300; i++) {
            many.uleb(0x03).uleb(0x08);
        }
        DebugInfo di3 = load(unit(0, new Bytes().uleb(1).get()), many.u8(0, 0, 0).get());
        assertThat(di3.problems()).singleElement().extracting(Problem::message).asString()
                .contains("more than 256 attributes");
        // DIEs nested deeper than any program: an error, not a stack overflow
        Bytes deep = new Bytes();
        Bytes ab = new Bytes().uleb(1).uleb(0x0b).u8(1).u8(0, 0).u8(0);
        for (int i = 0; i < 100_000; i++) {
            deep.uleb(1);
        }
        DebugInfo di4 = load(unit(0, deep.get()), ab.get());
        assertThat(di4.problems()).singleElement().extracting(Problem::message).asString().contains("nested deeper");
    }

    @Test
    void emptyOrMissingSectionsGiveAnEmptyModel() {
        DebugInfo di = DebugInfo.load(n -> Optional.empty());
        assertThat(di.units()).isEmpty();
        assertThat(di.problems()).isEmpty();
        assertThat(di.functionAt(0x1000)).isEmpty();
        assertThat(di.variablesAt(0x1000)).isEmpty();
    }
}
