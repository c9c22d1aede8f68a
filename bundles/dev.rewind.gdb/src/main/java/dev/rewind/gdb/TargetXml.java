package dev.rewind.gdb;

import dev.rewind.debug.Register;
import java.util.List;

/**
 * The documents gdb reads with {@code qXfer}: the target description (features {@code org.gnu.gdb.riscv.cpu}
 * and {@code org.gnu.gdb.riscv.csr}, named and numbered as GDB's own RISC-V features), the thread list and the
 * memory map.
 */
final class TargetXml {
    /** x8 as GDB's own {@code riscv-32bit-cpu.xml} names it; every other name is the session's (the project's table). */
    private static final String X8 = "fp";

    private TargetXml() {
    }

    static String targetDescription(int xlen, List<Register> registers) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n<target version=\"1.0\">\n");
        sb.append("<architecture>riscv:rv").append(xlen).append("</architecture>\n");
        // bare metal: without this a gdb built for a Linux host takes the GNU/Linux OS ABI for an ELF that names
        // none, and on RISC-V that means software single-stepping (a breakpoint and a continue per stepi) and no
        // range stepping
        sb.append("<osabi>none</osabi>\n");
        sb.append("<feature name=\"org.gnu.gdb.riscv.cpu\">\n");
        for (Register r : registers) {
            if (r.kind() == Register.Kind.GENERAL && r.number() < 32) {
                reg(sb, r.number() == 8 ? X8 : r.name(), xlen, r.number(), xType(r.number()));
            }
        }
        reg(sb, "pc", xlen, Register.PC, "code_ptr");
        sb.append("</feature>\n<feature name=\"org.gnu.gdb.riscv.csr\">\n");
        for (Register r : registers) {
            if (r.kind() == Register.Kind.CSR) {
                reg(sb, r.name(), r.bits(), r.number(), "int");
            }
        }
        sb.append("</feature>\n</target>\n");
        return sb.toString();
    }

    private static String xType(int n) {
        return switch (n) {
            case 1 -> "code_ptr";
            case 2, 3, 4, 8 -> "data_ptr";
            default -> "int";
        };
    }

    private static void reg(StringBuilder sb, String name, int bits, int regnum, String type) {
        sb.append("  <reg name=\"").append(name).append("\" bitsize=\"").append(bits).append("\" regnum=\"")
                .append(regnum).append("\" type=\"").append(type).append("\"/>\n");
    }

    static String threads(int harts) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<threads>\n");
        for (int h = 0; h < harts; h++) {
            sb.append("  <thread id=\"").append(Threads.id(h)).append("\" core=\"").append(h).append("\" name=\"")
                    .append(Threads.name(h)).append("\"/>\n");
        }
        return sb.append("</threads>\n").toString();
    }

    /** A region of the memory map: gdb's {@code type} ({@code ram}, {@code rom}) and a comment. */
    record Region(long start, long length, String type, String what) {
    }

    static String memoryMap(List<Region> regions) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE memory-map PUBLIC "
                + "\"+//IDN gnu.org//DTD GDB Memory Map V1.0//EN\" \"http://sourceware.org/gdb/gdb-memory-map.dtd\">\n"
                + "<memory-map>\n");
        for (Region r : regions) {
            sb.append("  <!-- ").append(r.what().replace("--", "- -")).append(" -->\n  <memory type=\"").append(r.type())
                    .append("\" start=\"0x")
                    .append(Long.toHexString(r.start())).append("\" length=\"0x").append(Long.toHexString(r.length()))
                    .append("\"/>\n");
        }
        return sb.append("</memory-map>\n").toString();
    }

    /** The {@code qXfer} reply for {@code length} chars from {@code offset}: {@code m...} more follows, {@code l...} last. */
    static String slice(String document, int offset, int length) {
        if (offset >= document.length()) {
            return "l";
        }
        int end = (int) Math.min((long) offset + length, document.length());
        return (end == document.length() ? "l" : "m") + document.substring(offset, end);
    }
}
