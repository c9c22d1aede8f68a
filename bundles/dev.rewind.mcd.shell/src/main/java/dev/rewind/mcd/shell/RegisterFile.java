package dev.rewind.mcd.shell;

import dev.rewind.debug.Register;
import dev.rewind.mcd.api.McdCore;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.RegisterGroup;
import dev.rewind.mcd.api.RegisterInfo;
import dev.rewind.mcd.api.Tx;
import dev.rewind.mcd.api.TxList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registers a core describes through mcd_qry_reg_groups_f / mcd_qry_reg_map_f, by name: the names
 * of the register map (ABI names, {@code pc}, CSR names) plus {@code x0}..{@code x31} and {@code fp}
 * as aliases (the debug session's register names: {@link Register}s numbered as GDB numbers them). Values are read
 * and written with transaction lists in the register memory space.
 */
final class RegisterFile {
    private final Map<String, RegisterInfo> byName = new LinkedHashMap<>();
    private final List<RegisterInfo> cpu = new ArrayList<>();

    RegisterFile(McdCore core, List<Register> names) throws McdException {
        List<RegisterGroup> groups = core.qryRegGroups(0, core.qryRegGroups(0, 0).count()).items();
        for (RegisterGroup g : groups) {
            int n = core.qryRegMap(g.regGroupId(), 0, 0).count();
            if (n == 0) {
                continue;
            }
            for (RegisterInfo r : core.qryRegMap(g.regGroupId(), 0, n).items()) {
                byName.putIfAbsent(r.regName().toLowerCase(Locale.ROOT), r);
                if (g.regGroupId() == groups.get(0).regGroupId()) {
                    cpu.add(r);
                }
            }
        }
        for (Register n : names) {
            RegisterInfo r = n.kind() == Register.Kind.GENERAL ? byName.get(n.name()) : null;
            if (r != null) {
                byName.putIfAbsent("x" + n.number(), r);
                if (n.number() == 8) {
                    byName.putIfAbsent("fp", r);
                }
            }
        }
    }

    /** The register called {@code name} (case-insensitive); IllegalArgumentException naming a few known ones. */
    RegisterInfo info(String name) {
        RegisterInfo r = byName.get(name.toLowerCase(Locale.ROOT));
        if (r == null) {
            throw new IllegalArgumentException("no register '" + name + "' (known: x0..x31, zero, ra, sp, a0..a7, "
                    + "s0..s11, t0..t6, pc, and the CSRs mstatus, mepc, mcause, mhartid, ...)");
        }
        return r;
    }

    /** The general-purpose registers and pc, in register-map order. */
    List<RegisterInfo> cpu() {
        return Collections.unmodifiableList(cpu);
    }

    static long read(McdCore core, RegisterInfo r) throws McdException {
        TxList result = core.executeTxlist(TxList.of(Tx.read(r.addr(), r.regSize() / 8)));
        return Values.littleEndian(result.tx().get(0).data());
    }

    static void write(McdCore core, RegisterInfo r, long value) throws McdException {
        core.executeTxlist(TxList.of(Tx.write(r.addr(), Values.toLittleEndian(value, r.regSize() / 8))));
    }
}
