package dev.rewind.symbols;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a minimal Linux-style ELF core file of one stopped hart (an NT_PRSTATUS note with pc and x1..x31, and
 * one PT_LOAD of memory), so that gdb-multiarch can print a backtrace of the engine's state with its own unwinder.
 * Test-only: the oracle for the unwinder.
 */
final class CoreFile {

    private CoreFile() {
    }

    static byte[] write(int xlen, int eflags, long pc, long[] regs, long memBase, byte[] mem) {
        boolean is64 = xlen == 64;
        int w = xlen / 8;
        // struct elf_prstatus: pr_reg at 112 (rv64) / 72 (rv32), 32 registers (pc, x1..x31), then pr_fpvalid
        int regOff = is64 ? 112 : 72;
        int prSize = is64 ? 376 : 204;
        ByteBuffer pr = ByteBuffer.allocate(prSize).order(ByteOrder.LITTLE_ENDIAN);
        pr.putShort(12, (short) 5); // pr_cursig = SIGTRAP
        putWord(pr, regOff, pc, w);
        for (int r = 1; r < 32; r++) {
            putWord(pr, regOff + r * w, regs[r], w);
        }
        byte[] name = "CORE\0\0\0\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer note = ByteBuffer.allocate(12 + 8 + prSize).order(ByteOrder.LITTLE_ENDIAN);
        note.putInt(5).putInt(prSize).putInt(1).put(name).put(pr.array());
        int ehSize = is64 ? 64 : 52;
        int phSize = is64 ? 56 : 32;
        int noteOff = ehSize + 2 * phSize;
        int memOff = (noteOff + note.capacity() + 0xfff) & ~0xfff;
        ByteBuffer h = ByteBuffer.allocate(memOff).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), 1, 1, 0});
        h.position(16);
        h.putShort((short) 4).putShort((short) 243).putInt(1); // ET_CORE, EM_RISCV, version
        putWordAdv(h, 0, w); // entry
        putWordAdv(h, ehSize, w); // phoff
        putWordAdv(h, 0, w); // shoff
        h.putInt(eflags).putShort((short) ehSize).putShort((short) phSize).putShort((short) 2);
        h.putShort((short) 0).putShort((short) 0).putShort((short) 0);
        h.position(ehSize);
        phdr(h, is64, 4, noteOff, 0, note.capacity(), note.capacity(), 0, 4); // PT_NOTE
        phdr(h, is64, 1, memOff, memBase, mem.length, mem.length, 7, 0x1000); // PT_LOAD RWX
        h.position(noteOff);
        h.put(note.array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        out.writeBytes(mem);
        return out.toByteArray();
    }

    private static void phdr(ByteBuffer h, boolean is64, int type, long off, long addr, long filesz, long memsz,
            int flags, int align) {
        if (is64) {
            h.putInt(type).putInt(flags).putLong(off).putLong(addr).putLong(addr).putLong(filesz).putLong(memsz)
                    .putLong(align);
        } else {
            h.putInt(type).putInt((int) off).putInt((int) addr).putInt((int) addr).putInt((int) filesz)
                    .putInt((int) memsz).putInt(flags).putInt(align);
        }
    }

    private static void putWord(ByteBuffer b, int at, long v, int w) {
        if (w == 8) {
            b.putLong(at, v);
        } else {
            b.putInt(at, (int) v);
        }
    }

    private static void putWordAdv(ByteBuffer b, long v, int w) {
        if (w == 8) {
            b.putLong(v);
        } else {
            b.putInt((int) v);
        }
    }
}
