package dev.rewind.shell.run;

import java.util.Locale;
import picocli.CommandLine;

/** Parses sizes like {@code 65536}, {@code 64K}, {@code 128M}, {@code 1G} (binary units; "iB"/"B" suffixes allowed). */
public final class SizeConverter implements CommandLine.ITypeConverter<Long> {

    @Override
    public Long convert(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        long unit = 1;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'K' -> unit = 1L << 10;
                case 'M' -> unit = 1L << 20;
                case 'G' -> unit = 1L << 30;
                default -> unit = 1;
            }
        }
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        try {
            long value = Long.parseLong(digits);
            if (value < 0 || value > Long.MAX_VALUE / unit) {
                throw new CommandLine.TypeConversionException("size out of range: " + text);
            }
            return value * unit;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("not a size: '" + text + "' (examples: 65536, 64K, 128M, 1G)");
        }
    }
}
