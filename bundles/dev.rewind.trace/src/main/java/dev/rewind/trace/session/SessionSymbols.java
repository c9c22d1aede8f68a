package dev.rewind.trace.session;

import dev.rewind.symbols.Symbols;
import dev.rewind.symbols.elf.ElfSymbol;
import dev.rewind.trace.TraceOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What a session's trace takes from the session's symbols (dev.rewind.symbols): functions and data ranges. */
final class SessionSymbols {
    private SessionSymbols() {
    }

    /** Function entry addresses and names (global and weak names win over local ones at the same address), from the ELF's symbol table. */
    static Map<Long, String> functions(Symbols symbols) {
        Map<Long, String> out = new HashMap<>();
        for (ElfSymbol s : symbols.elf().symbols()) {
            if (s.type() == ElfSymbol.Type.FUNC && !s.name().isEmpty()) {
                boolean global = s.binding() == ElfSymbol.Binding.GLOBAL || s.binding() == ElfSymbol.Binding.WEAK;
                out.merge(s.value(), s.name(), (old, neu) -> global ? neu : old);
            }
        }
        return out;
    }

    /** The bytes of the data symbol {@code name}, for {@code mem=NAME}. */
    static Optional<TraceOptions.MemRange> range(Symbols symbols, String name) {
        return symbols.symbol(name).map(s -> new TraceOptions.MemRange(name, s.value(), s.value() + Math.max(1, s.size())));
    }
}
