package dev.rewind.dap.handlers;

import dev.rewind.dap.Addresses;
import dev.rewind.dap.DapContext;
import dev.rewind.dap.MemoryEvents;
import dev.rewind.debug.DebugSession;
import java.util.Base64;
import org.eclipse.lsp4j.debug.WriteMemoryArguments;
import org.eclipse.lsp4j.debug.WriteMemoryResponse;

/** {@code writeMemory}: writes guest memory (kept in the session's recording of debugger writes). */
public final class WriteMemoryHandler {

    private final DapContext context;

    public WriteMemoryHandler(DapContext context) {
        this.context = context;
    }

    public WriteMemoryResponse handle(WriteMemoryArguments args) {
        DebugSession s = context.stoppedSession();
        long address = Addresses.mask(Addresses.parse(args.getMemoryReference(), "memoryReference")
                + (args.getOffset() == null ? 0 : args.getOffset()), s.xlen());
        byte[] data;
        try {
            data = Base64.getDecoder().decode(args.getData() == null ? "" : args.getData().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data is not base64: " + e.getMessage(), e);
        }
        if (data.length > ReadMemoryHandler.MAX_COUNT) {
            throw new IllegalArgumentException("at most " + ReadMemoryHandler.MAX_COUNT + " bytes per write");
        }
        if (data.length > 0) {
            context.await(s.writeMemory(address, data));
            MemoryEvents.written(context, address, data.length);
        }
        WriteMemoryResponse r = new WriteMemoryResponse();
        r.setBytesWritten(data.length);
        return r;
    }
}
