package dev.rewind.dap.source;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.dap.VariableContainer;
import dev.rewind.symbols.info.DebugInfo;
import dev.rewind.symbols.info.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.debug.Variable;

/** The parameters and locals visible at a frame's pc (innermost scope first), or the program's globals. */
public record LocalsScope(SourceFrame frame, DebugInfo info, boolean globals) implements VariableContainer {

    static final int MAX_GLOBALS = 500;

    List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        List<dev.rewind.symbols.info.Variable> vars = globals ? info.globals() : info.variablesAt(frame.lookupPc());
        for (dev.rewind.symbols.info.Variable v : vars) {
            if (v.name() != null && names.size() < MAX_GLOBALS) {
                names.add(v.name());
            }
        }
        return new ArrayList<>(names);
    }

    @Override
    public List<Variable> variables(DapContext context) {
        List<Variable> out = new ArrayList<>();
        for (String name : names()) {
            try {
                Value v = Expressions.evaluator(context, frame, info).evaluate(name);
                out.add(Values.variable(context, name, name, v));
            } catch (RuntimeException e) {
                Variable bad = new Variable();
                bad.setName(name);
                bad.setValue("<" + e.getMessage() + ">");
                bad.setVariablesReference(0);
                out.add(bad);
            }
        }
        return out;
    }

    @Override
    public int inspectedHart() {
        return frame.target().hart();
    }

    @Override
    public Variable set(DapContext context, String name, String text) {
        if (!names().contains(name)) {
            throw DapErrors.badRequest("no variable '" + name + "' in this scope");
        }
        Value v = Expressions.evaluator(context, frame, info).evaluate(name);
        Expressions.assign(context, v, text, frame.target());
        return Values.variable(context, name, name, Expressions.evaluator(context, frame, info).evaluate(name));
    }
}
