package dev.rewind.emulator.cpu;

import dev.rewind.emulator.isa.Op;

/** M-extension division and remainder with the spec's results for division by zero and overflow. */
final class Alu {
    private Alu() {
    }

    static long divide(int op, long a, long b) {
        switch (op) {
            case Op.DIV:
                return b == 0 ? -1 : (a == Long.MIN_VALUE && b == -1) ? a : a / b;
            case Op.DIVU:
                return b == 0 ? -1 : Long.divideUnsigned(a, b);
            case Op.REM:
                return b == 0 ? a : (a == Long.MIN_VALUE && b == -1) ? 0 : a % b;
            case Op.REMU:
                return b == 0 ? a : Long.remainderUnsigned(a, b);
            default:
                break;
        }
        int x = (int) a;
        int y = (int) b;
        return switch (op) {
            case Op.DIVW -> y == 0 ? -1 : (x == Integer.MIN_VALUE && y == -1) ? x : x / y;
            case Op.DIVUW -> y == 0 ? -1 : Integer.divideUnsigned(x, y);
            case Op.REMW -> y == 0 ? x : (x == Integer.MIN_VALUE && y == -1) ? 0 : x % y;
            default -> y == 0 ? x : Integer.remainderUnsigned(x, y);
        };
    }
}
