package dev.rewind.emulator.isa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InsnTableTest {

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void noTwoCompressedEncodingsOverlap(int xlen) {
        List<InsnSpec> rows = InsnTable.forXlen(xlen).stream().filter(InsnSpec::compressed).toList();
        int decoded = 0;
        for (int bits = 0; bits < 0x10000; bits++) {
            if ((bits & 3) == 3) {
                continue;
            }
            List<InsnSpec> hits = new ArrayList<>();
            for (InsnSpec s : rows) {
                if (s.matches(bits)) {
                    hits.add(s);
                }
            }
            assertThat(hits).as("encoding 0x%04x", bits).hasSizeLessThanOrEqualTo(1);
            decoded += hits.size();
        }
        assertThat(decoded).isGreaterThan(xlen == 32 ? 28000 : 38000);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void noTwoWideEncodingsOverlap(int xlen) {
        List<InsnSpec> rows = InsnTable.forXlen(xlen).stream().filter(s -> !s.compressed()).toList();
        for (int a = 0; a < rows.size(); a++) {
            for (int b = a + 1; b < rows.size(); b++) {
                InsnSpec x = rows.get(a);
                InsnSpec y = rows.get(b);
                int common = x.mask() & y.mask();
                assertThat((x.match() ^ y.match()) & common).as(x.name() + " vs " + y.name()).isNotZero();
            }
        }
        assertThat(rows).hasSizeGreaterThan(xlen == 32 ? 60 : 80);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void disassemblyRoundTripsThroughTheAssembler(int xlen) {
        Decoder dec = new Decoder(xlen);
        Disassembler dis = new Disassembler(xlen);
        Assembler asm = new Assembler(xlen);
        SplittableRandom rnd = new SplittableRandom(42);
        long pc = 0x8000_1000L;
        int checked = 0;
        for (InsnSpec s : InsnTable.forXlen(xlen)) {
            int hits = 0;
            for (int k = 0; k < 400 && hits < 25; k++) {
                int bits = (rnd.nextInt() & ~s.mask()) | s.match();
                if (s.compressed()) {
                    bits &= 0xFFFF;
                }
                if (dec.find(bits) != s) {
                    continue;
                }
                hits++;
                String text = dis.disassemble(bits, pc);
                int again = asm.encode(text, pc);
                Decoded d1 = dec.decode(bits);
                Decoded d2 = dec.decode(again);
                assertThat(d2.spec()).as(text).isEqualTo(s);
                assertThat(new long[] {d2.rd(), d2.rs1(), d2.rs2(), d2.imm()}).as(text)
                        .containsExactly(d1.rd(), d1.rs1(), d1.rs2(), d1.imm());
                if (s.format() == Format.FENCE || s.format() == Format.NONE) {
                    assertThat(again & s.mask()).as(text).isEqualTo(bits & s.mask()); // ignored fields
                } else {
                    assertThat(again).as(text).isEqualTo(bits);
                }
                checked++;
            }
            assertThat(hits).as(s.name()).isPositive();
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @org.junit.jupiter.api.Test
    void objdumpStyleText() {
        Disassembler d = new Disassembler(64);
        Assembler a = new Assembler(64);
        assertThat(d.disassemble(0x00150513, 0)).isEqualTo("addi a0,a0,1");
        assertThat(d.disassemble(a.encode("lw a0,8(sp)", 0), 0)).isEqualTo("lw a0,8(sp)");
        assertThat(d.disassemble(a.encode("c.addi a0,1", 0), 0)).isEqualTo("c.addi a0,1");
        assertThat(a.encode("c.addi a0,1", 0)).isEqualTo(0x0505);
        assertThat(d.disassemble(0x0001, 0)).isEqualTo("c.nop");
        assertThat(d.disassemble(a.encode("beq a0,a1,0x80000010", 0x80000000L), 0x80000000L))
                .isEqualTo("beq a0,a1,0x80000010");
        assertThat(d.disassemble(a.encode("amoadd.w.aqrl a0,a1,(a2)", 0), 0)).isEqualTo("amoadd.w.aqrl a0,a1,(a2)");
        assertThat(d.disassemble(a.encode("csrrs a0,mstatus,zero", 0), 0)).isEqualTo("csrrs a0,mstatus,zero");
        assertThat(d.disassemble(0x0000000F | 0x0FF00000, 0)).isEqualTo("fence iorw,iorw");
        assertThat(d.disassemble(0, 0)).isEqualTo(".half 0x0000");
        assertThat(a.encode("lui a0,0x12345", 0)).isEqualTo(0x12345537);
        assertThat(a.encode("jal ra,0x800", 0)).isEqualTo(0x001000EF | (0x800 >> 11 & 1) << 20 | 0);
    }

    @org.junit.jupiter.api.Test
    void illegalAndReservedCompressedEncodings() {
        Decoder d32 = new Decoder(32);
        Decoder d64 = new Decoder(64);
        int[] illegalBoth = {
            0x0000, // all zero halfword
            0x0010, // c.addi4spn with nzuimm = 0
            0x4002, // c.lwsp rd = 0
            0x6101, // c.addi16sp with imm 0
            0x6501, // c.lui a0 with imm 0
            0x8002, // c.jr x0
            0x2000, // c.fld (no D)
            0x9C41, // reserved CA encoding (bit12=1, funct2 10)
            0x8000, // reserved quadrant-0 funct3 100
        };
        for (int b : illegalBoth) {
            assertThat(d32.decode(b).illegal()).as("rv32 0x%04x", b).isTrue();
            assertThat(d64.decode(b).illegal()).as("rv64 0x%04x", b).isTrue();
        }
        assertThat(d32.decode(0x1002 | 10 << 7 | 1 << 2).illegal()).as("rv32 c.slli shamt[5]=1").isTrue();
        assertThat(d64.decode(0x1002 | 10 << 7 | 1 << 2).spec().name()).isEqualTo("c.slli");
        assertThat(d64.decode(0x2001).illegal()).as("c.addiw rd=0").isTrue();
        assertThat(d32.decode(0x2001).spec().name()).isEqualTo("c.jal");
        assertThat(d32.decode(0xFFFFFFFF).illegal()).isTrue();
        assertThat(d32.decode(0x0000003B).illegal()).as("addw on RV32").isTrue();
        assertThat(d32.decode(0x02051513).illegal()).as("slli shamt 32 on RV32").isTrue();
        assertThat(d64.decode(0x02051513).spec().name()).isEqualTo("slli");
    }

    @org.junit.jupiter.api.Test
    void assemblerRejectsWhatCannotBeEncoded() {
        Assembler a = new Assembler(32);
        assertThatThrownBy(() -> a.encode("addi a0,a0,4096", 0)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> a.encode("c.lw a0,8(x1)", 0)).hasMessageContaining("not encodable");
        assertThatThrownBy(() -> a.encode("ld a0,0(a1)", 0)).hasMessageContaining("unknown instruction");
        assertThatThrownBy(() -> a.encode("c.addi16sp sp,0", 0)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> a.encode("beq a0,a1,3", 0)).hasMessageContaining("out of range");
        byte[] prog = a.assemble("start: addi a0,zero,1\n  c.j start # loop\n.word 0x12345678", 0x8000_0000L);
        assertThat(prog).hasSize(10);
        assertThat(new Disassembler(32).disassemble((prog[4] & 0xFF) | (prog[5] & 0xFF) << 8, 0x8000_0004L))
                .isEqualTo("c.j 0x80000000");
    }
}
