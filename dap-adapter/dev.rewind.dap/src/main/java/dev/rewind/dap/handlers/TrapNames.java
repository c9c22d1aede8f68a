package dev.rewind.dap.handlers;

/** Names of the RISC-V privileged spec's mcause codes. */
final class TrapNames {

    private static final String[] EXCEPTIONS = {
        "instruction address misaligned", "instruction access fault", "illegal instruction", "breakpoint",
        "load address misaligned", "load access fault", "store/AMO address misaligned", "store/AMO access fault",
        "environment call from U-mode", "environment call from S-mode", null, "environment call from M-mode",
        "instruction page fault", "load page fault", null, "store/AMO page fault"};
    private static final String[] INTERRUPTS = {
        null, "supervisor software interrupt", null, "machine software interrupt", null, "supervisor timer interrupt",
        null, "machine timer interrupt", null, "supervisor external interrupt", null, "machine external interrupt"};

    private TrapNames() {
    }

    static String describe(boolean interrupt, long code) {
        String[] names = interrupt ? INTERRUPTS : EXCEPTIONS;
        String n = code >= 0 && code < names.length ? names[(int) code] : null;
        return n != null ? n : (interrupt ? "interrupt " : "exception ") + code;
    }
}
