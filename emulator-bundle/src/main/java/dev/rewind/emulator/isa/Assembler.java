package dev.rewind.emulator.isa;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small test assembler derived from the instruction table. One instruction per line in the syntax the
 * {@link Disassembler} prints (ABI or {@code xN} register names, decimal or {@code 0x} numbers, CSR
 * names or numbers, {@code .aq/.rl/.aqrl} suffixes on atomics); branch/jump targets are labels or
 * absolute addresses. {@link #assemble} adds labels ({@code name:}), comments ({@code #}) and the
 * directives {@code .half .word .dword .zero}. No pseudo-instructions. Errors are
 * {@link IllegalArgumentException}s naming the line.
 */
public final class Assembler {

    private static final Pattern MEM = Pattern.compile("(.*)\\((\\w+)\\)");
    private final int xlen;
    private final Decoder decoder;
    private final Map<String, InsnSpec> byName = new HashMap<>();

    public Assembler(int xlen) {
        this.xlen = xlen;
        this.decoder = new Decoder(xlen);
        for (InsnSpec s : InsnTable.forXlen(xlen)) {
            byName.put(s.name(), s);
        }
    }

    /** Encodes one instruction at {@code pc}; numeric targets are absolute addresses. */
    public int encode(String line, long pc) {
        return encode(line, pc, Map.of());
    }

    /** Assembles a program placed at {@code origin} into little-endian bytes. */
    public byte[] assemble(String program, long origin) {
        String[] lines = program.split("\n");
        Map<String, Long> labels = new HashMap<>();
        List<String> stmts = new ArrayList<>();
        long pc = origin;
        for (String raw : lines) {
            String line = raw.replaceAll("#.*", "").trim();
            while (line.matches("^[A-Za-z_.$][\\w.$]*:.*")) {
                int c = line.indexOf(':');
                if (labels.put(line.substring(0, c), pc) != null) {
                    throw new IllegalArgumentException("label defined twice: " + line.substring(0, c));
                }
                line = line.substring(c + 1).trim();
            }
            if (line.isEmpty()) {
                continue;
            }
            stmts.add(line);
            pc += size(line);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pc = origin;
        for (String line : stmts) {
            int n = size(line);
            if (line.startsWith(".")) {
                String[] p = line.split("\\s+", 2);
                long v = p.length > 1 ? number(p[1].trim(), labels, line) : 0;
                int bytes = p[0].equals(".zero") ? (int) v : n;
                for (int b = 0; b < bytes; b++) {
                    out.write(p[0].equals(".zero") ? 0 : (int) (v >>> (8 * b)));
                }
            } else {
                int bits = encode(line, pc, labels);
                for (int b = 0; b < n; b++) {
                    out.write(bits >>> (8 * b));
                }
            }
            pc += n;
        }
        return out.toByteArray();
    }

    private int size(String line) {
        String op = line.split("\\s+", 2)[0];
        return switch (op) {
            case ".half" -> 2;
            case ".word" -> 4;
            case ".dword" -> 8;
            case ".zero" -> (int) number(line.split("\\s+", 2)[1].trim(), Map.of(), line);
            default -> op.startsWith("c.") ? 2 : 4;
        };
    }

    private int encode(String line, long pc, Map<String, Long> labels) {
        String[] p = line.trim().split("\\s+", 2);
        String name = p[0].toLowerCase();
        String[] ops = p.length > 1 ? p[1].replace(" ", "").split(",") : new String[0];
        long aqrl = 0;
        if (name.endsWith(".aqrl")) {
            aqrl = 3;
        } else if (name.endsWith(".aq")) {
            aqrl = 2;
        } else if (name.endsWith(".rl")) {
            aqrl = 1;
        }
        if (aqrl != 0 && (name.startsWith("amo") || name.startsWith("lr.") || name.startsWith("sc."))) {
            name = name.substring(0, name.lastIndexOf('.'));
        } else {
            aqrl = 0;
        }
        if (name.equals("c.nop")) {
            name = "c.addi";
            ops = new String[] {"zero", "0"};
        }
        InsnSpec s = byName.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown instruction for RV" + xlen + ": " + line);
        }
        Format f = s.format();
        if (f == Format.FENCE && ops.length == 0) {
            ops = new String[] {"iorw", "iorw"};
        }
        if (ops.length != f.syntax.length) {
            throw new IllegalArgumentException("expected " + f.syntax.length + " operands (" + String.join(",", f.syntax)
                    + "): " + line);
        }
        int rd = 0, rs1 = 0, rs2 = 0;
        long imm = aqrl;
        boolean hasRs1 = false;
        for (int k = 0; k < ops.length; k++) {
            String o = ops[k];
            switch (f.syntax[k]) {
                case "rd" -> rd = reg(o, line);
                case "rs1" -> { rs1 = reg(o, line); hasRs1 = true; }
                case "rs2" -> rs2 = reg(o, line);
                case "imm" -> imm = number(o, labels, line);
                case "uimm20" -> imm = (int) (number(o, labels, line) << 12);
                case "target" -> imm = number(o, labels, line) - pc;
                case "csr" -> imm = Names.csrNumber(o) >= 0 ? Names.csrNumber(o) : number(o, labels, line);
                case "zimm" -> { rs1 = (int) number(o, labels, line); hasRs1 = true; }
                case "pred" -> imm |= fence(o, line) << 4;
                case "succ" -> imm |= fence(o, line);
                case "imm(rs1)", "(rs1)" -> {
                    Matcher m = MEM.matcher(o);
                    if (!m.matches()) {
                        throw new IllegalArgumentException("expected offset(reg): " + line);
                    }
                    imm = m.group(1).isEmpty() ? imm : number(m.group(1), labels, line);
                    rs1 = reg(m.group(2), line);
                    hasRs1 = true;
                }
                default -> throw new IllegalStateException(f.syntax[k]);
            }
        }
        java.util.List<String> syn = java.util.List.of(f.syntax);
        if (!syn.contains("rd")) {
            rd = fixed(f.rd, rd);
        }
        if (!hasRs1) {
            rs1 = f.rs1 == Format.Src.RD ? rd : fixed(f.rs1, rs1);
        }
        if (!syn.contains("rs2")) {
            rs2 = fixed(f.rs2, rs2);
        }
        if (f == Format.CSRI && (rs1 < 0 || rs1 > 31)) {
            throw new IllegalArgumentException("immediate out of range: " + line);
        }
        int bits = s.match() | f.placeImm(imm);
        int[] regs = {Format.placeReg(f.rd, rd), f.rs1 == Format.Src.RD ? (rs1 == rd ? 0 : -1)
                : Format.placeReg(f.rs1, rs1), Format.placeReg(f.rs2, rs2)};
        for (int r : regs) {
            if (r < 0) {
                throw new IllegalArgumentException("register not encodable in " + name + ": " + line);
            }
            bits |= r;
        }
        Decoded d = decoder.decode(bits);
        if (d.spec() != s) {
            throw new IllegalArgumentException("reserved or out-of-range encoding: " + line);
        }
        if (d.imm() != imm || d.rd() != rd || d.rs1() != rs1 || d.rs2() != rs2) {
            throw new IllegalArgumentException("immediate out of range or misaligned: " + line);
        }
        return s.compressed() ? bits & 0xFFFF : bits;
    }

    private static int fixed(Format.Src src, int dflt) {
        return src == Format.Src.X1 ? 1 : src == Format.Src.X2 ? 2 : dflt;
    }

    private static int reg(String o, String line) {
        int r = Names.regNumber(o);
        if (r < 0) {
            throw new IllegalArgumentException("bad register '" + o + "': " + line);
        }
        return r;
    }

    private static long fence(String o, String line) {
        if (o.equals("0")) {
            return 0;
        }
        long v = 0;
        for (char c : o.toCharArray()) {
            int i = "iorw".indexOf(c);
            if (i < 0) {
                throw new IllegalArgumentException("bad fence set '" + o + "': " + line);
            }
            v |= 8 >> i;
        }
        return v;
    }

    private static long number(String o, Map<String, Long> labels, String line) {
        Long l = labels.get(o);
        if (l != null) {
            return l;
        }
        try {
            boolean neg = o.startsWith("-");
            String t = neg ? o.substring(1) : o;
            long v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16)
                    : Long.parseLong(t);
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number or unknown label '" + o + "': " + line, e);
        }
    }
}
