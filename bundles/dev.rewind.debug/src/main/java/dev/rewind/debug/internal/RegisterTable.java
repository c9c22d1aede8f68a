package dev.rewind.debug.internal;

import dev.rewind.debug.DebugException;
import dev.rewind.debug.Register;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A machine's registers by name, as the MCD register map names them (which takes them from the project's one
 * register table): canonical names, {@code xN}, GDB numbers, and {@code fp} for x8. Immutable; any thread.
 */
final class RegisterTable {
    private final List<Register> registers;
    private final Map<String, Register> byName = new HashMap<>();

    RegisterTable(List<Register> registers) {
        this.registers = List.copyOf(registers);
        for (Register r : this.registers) {
            byName.put(r.name().toLowerCase(Locale.ROOT), r);
            byName.put(Integer.toString(r.number()), r);
            if (r.kind() == Register.Kind.GENERAL) {
                byName.put("x" + r.number(), r);
            }
        }
        if (byName.containsKey("8")) {
            byName.putIfAbsent("fp", byName.get("8")); // x8's other ABI name
        }
    }

    List<Register> all() {
        return registers;
    }

    /** The register named {@code nameOrNumber} (a leading {@code $} is allowed), if there is one. */
    Optional<Register> find(String nameOrNumber) {
        String key = nameOrNumber.trim().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(byName.get(key.startsWith("$") ? key.substring(1) : key));
    }

    /** Like {@link #find}, with an error that lists what names exist. */
    Register get(String nameOrNumber) {
        return find(nameOrNumber).orElseThrow(() -> new DebugException("no register '" + nameOrNumber
                + "' (x0..x31, ABI names such as a0 or s0/fp, pc, CSRs such as mstatus or mepc, or GDB numbers)"));
    }
}
