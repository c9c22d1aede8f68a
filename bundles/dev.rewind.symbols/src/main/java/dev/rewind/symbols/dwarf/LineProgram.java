package dev.rewind.symbols.dwarf;

/**
 * Runs a line-number program (DWARF 2 to 5) through the state machine of DWARF 5 section 6.2: standard, extended
 * and special opcodes. Every opcode consumes at least one byte, so a malformed program ends (with a
 * {@link DwarfException}) instead of looping.
 */
public final class LineProgram {

    private static final int DW_LNE_END_SEQUENCE = 1;
    private static final int DW_LNE_SET_ADDRESS = 2;
    private static final int DW_LNE_DEFINE_FILE = 3;
    private static final int DW_LNE_SET_DISCRIMINATOR = 4;

    private final LineHeader h;
    private long address;
    private long opIndex;
    private int file;
    private int line;
    private int column;
    private boolean isStmt;
    private int discriminator;

    private LineProgram(LineHeader h) {
        this.h = h;
        reset();
    }

    /**
     * Executes the program of {@code header} (read from {@code c}). Rows of a sequence that has no end_sequence
     * before the unit ends are dropped, and the unit is reported through the exception only when its bytes are bad.
     *
     * @param addressSize the target's address size, used when the v5 header does not give one
     */
    public static LineRows run(DwarfCursor c, LineHeader header, int addressSize) {
        LineRows rows = new LineRows();
        DwarfCursor p = c.slice(header.programStart(), header.end() - header.programStart());
        new LineProgram(header).execute(p, rows, header.addressSize() != 0 ? header.addressSize() : addressSize);
        return rows;
    }

    private void reset() {
        address = 0;
        opIndex = 0;
        file = 1;
        line = 1;
        column = 0;
        isStmt = h.defaultIsStmt();
        discriminator = 0;
    }

    private void execute(DwarfCursor p, LineRows rows, int addressSize) {
        int sequenceStart = 0;
        while (p.hasRemaining()) {
            int op = p.u8();
            if (op >= h.opcodeBase()) {
                int adjusted = op - h.opcodeBase();
                advance(adjusted / h.lineRange());
                line += h.lineBase() + adjusted % h.lineRange();
                emit(rows, false);
            } else if (op == 0) {
                long len = p.uleb();
                if (len == 0 || len > p.remaining()) {
                    throw p.error("extended opcode length " + len + " invalid");
                }
                long next = p.position() + len;
                int sub = p.u8();
                switch (sub) {
                    case DW_LNE_END_SEQUENCE -> {
                        emit(rows, true);
                        reset();
                        sequenceStart = rows.size();
                    }
                    case DW_LNE_SET_ADDRESS -> {
                        address = p.address((int) (len - 1 == 0 ? addressSize : len - 1));
                        opIndex = 0;
                    }
                    case DW_LNE_DEFINE_FILE -> p.cstring();
                    case DW_LNE_SET_DISCRIMINATOR -> discriminator = (int) p.uleb();
                    default -> {
                        // unknown (vendor) extended opcode: skipped by its length
                    }
                }
                p.position(next);
            } else if (op == 1) {
                emit(rows, false);
            } else {
                standard(p, op);
            }
        }
        rows.truncate(sequenceStart);
    }

    private void standard(DwarfCursor p, int op) {
        switch (op) {
            case 2 -> advance(p.uleb());
            case 3 -> line += (int) p.sleb();
            case 4 -> file = (int) p.uleb();
            case 5 -> column = (int) p.uleb();
            case 6 -> isStmt = !isStmt;
            case 7, 10, 11 -> {
                // basic_block, prologue_end, epilogue_begin: not kept
            }
            case 8 -> advance((255 - h.opcodeBase()) / h.lineRange());
            case 9 -> {
                address += p.u16();
                opIndex = 0;
            }
            case 12 -> p.uleb();
            default -> {
                for (int i = 0; i < h.opcodeLengths()[op - 1]; i++) {
                    p.uleb();
                }
            }
        }
    }

    private void advance(long operationAdvance) {
        if (h.maxOps() == 1) {
            address += h.minInstLength() * operationAdvance;
        } else {
            long ops = opIndex + operationAdvance;
            address += h.minInstLength() * Long.divideUnsigned(ops, h.maxOps());
            opIndex = Long.remainderUnsigned(ops, h.maxOps());
        }
    }

    private void emit(LineRows rows, boolean end) {
        rows.add(address, file, line, column, isStmt, end, discriminator);
        discriminator = 0;
    }
}
