package dev.rewind.symbols.dwarf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DwarfCursorTest {

    private static DwarfCursor of(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new DwarfCursor(ByteBuffer.wrap(b), ".debug_test");
    }

    @Test
    void lebExamplesOfTheDwarfSpecification() {
        assertThat(of(0x02).uleb()).isEqualTo(2);
        assertThat(of(0x7f).uleb()).isEqualTo(127);
        assertThat(of(0x80, 0x01).uleb()).isEqualTo(128);
        assertThat(of(0x81, 0x01).uleb()).isEqualTo(129);
        assertThat(of(0xb9, 0x64).uleb()).isEqualTo(12857);
        assertThat(of(0x7e).sleb()).isEqualTo(-2);
        assertThat(of(0xff, 0x00).sleb()).isEqualTo(127);
        assertThat(of(0x81, 0x7f).sleb()).isEqualTo(-127);
        assertThat(of(0x80, 0x7f).sleb()).isEqualTo(-128);
        assertThat(of(0xff, 0x7e).sleb()).isEqualTo(-129);
        // 11 bytes: the excess bits are dropped, not a crash
        assertThat(of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x81, 0x00).uleb()).isEqualTo(-1L);
    }

    @Test
    void fixedSizeReadsAreLittleEndian() {
        DwarfCursor c = of(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x88, 0xff);
        assertThat(c.u16()).isEqualTo(0x0201);
        c.position(0);
        assertThat(c.u32()).isEqualTo(0x04030201L);
        c.position(0);
        assertThat(c.u64()).isEqualTo(0x8807060504030201L);
        assertThat(c.s8()).isEqualTo(-1);
        assertThat(c.remaining()).isZero();
    }

    @Test
    void readsPastTheEndNameSectionAndOffset() {
        DwarfCursor c = of(1, 2, 3, 4, 5, 6, 7, 8).slice(4, 3);
        assertThat(c.u16()).isEqualTo(0x0605);
        assertThatThrownBy(c::u16).isInstanceOf(DwarfException.class).hasMessageContaining(".debug_test+0x6");
        assertThatThrownBy(() -> of(0x80, 0x80).uleb()).isInstanceOf(DwarfException.class);
        assertThatThrownBy(() -> of('a', 'b').cstring()).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> of(1, 2).slice(1, 5)).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> of(1, 2).bytes(-1)).isInstanceOf(DwarfException.class);
        assertThatThrownBy(() -> of(1, 2).position(3)).isInstanceOf(DwarfException.class);
    }

    @Test
    void initialLengthsOf32And64BitDwarf() {
        DwarfCursor.InitialLength l = of(0x10, 0, 0, 0).initialLength();
        assertThat(l.length()).isEqualTo(16);
        assertThat(l.dwarf64()).isFalse();
        l = of(0xff, 0xff, 0xff, 0xff, 0x20, 0, 0, 0, 0, 0, 0, 0).initialLength();
        assertThat(l.length()).isEqualTo(32);
        assertThat(l.offsetSize()).isEqualTo(8);
        assertThatThrownBy(() -> of(0xf0, 0xff, 0xff, 0xff).initialLength()).hasMessageContaining("reserved");
        assertThat(of(0, 0, 0, 0, 'x', 0).cstringAt(4)).isEqualTo("x");
    }

    @Test
    void expressionsComputeAndRefuseGarbage() {
        DwarfExpression.Context ctx = new DwarfExpression.Context() {
            @Override
            public long register(int r) {
                return r * 100L;
            }

            @Override
            public long memory(long address, int size) {
                return address + 1;
            }
        };
        // breg2 +8, deref, lit3, plus
        assertThat(DwarfExpression.evaluate(new byte[] {0x72, 0x08, 0x06, 0x33, 0x22}, 8, ctx)).isEqualTo(212);
        // the pushed CFA, plus_uconst 16
        assertThat(DwarfExpression.evaluate(new byte[] {0x23, 0x10}, 4, ctx, 0xffff_fff8L)).isEqualTo(8);
        // a branch to itself: bounded, never a hang
        assertThatThrownBy(() -> DwarfExpression.evaluate(new byte[] {0x2f, (byte) 0xfd, (byte) 0xff}, 8, ctx))
                .hasMessageContaining("operations");
        assertThatThrownBy(() -> DwarfExpression.evaluate(new byte[] {0x22}, 8, ctx)).hasMessageContaining("underflow");
        assertThatThrownBy(() -> DwarfExpression.evaluate(new byte[] {(byte) 0xe0}, 8, ctx))
                .hasMessageContaining("unsupported");
        assertThatThrownBy(() -> DwarfExpression.evaluate(new byte[] {0x30, 0x30, 0x1b}, 8, ctx))
                .hasMessageContaining("division by zero");
    }
}
