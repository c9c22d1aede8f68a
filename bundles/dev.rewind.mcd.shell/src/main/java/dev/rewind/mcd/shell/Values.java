package dev.rewind.mcd.shell;

import dev.rewind.symbols.Symbols;
import dev.rewind.symbols.elf.ElfSymbol;
import java.util.Locale;
import java.util.Optional;

/** Numbers, addresses and symbols as the commands read and print them. */
final class Values {
    /** {@code st_shndx} of an absolute symbol. */
    private static final int SHN_ABS = 0xfff1;

    private Values() {
    }

    /** Decimal, {@code 0x} hex or {@code 0b} binary, optionally negative; IllegalArgumentException otherwise. */
    static long number(String text, String what) {
        String s = text.trim().replace("_", "");
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        try {
            long v;
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.startsWith("0x")) {
                v = Long.parseUnsignedLong(s.substring(2), 16);
            } else if (lower.startsWith("0b")) {
                v = Long.parseUnsignedLong(s.substring(2), 2);
            } else {
                v = Long.parseLong(s);
            }
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": not a number: '" + text + "'");
        }
    }

    static boolean isNumber(String text) {
        try {
            number(text, "");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A non-negative int (counts, hart numbers). */
    static int count(String text, String what) {
        long v = number(text, what);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + ": " + text + " is out of range");
        }
        return (int) v;
    }

    /** A number, {@code SYMBOL} or {@code SYMBOL+OFFSET} / {@code SYMBOL-OFFSET} from the ELF symbol table. */
    static long address(Symbols symbols, String text) {
        if (isNumber(text)) {
            return number(text, "address");
        }
        int split = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        String name = split > 0 ? text.substring(0, split) : text;
        long offset = split > 0 ? number(text.substring(split + 1), "offset") * (text.charAt(split) == '-' ? -1 : 1) : 0;
        Optional<ElfSymbol> sym = symbol(symbols, name);
        if (sym.isEmpty()) {
            throw new IllegalArgumentException("no symbol '" + name + "' in the program (and not a number)");
        }
        return sym.get().value() + offset;
    }

    /** The size of a symbol named {@code text}, or 0 if it is a number or has no size. */
    static long symbolSize(Symbols symbols, String text) {
        return isNumber(text) ? 0 : symbol(symbols, text).map(ElfSymbol::size).orElse(0L);
    }

    /**
     * The symbol called {@code name}: a function, object or code label ({@link Symbols#symbol}), else an absolute
     * symbol (a value the linker script defines, e.g. {@code __data_load}).
     */
    static Optional<ElfSymbol> symbol(Symbols symbols, String name) {
        return symbols.symbol(name).or(() -> symbols.elf().symbols().stream().filter(s -> s.section() == SHN_ABS
                && s.type() != ElfSymbol.Type.FILE && s.name().equals(name)).findFirst());
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /**
     * {@code 0x80000120 <main+8>} (the symbol part only if a function, object or code label contains the address, as
     * {@link Symbols#symbolAt} finds it for every front end).
     */
    static String where(Symbols symbols, long addr) {
        return hex(addr) + symbols.symbolAt(addr).map(s -> " <" + s.name()
                + (addr == s.value() ? "" : "+" + (addr - s.value())) + ">").orElse("");
    }

    /** Little-endian unsigned value of up to 8 bytes. */
    static long littleEndian(byte[] bytes) {
        long v = 0;
        for (int i = Math.min(8, bytes.length) - 1; i >= 0; i--) {
            v = v << 8 | (bytes[i] & 0xffL);
        }
        return v;
    }

    static byte[] toLittleEndian(long value, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return b;
    }
}
