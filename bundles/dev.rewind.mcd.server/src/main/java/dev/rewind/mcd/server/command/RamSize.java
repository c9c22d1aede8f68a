package dev.rewind.mcd.server.command;

import java.util.Locale;
import picocli.CommandLine;

/** {@code --ram} values like {@code run}'s: {@code 65536}, {@code 64K}, {@code 128M}, {@code 1G}. */
public final class RamSize implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        long unit = s.endsWith("K") ? 1L << 10 : s.endsWith("M") ? 1L << 20 : s.endsWith("G") ? 1L << 30 : 1;
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        try {
            long v = Long.parseLong(digits);
            if (v < 0 || v > Long.MAX_VALUE / unit) {
                throw new CommandLine.TypeConversionException("size out of range: " + text);
            }
            return v * unit;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("not a size: '" + text + "' (examples: 65536, 64K, 128M, 1G)");
        }
    }
}
