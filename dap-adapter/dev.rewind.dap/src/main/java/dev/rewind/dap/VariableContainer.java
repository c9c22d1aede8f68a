package dev.rewind.dap;

import java.util.List;
import org.eclipse.lsp4j.debug.Variable;

/** Something with children in the Variables view: a scope, a struct, an array, a pointer's target. */
public interface VariableContainer {

    /** The children, in display order; nested containers get their ids from {@code context.handles()}. */
    List<Variable> variables(DapContext context);

    /** Sets the child {@code name} from the text {@code value}; returns the child as it reads afterwards. */
    /** The hart whose stopped state the children are read from (in one hop, see {@code Inspection}); -1: none. */
    default int inspectedHart() {
        return -1;
    }

    default Variable set(DapContext context, String name, String value) {
        throw DapErrors.badRequest("'" + name + "' cannot be set");
    }
}
