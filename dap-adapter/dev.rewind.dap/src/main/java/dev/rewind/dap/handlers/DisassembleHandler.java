package dev.rewind.dap.handlers;

import dev.rewind.dap.Addresses;
import dev.rewind.dap.DapContext;
import dev.rewind.dap.Disassembly;
import dev.rewind.debug.Instruction;
import java.util.List;
import org.eclipse.lsp4j.debug.DisassembleArguments;
import org.eclipse.lsp4j.debug.DisassembleResponse;
import org.eclipse.lsp4j.debug.DisassembledInstruction;
import org.eclipse.lsp4j.debug.DisassembledInstructionPresentationHint;

/**
 * {@code disassemble}: exactly {@code instructionCount} entries around {@code memoryReference + offset}, shifted by
 * {@code instructionOffset} (negative: before it); where there is no memory, entries marked invalid.
 */
public final class DisassembleHandler {

    private static final int MAX_COUNT = 4096;

    private final DapContext context;

    public DisassembleHandler(DapContext context) {
        this.context = context;
    }

    public DisassembleResponse handle(DisassembleArguments args) {
        context.stoppedSession();
        long base = Addresses.parse(args.getMemoryReference(), "memoryReference")
                + (args.getOffset() == null ? 0 : args.getOffset());
        int count = args.getInstructionCount();
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("instructionCount " + count + " is outside 0.." + MAX_COUNT);
        }
        int shift = args.getInstructionOffset() == null ? 0 : args.getInstructionOffset();
        List<Instruction> list = new Disassembly(context).around(base, shift, count);
        DisassembledInstruction[] out = new DisassembledInstruction[list.size()];
        boolean symbols = !Boolean.FALSE.equals(args.getResolveSymbols());
        for (int i = 0; i < out.length; i++) {
            out[i] = toDap(list.get(i), symbols);
        }
        DisassembleResponse r = new DisassembleResponse();
        r.setInstructions(out);
        return r;
    }

    private DisassembledInstruction toDap(Instruction in, boolean symbols) {
        DisassembledInstruction d = new DisassembledInstruction();
        d.setAddress(Addresses.hex(in.address()));
        if (in.bytes() == null) {
            d.setInstruction("??");
            d.setPresentationHint(DisassembledInstructionPresentationHint.INVALID);
            return d;
        }
        StringBuilder hex = new StringBuilder();
        for (int i = in.bytes().length - 1; i >= 0; i--) {
            hex.append(String.format("%02x", in.bytes()[i]));
        }
        d.setInstructionBytes(hex.toString());
        d.setInstruction(in.text());
        if (symbols) {
            context.symbols().at(in.address()).filter(s -> s.value() == in.address()).ifPresent(s -> d.setSymbol(s.name()));
        }
        context.lines().placeInstruction(context, d, in.address());
        return d;
    }
}
