package dev.rewind.symbols.info;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.symbols.TargetAccess.AccessException;
import dev.rewind.symbols.dwarf.DwarfException;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** DWARF location expressions (DWARF 5 section 2.5/2.6) on a small target: each kind of result and of error. */
@Timeout(10)
class LocationExpressionTest {
    private final SmallTarget target = new SmallTarget(0x1000, new byte[64]);
    private final FrameContext frame = new FrameContext(target, 0x1000, OptionalLong.of(0x1040));

    private Location eval(String hex) throws AccessException {
        return LocationExpression.evaluate(HexFormat.of().parseHex(hex), frame, 4, () -> 0x1020);
    }

    @Test
    void memoryRegistersAndValues() throws Exception {
        target.regs[8] = 0x1010;
        assertThat(eval("0300100000")).isEqualTo(new Location.Memory(0x1000));     // DW_OP_addr
        assertThat(eval("5a")).isEqualTo(new Location.Register(10));               // DW_OP_reg10
        assertThat(eval("9005")).isEqualTo(new Location.Register(5));              // DW_OP_regx 5
        assertThat(eval("7808")).isEqualTo(new Location.Memory(0x1018));           // DW_OP_breg8 +8
        assertThat(eval("917c")).isEqualTo(new Location.Memory(0x101c));           // DW_OP_fbreg -4
        assertThat(eval("9c")).isEqualTo(new Location.Memory(0x1040));             // DW_OP_call_frame_cfa
        assertThat(((Location.Value) eval("3a9f")).bytes()).containsExactly(10, 0, 0, 0); // lit10 stack_value
        assertThat(((Location.Value) eval("9e02abcd")).bytes()).containsExactly(0xab, 0xcd); // implicit_value
        // arithmetic: (7 - 2) * 3 + 1 = 16, shifts, compare
        assertThat(((Location.Value) eval("37321c33 1e 23 01 9f".replace(" ", ""))).bytes()[0]).isEqualTo((byte) 16);
        assertThat(((Location.Value) eval("3132 24 9f".replace(" ", ""))).bytes()[0]).isEqualTo((byte) 4);
        assertThat(((Location.Value) eval("3536 2d 9f".replace(" ", ""))).bytes()[0]).isEqualTo((byte) 1);
    }

    @Test
    void derefBranchAndPieces() throws Exception {
        SmallTarget t = new SmallTarget(0x1000, new byte[] {0x08, 0x10, 0, 0, 0, 0, 0, 0, 0x2a, 0, 0, 0});
        FrameContext f = new FrameContext(t, 0x1000, OptionalLong.empty());
        Location l = LocationExpression.evaluate(HexFormat.of().parseHex("030010000006"), f, 4, () -> 0);
        assertThat(l).isEqualTo(new Location.Memory(0x1008));
        // bra: lit1; bra +1 (skip lit5); lit7 -> 7
        Location b = LocationExpression.evaluate(HexFormat.of().parseHex("3128010035379f"), f, 4, () -> 0);
        assertThat(((Location.Value) b).bytes()[0]).isEqualTo((byte) 7);
        // a struct of two pieces: 4 bytes in a0, 4 bytes at 0x1008
        t.regs[10] = 0x11223344;
        Location c = LocationExpression.evaluate(HexFormat.of().parseHex("5a930403081000009304"), f, 4, () -> 0);
        assertThat(c).isInstanceOf(Location.Composite.class);
        List<Location.Piece> pieces = ((Location.Composite) c).pieces();
        assertThat(pieces).extracting(Location.Piece::sizeBits).containsExactly(32L, 32L);
        byte[] whole = Values.read(c, 8, t);
        assertThat(whole).containsExactly(0x44, 0x33, 0x22, 0x11, 0x2a, 0, 0, 0);
        // a piece with no location is optimized out, the other piece still there
        Location half = LocationExpression.evaluate(HexFormat.of().parseHex("93045a9304"), f, 4, () -> 0);
        assertThat(((Location.Composite) half).pieces().get(0).location()).isInstanceOf(Location.OptimizedOut.class);
    }

    @Test
    void entryValuesAndErrors() throws Exception {
        // DW_OP_entry_value(DW_OP_reg10); DW_OP_stack_value: with entry values known, the value; else optimized out
        byte[] ev = HexFormat.of().parseHex("a3015a9f");
        assertThat(LocationExpression.evaluate(ev, frame, 4, () -> 0)).isInstanceOf(Location.OptimizedOut.class);
        Location known = LocationExpression.evaluate(ev, frame, 4, () -> 0, r -> r == 10 ? 99 : 0);
        assertThat(((Location.Value) known).bytes()[0]).isEqualTo((byte) 99);
        assertThatThrownBy(() -> eval("ff")).isInstanceOf(DwarfException.class).hasMessageContaining("0xff");
        assertThatThrownBy(() -> eval("22")).isInstanceOf(DwarfException.class).hasMessageContaining("underflow");
        assertThatThrownBy(() -> eval("2ffdff")).isInstanceOf(DwarfException.class)       // skip -3: a loop
                .hasMessageContaining("did not finish");
        assertThatThrownBy(() -> eval("03001000")).isInstanceOf(DwarfException.class);    // truncated operand
        assertThatThrownBy(() -> eval("5a31")).isInstanceOf(DwarfException.class);        // op after a register
        assertThatThrownBy(() -> LocationExpression.evaluate(HexFormat.of().parseHex("9c"),
                new FrameContext(target, 0x1000, OptionalLong.empty()), 4, () -> 0))
                .isInstanceOf(AccessException.class).hasMessageContaining("canonical frame address");
        assertThatThrownBy(() -> eval("0300900000 06".replace(" ", ""))).isInstanceOf(AccessException.class);
        assertThat(eval("")).isInstanceOf(Location.OptimizedOut.class);
    }
}
