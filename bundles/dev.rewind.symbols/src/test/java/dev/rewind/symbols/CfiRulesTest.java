package dev.rewind.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.symbols.dwarf.CallFrameInfo;
import dev.rewind.symbols.dwarf.CfiRow;
import dev.rewind.symbols.dwarf.RegisterRule;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rules GCC does not emit for RISC-V (expressions, val_offset, register, undefined) on a hand-made .debug_frame,
 * and the unwinder applying them to a made-up target.
 */
@Timeout(10)
class CfiRulesTest {

    private static byte[] debugFrame() {
        ByteArrayOutputStream cie = new ByteArrayOutputStream();
        cie.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 3, 0, 1, 0x7c, 1});
        cie.writeBytes(new byte[] {0x0c, 0x02, 0x00}); // def_cfa sp+0
        ByteArrayOutputStream fde = new ByteArrayOutputStream();
        fde.writeBytes(le(0, 4)); // CIE pointer
        fde.writeBytes(le(0x1000, 8));
        fde.writeBytes(le(0x100, 8));
        fde.writeBytes(new byte[] {
            0x44, 0x0e, 0x20, // 0x1004: def_cfa_offset 32
            (byte) 0x81, 0x02, // ra at cfa-8
            0x14, 0x09, 0x01, // val_offset s1: cfa-4
            0x09, 0x12, 0x13, // s2 in s3
            0x0a, // remember_state
            0x44, 0x0f, 0x02, 0x72, 0x30, // 0x1008: def_cfa_expression breg2+48
            0x10, 0x08, 0x02, 0x38, 0x1c, // expression s0: [cfa - 8]
            0x16, 0x14, 0x02, 0x23, 0x05, // val_expression s4: cfa + 5
            0x44, 0x0b, // 0x100c: restore_state
            0x44, 0x07, 0x01, // 0x1010: ra undefined
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(cie.size(), 4));
        out.writeBytes(cie.toByteArray());
        out.writeBytes(le(fde.size(), 4));
        out.writeBytes(fde.toByteArray());
        return out.toByteArray();
    }

    private static byte[] le(long v, int n) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v);
        byte[] r = new byte[n];
        System.arraycopy(b.array(), 0, r, 0, n);
        return r;
    }

    /** sp = 0x8000, s3 = 0x77, memory holds address ^ 0x5a5a at every 8-byte slot. */
    private static TargetAccess target(long pc) {
        return new TargetAccess() {
            @Override
            public int xlen() {
                return 64;
            }

            @Override
            public long register(int r) {
                return r == 2 ? 0x8000 : r == 19 ? 0x77 : r == 8 ? 0x88 : 0;
            }

            @Override
            public long pc() {
                return pc;
            }

            @Override
            public byte[] memory(long address, int length) {
                return le(address ^ 0x5a5a, length);
            }
        };
    }

    @Test
    void rulesAtEachAddress() {
        CallFrameInfo cfi = new CallFrameInfo(ByteBuffer.wrap(debugFrame()), null, 0, 8);
        assertThat(cfi.problems()).isEmpty();
        CfiRow r = cfi.rowAt(0x1004).orElseThrow();
        assertThat(r.cfa().toString()).isEqualTo("r2+32");
        assertThat(r.rule(1)).isEqualTo(RegisterRule.offset(-8));
        assertThat(r.rule(9)).isEqualTo(RegisterRule.valOffset(-4));
        assertThat(r.rule(18)).isEqualTo(RegisterRule.register(19));
        r = cfi.rowAt(0x100a).orElseThrow();
        assertThat(r.location()).isEqualTo(0x1008);
        assertThat(r.cfa().expression()).containsExactly(0x72, 0x30);
        assertThat(r.rule(8).kind()).isEqualTo(RegisterRule.Kind.EXPRESSION);
        assertThat(r.rule(20).kind()).isEqualTo(RegisterRule.Kind.VAL_EXPRESSION);
        r = cfi.rowAt(0x100c).orElseThrow();
        assertThat(r.cfa().toString()).isEqualTo("r2+32");
        assertThat(r.registers()).doesNotContainKeys(8, 20).containsKey(1);
        assertThat(cfi.rowAt(0x1010).orElseThrow().rule(1)).isEqualTo(RegisterRule.UNDEFINED);
        assertThat(cfi.rowAt(0x1100)).isEmpty();
    }

    @Test
    void theUnwinderAppliesEveryRule() {
        CallFrameInfo cfi = new CallFrameInfo(ByteBuffer.wrap(debugFrame()), null, 0, 8);
        Unwinder u = new Unwinder(cfi, a -> true);
        Backtrace bt = u.unwind(target(0x1004), 10);
        Frame caller = bt.frames().get(1);
        assertThat(bt.frames().get(0).cfa()).isEqualTo(0x8020);
        assertThat(caller.pc()).isEqualTo(0x8018 ^ 0x5a5a);
        assertThat(caller.register(2)).hasValue(0x8020);
        assertThat(caller.register(9)).hasValue(0x801c);
        assertThat(caller.register(18)).hasValue(0x77);
        assertThat(caller.register(8)).hasValue(0x88); // same value
        assertThat(bt.end()).contains("no call frame information");

        bt = u.unwind(target(0x1008), 10);
        caller = bt.frames().get(1);
        assertThat(bt.frames().get(0).cfa()).isEqualTo(0x8030);
        assertThat(caller.register(8)).hasValue(0x8028 ^ 0x5a5a);
        assertThat(caller.register(20)).hasValue(0x8035);
        assertThat(caller.pc()).isEqualTo(0x8028 ^ 0x5a5a);

        bt = u.unwind(target(0x1010), 10);
        assertThat(bt.frames()).hasSize(1);
        assertThat(bt.end()).contains("undefined");
    }
}
