package dev.rewind.symbols.info;

import java.util.List;

/**
 * A function with code (a concrete DW_TAG_subprogram).
 *
 * @param name        its name (from the abstract origin for an out-of-line copy of an inline function)
 * @param linkageName DW_AT_linkage_name, may be null
 * @param ranges      the pcs of its code
 * @param frameBase   DW_AT_frame_base (usually DW_OP_call_frame_cfa)
 * @param returnType  its return type
 * @param external    whether it is visible outside its unit
 * @param declFile    DW_AT_decl_file (line-table file index)
 * @param declLine    DW_AT_decl_line
 * @param unit        its compile unit
 * @param body        its outermost scope: parameters and top-level locals, nested blocks and inlined calls
 * @param callSites   the calls it makes that DWARF describes (for entry values in its callees)
 */
public record Function(String name, String linkageName, List<PcRange> ranges, VariableLocation frameBase,
        Type returnType, boolean external, int declFile, int declLine, CompileUnit unit, Scope body,
        List<CallSite> callSites) {

    public Function {
        ranges = List.copyOf(ranges);
        callSites = List.copyOf(callSites);
    }

    /** The call returning to {@code returnPc} (or to the instruction after {@code pc - 1}). */
    public java.util.Optional<CallSite> callSiteReturningTo(long returnPc) {
        for (CallSite c : callSites) {
            if (c.returnPc() == returnPc || c.returnPc() == returnPc + 1) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    /** The lowest pc of the function (its first range's start). */
    public long lowPc() {
        long lo = -1L;
        for (PcRange r : ranges) {
            if (Long.compareUnsigned(r.low(), lo) < 0) {
                lo = r.low();
            }
        }
        return lo;
    }

    /** The parameters, in order. */
    public List<Variable> parameters() {
        return body.variables().stream().filter(v -> v.kind() == Variable.Kind.PARAMETER).toList();
    }

    public boolean contains(long pc) {
        return body.contains(pc);
    }

    @Override
    public String toString() {
        return name + " " + ranges;
    }
}
