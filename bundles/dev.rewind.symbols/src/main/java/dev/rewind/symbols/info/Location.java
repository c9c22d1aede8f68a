package dev.rewind.symbols.info;

import java.util.List;

/** Where a value is at one pc, as a DWARF location description evaluates. */
public sealed interface Location {

    /** In memory at {@code address}. */
    record Memory(long address) implements Location {
        @Override
        public String toString() {
            return "memory 0x" + Long.toHexString(address);
        }
    }

    /** In DWARF register {@code register} (x0..x31 = 0..31, f0..f31 = 32..63). */
    record Register(int register) implements Location {
        @Override
        public String toString() {
            return "register " + register;
        }
    }

    /** Not stored anywhere: the value itself (DW_OP_stack_value, DW_OP_implicit_value, DW_AT_const_value). */
    record Value(byte[] bytes) implements Location {
        public Value {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String toString() {
            return "value " + java.util.HexFormat.of().formatHex(bytes);
        }
    }

    /** Assembled from pieces (DW_OP_piece, DW_OP_bit_piece), lowest bits first. */
    record Composite(List<Piece> pieces) implements Location {
        public Composite {
            pieces = List.copyOf(pieces);
        }
    }

    /** One piece: {@code sizeBits} bits of {@code location}, starting {@code offsetBits} into it. */
    record Piece(Location location, long sizeBits, long offsetBits) {
    }

    /** The value is not available at this pc (no location, or an entry value the target cannot give). */
    record OptimizedOut(String reason) implements Location {
        @Override
        public String toString() {
            return "<optimized out>";
        }
    }

    /** The location could not be evaluated (bad expression, unreadable register, unknown CFA). */
    record Unavailable(String message) implements Location {
        @Override
        public String toString() {
            return "<error: " + message + ">";
        }
    }
}
