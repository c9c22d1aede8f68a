package dev.rewind.symbols.info;

import dev.rewind.symbols.dwarf.DwarfCursor;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The DWARF sections the .debug_info reader uses; a missing section reads as empty. Immutable. */
final class Sections {

    static final String[] NAMES = {".debug_info", ".debug_abbrev", ".debug_str", ".debug_line_str",
        ".debug_str_offsets", ".debug_addr", ".debug_rnglists", ".debug_loclists", ".debug_ranges", ".debug_loc",
        ".debug_types"};

    private final Map<String, ByteBuffer> buffers;

    private Sections(Map<String, ByteBuffer> buffers) {
        this.buffers = buffers;
    }

    static Sections of(Function<String, Optional<ByteBuffer>> lookup) {
        Map<String, ByteBuffer> m = new java.util.HashMap<>();
        for (String n : NAMES) {
            lookup.apply(n).ifPresent(b -> m.put(n, b.asReadOnlyBuffer()));
        }
        return new Sections(Map.copyOf(m));
    }

    boolean has(String name) {
        return buffers.containsKey(name);
    }

    /** A fresh cursor over the whole section (empty when the ELF has no such section). */
    DwarfCursor cursor(String name) {
        ByteBuffer b = buffers.get(name);
        return new DwarfCursor(b == null ? ByteBuffer.allocate(0) : b.duplicate(), name);
    }
}
