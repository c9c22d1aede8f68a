package dev.rewind.dap;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.Register;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.Variable;

/** The registers of one hart, of some kinds (general + pc, or CSRs), as variables; settable. */
public record RegisterScope(int hart, List<Register.Kind> kinds) implements VariableContainer {

    public List<Register> registers(DebugSession s) {
        return s.registers().stream().filter(r -> kinds.contains(r.kind())).toList();
    }

    @Override
    public List<Variable> variables(DapContext context) {
        DebugSession s = context.stoppedSession();
        List<Register> regs = registers(s);
        long[] values = context.await(s.readRegisters(hart, regs));
        List<Variable> out = new ArrayList<>(regs.size());
        for (int i = 0; i < regs.size(); i++) {
            out.add(variable(regs.get(i), values[i]));
        }
        return out;
    }

    static Variable variable(Register r, long value) {
        Variable v = new Variable();
        v.setName(r.name());
        v.setValue(Addresses.hex(value, r.bits()));
        v.setType(r.kind() == Register.Kind.CSR ? "csr " + r.csr() : r.kind() == Register.Kind.PC ? "pc"
                : "x" + r.number());
        v.setEvaluateName("$" + r.name());
        v.setVariablesReference(0);
        if (r.kind() != Register.Kind.CSR) {
            v.setMemoryReference(Addresses.hex(value, r.bits()));
        }
        return v;
    }

    @Override
    public Variable set(DapContext context, String name, String value) {
        DebugSession s = context.stoppedSession();
        Register r = registers(s).stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> DapErrors.badRequest("no register '" + name + "' in this scope"));
        long v = Addresses.parse(value, "value for " + name);
        context.await(s.writeRegister(hart, r, v));
        return variable(r, context.await(s.readRegister(hart, r)));
    }
}
