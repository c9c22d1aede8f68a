package dev.rewind.trace;

import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfSymbol;
import java.util.HashMap;
import java.util.Map;

/**
 * Function entry addresses and names for call traces, from the ELF symbol table (global names win over local
 * ones at the same address). The debug services' symbols will replace it once they are on main.
 */
public final class FunctionTable {
    private FunctionTable() {
    }

    public static Map<Long, String> of(ElfImage image) {
        Map<Long, String> out = new HashMap<>();
        for (ElfSymbol s : image.symbols()) {
            if (s.isFunction() && !s.name().isEmpty()) {
                out.merge(s.value(), s.name(), (old, neu) -> s.isGlobal() ? neu : old);
            }
        }
        return out;
    }
}
