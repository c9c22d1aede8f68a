package dev.rewind.dap.handlers;

import dev.rewind.dap.Addresses;
import dev.rewind.dap.DapContext;
import dev.rewind.dap.ProgramSymbols;
import dev.rewind.symbols.elf.ElfSymbol;
import java.util.Optional;
import org.eclipse.lsp4j.debug.DataBreakpointAccessType;
import org.eclipse.lsp4j.debug.DataBreakpointInfoArguments;
import org.eclipse.lsp4j.debug.DataBreakpointInfoResponse;

/**
 * {@code dataBreakpointInfo}: what can be watched for a name. An address (with {@code asAddress}, or a number),
 * a global variable by name ({@code items_produced}, {@code &items_produced}; its size from the symbol) or a
 * register value used as an address is not watchable. The data id is {@code 0xADDRESS:LENGTH}.
 */
public final class DataBreakpointInfoHandler {

    private final DapContext context;

    public DataBreakpointInfoHandler(DapContext context) {
        this.context = context;
    }

    public DataBreakpointInfoResponse handle(DataBreakpointInfoArguments args) {
        context.session();
        String name = args.getName() == null ? "" : args.getName().trim();
        DataBreakpointInfoResponse r = new DataBreakpointInfoResponse();
        Optional<long[]> target = Boolean.TRUE.equals(args.getAsAddress()) ? Optional.empty()
                : fromDebugInfo(args.getVariablesReference(), args.getFrameId(), name);
        if (target.isEmpty()) {
            target = resolve(name, Boolean.TRUE.equals(args.getAsAddress()), args.getBytes());
        }
        if (target.isEmpty()) {
            r.setDataId(null);
            r.setDescription("'" + name + "' is not an address or a global variable of the program; data breakpoints"
                    + " watch memory (registers cannot be watched)");
            return r;
        }
        long address = target.get()[0];
        long length = target.get()[1];
        r.setDataId(Addresses.hex(address) + ":" + length);
        r.setDescription(name + " (" + length + " byte" + (length == 1 ? "" : "s") + " at " + Addresses.hex(address) + ")");
        r.setAccessTypes(new DataBreakpointAccessType[] {
            DataBreakpointAccessType.WRITE, DataBreakpointAccessType.READ, DataBreakpointAccessType.READ_WRITE});
        r.setCanPersist(false);
        return r;
    }

    /** A variable of a Variables view container, or an expression with an address, by its DWARF type's size. */
    private Optional<long[]> fromDebugInfo(Integer reference, Integer frameId, String name) {
        if (context.sourceInfo() == null || name.isEmpty()) {
            return Optional.empty();
        }
        try {
            String expression = name;
            if (reference != null && reference > 0) {
                Object c = context.handles().get(reference, Object.class);
                if (c instanceof dev.rewind.dap.source.ValueContainer vc && vc.expression() != null) {
                    expression = name.startsWith("[") ? "(" + vc.expression() + ")" + name : "(" + vc.expression() + ")." + name;
                } else if (!(c instanceof dev.rewind.dap.source.LocalsScope)) {
                    return Optional.empty();
                }
            }
            var frame = frameId != null ? context.frame(frameId)
                    : context.unwinder().frames(context, context.session().lastStop().hart(), 1).get(0);
            if (!(frame.unwound() instanceof dev.rewind.dap.source.SourceFrame sf)) {
                return Optional.empty();
            }
            var v = dev.rewind.dap.source.Expressions.evaluate(context, sf, context.sourceInfo(), expression);
            long size = v.type().size();
            return v.address().filter(a -> size > 0).map(a -> new long[] {a, Math.min(size, 4096)});
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<long[]> resolve(String name, boolean asAddress, Integer bytes) {
        long length = bytes == null || bytes <= 0 ? 0 : bytes;
        if (asAddress || Addresses.isNumber(name)) {
            if (!Addresses.isNumber(name)) {
                return Optional.empty();
            }
            return Optional.of(new long[] {Addresses.parse(name, "address"), length == 0 ? 4 : length});
        }
        String sym = name.startsWith("&") ? name.substring(1).trim() : name;
        Optional<ElfSymbol> s = context.symbols().named(sym).filter(ProgramSymbols::isData);
        return s.map(x -> new long[] {x.value(), length > 0 ? length : x.size() > 0 ? Math.min(x.size(), 8) : 4});
    }
}
