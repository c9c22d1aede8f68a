package dev.rewind.shell.run;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The common forms of {@code rewind run}'s arguments, parsed without picocli (issue #16: picocli's ~170 classes are
 * compiled for Java 5, so the AOT cache cannot hold them, and loading, verifying and running them cost ~40 ms before
 * the guest's first instruction). Only what is unambiguous: the program, {@code --harts N}, {@code --quantum Q},
 * {@code --ram SIZE}, {@code --max-insns N} (also as {@code --opt=value}), {@code --stats}, each at most once, decimal
 * numbers. Anything else (help, errors, {@code @files}, {@code --}, repeated options) is left to picocli, so its answers
 * and messages stay the only ones; {@code RunOptionsQuickTest} checks that both parsers agree.
 */
final class QuickArgs {

    private QuickArgs() {
    }

    /** The options, or null when picocli must parse {@code args}. */
    static RunOptions parse(String[] args) {
        RunOptions options = new RunOptions();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                if (options.program != null || arg.isEmpty() || arg.startsWith("@")) {
                    return null;
                }
                options.program = Path.of(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!seen.add(name)) {
                return null;
            }
            if (name.equals("--stats")) {
                if (value != null) {
                    return null;
                }
                options.stats = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    return null;
                }
                value = args[++i];
            }
            if (!set(options, name, value)) {
                return null;
            }
        }
        return options.program == null ? null : options;
    }

    private static boolean set(RunOptions options, String name, String value) {
        switch (name) {
            case "--harts" -> {
                Integer n = decimalInt(value);
                if (n == null) {
                    return false;
                }
                options.harts = n;
            }
            case "--quantum" -> {
                Integer n = decimalInt(value);
                if (n == null) {
                    return false;
                }
                options.quantum = n;
            }
            case "--ram" -> {
                Long n = size(value);
                if (n == null) {
                    return false;
                }
                options.ram = n;
            }
            case "--max-insns" -> {
                Long n = size(value);
                if (n == null) {
                    return false;
                }
                options.maxInstructions = n;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static Integer decimalInt(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.parseInt(text);
    }

    /** A size as {@link SizeConverter} reads it, when it is one of its plain forms (digits and an optional unit). */
    private static Long size(String text) {
        if (!text.matches("[0-9]{1,15}[KMG]?")) {
            return null;
        }
        return new SizeConverter().convert(text);
    }
}
