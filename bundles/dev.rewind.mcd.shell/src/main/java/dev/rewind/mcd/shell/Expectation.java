package dev.rewind.mcd.shell;

import dev.rewind.mcd.api.CoreExecState;
import dev.rewind.mcd.api.McdException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The assertions of {@code expect}. Subjects and forms:
 * <pre>
 * state [==|!=] DEBUG|HALTED|RUNNING|UNKNOWN      the current hart's state
 * reg NAME [HART] OP VALUE                         a register (VALUE: number or symbol)
 * pc [HART] OP VALUE                               the pc (VALUE: number, SYMBOL or SYMBOL+OFF)
 * mem ADDR LEN OP VALUE                            LEN (1..8) bytes at ADDR, little endian
 * time OP N                                        virtual time
 * hart OP N                                        the current hart (the one of the last stop)
 * console contains|lacks|== TEXT                   UART output so far (TEXT may use \\n \\t)
 * stop contains|lacks TEXT                         the reason of the last stop
 * </pre>
 * OP is one of {@code == != eq ne lt le gt ge} (numbers compare unsigned). A failed expectation throws
 * {@link Failed} naming the command and the expected and actual values.
 */
final class Expectation {

    /** An expectation that does not hold: the script stops here. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    private Expectation() {
    }

    /** Gogo splits {@code ==} into {@code = =}; join such pieces back into one operator word. */
    static String[] normalize(String[] raw) {
        List<String> out = new ArrayList<>();
        for (String a : raw) {
            int last = out.size() - 1;
            if (a.equals("=") && last >= 0 && (out.get(last).equals("=") || out.get(last).equals("!"))) {
                out.set(last, out.get(last) + "=");
            } else {
                out.add(a);
            }
        }
        return out.toArray(String[]::new);
    }

    /** Checks {@code args} (the words after {@code expect}) on {@code t}; returns what was checked. */
    static String check(McdTarget t, String[] raw) throws McdException {
        String[] a = normalize(raw);
        String text = "expect " + String.join(" ", a);
        if (a.length == 0) {
            throw usage(text);
        }
        switch (a[0]) {
            case "state" -> {
                boolean negate = a.length == 3 && a[1].equals("!=");
                if (!(a.length == 2 || a.length == 3 && (a[1].equals("==") || negate))) {
                    throw usage(text);
                }
                String want = a[a.length - 1].toUpperCase(Locale.ROOT);
                Arrays.stream(CoreExecState.values()).filter(s -> s.name().equals(want)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(text + ": no state " + want
                                + " (DEBUG, HALTED, RUNNING, UNKNOWN)"));
                String actual = t.state(t.currentHart()).state().name();
                return verify(text, actual.equals(want) != negate, (negate ? "not " : "") + want, actual, t);
            }
            case "reg", "pc" -> {
                boolean pc = a[0].equals("pc");
                String name = pc ? "pc" : a.length > 1 ? a[1] : "";
                int first = pc ? 1 : 2;
                int hart = t.currentHart();
                if (a.length == first + 3) {
                    hart = Values.count(a[first], "hart");
                    t.core(hart);
                    first++;
                }
                if (a.length != first + 2 || name.isEmpty()) {
                    throw usage(text);
                }
                long actual = t.register(hart, name);
                long want = mask(Values.address(t.symbols(), a[first + 1]), t.xlen() / 8);
                return compare(text, actual, a[first], want, t, " on hart " + hart,
                        pc ? Values.where(t.symbols(), actual) : Values.hex(actual) + " (" + actual + ")");
            }
            case "mem" -> {
                if (a.length != 5) {
                    throw usage(text);
                }
                long addr = Values.address(t.symbols(), a[1]);
                int len = Values.count(a[2], "length");
                if (len < 1 || len > 8) {
                    throw new IllegalArgumentException(text + ": LEN must be 1..8 bytes");
                }
                long actual = Values.littleEndian(t.readMemory(addr, len));
                long want = mask(Values.address(t.symbols(), a[4]), len);
                return compare(text, actual, a[3], want, t, "", Values.hex(actual) + " (" + actual + ")");
            }
            case "time", "hart" -> {
                if (a.length != 3) {
                    throw usage(text);
                }
                long actual = a[0].equals("time") ? t.time() : t.currentHart();
                return compare(text, actual, a[1], Values.number(a[2], a[0]), t, "", Long.toString(actual));
            }
            case "console", "stop" -> {
                if (a.length < 3) {
                    throw usage(text);
                }
                String actual = a[0].equals("console") ? t.console() : t.state(t.currentHart()).stopStr();
                String want = unescape(String.join(" ", Arrays.copyOfRange(a, 2, a.length)));
                boolean ok = switch (a[1]) {
                    case "contains" -> actual.contains(want);
                    case "lacks" -> !actual.contains(want);
                    case "==" -> actual.equals(want);
                    default -> throw usage(text);
                };
                return verify(text, ok, a[1] + " " + quote(want), quote(actual), t);
            }
            default -> throw usage(text);
        }
    }

    /** {@code \n}, {@code \t}, {@code \\} in expected text (Gogo passes them through literally). */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static long mask(long v, int bytes) {
        return bytes >= 8 ? v : v & ((1L << (8 * bytes)) - 1);
    }

    private static String compare(String text, long actual, String op, long want, McdTarget t, String where,
            String shown) throws McdException {
        int c = Long.compareUnsigned(actual, want);
        boolean ok = switch (op) {
            case "==", "eq" -> c == 0;
            case "!=", "ne" -> c != 0;
            case "lt" -> c < 0;
            case "le" -> c <= 0;
            case "gt" -> c > 0;
            case "ge" -> c >= 0;
            default -> throw new IllegalArgumentException(text + ": unknown operator '" + op
                    + "' (use == != eq ne lt le gt ge)");
        };
        String wanted = op + " " + (want < 0 || want > 9 ? Values.hex(want) + " (" + want + ")" : Long.toString(want));
        return verify(text, ok, wanted, shown + where, t);
    }

    private static String verify(String text, boolean ok, String expected, String actual, McdTarget t)
            throws McdException {
        if (!ok) {
            throw new Failed("expectation failed: " + text + "\n  expected: " + expected + "\n  actual:   " + actual
                    + "\n  at time " + t.time() + ", hart " + t.currentHart() + ", " + t.program());
        }
        return "ok: " + text.substring("expect ".length());
    }

    private static String quote(String s) {
        String shown = s.length() > 400 ? "..." + s.substring(s.length() - 400) : s;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }

    private static IllegalArgumentException usage(String text) {
        return new IllegalArgumentException(text + ": not an expectation. Forms: state S | reg NAME [HART] OP V | "
                + "pc [HART] OP V | mem ADDR LEN OP V | time OP N | hart OP N | console contains|lacks|== TEXT | "
                + "stop contains|lacks TEXT (OP: == != eq ne lt le gt ge)");
    }
}
