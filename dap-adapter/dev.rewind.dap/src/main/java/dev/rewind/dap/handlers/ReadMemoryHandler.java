package dev.rewind.dap.handlers;

import dev.rewind.dap.Addresses;
import dev.rewind.dap.DapContext;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.MemoryRead;
import java.util.Base64;
import org.eclipse.lsp4j.debug.ReadMemoryArguments;
import org.eclipse.lsp4j.debug.ReadMemoryResponse;

/** {@code readMemory}: guest physical memory; bytes past the end of existing memory are reported unreadable. */
public final class ReadMemoryHandler {

    /** Largest read in one request. */
    public static final int MAX_COUNT = 1 << 20;

    private final DapContext context;

    public ReadMemoryHandler(DapContext context) {
        this.context = context;
    }

    public ReadMemoryResponse handle(ReadMemoryArguments args) {
        DebugSession s = context.stoppedSession();
        long address = Addresses.mask(Addresses.parse(args.getMemoryReference(), "memoryReference")
                + (args.getOffset() == null ? 0 : args.getOffset()), s.xlen());
        int count = args.getCount();
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count " + count + " is outside 0.." + MAX_COUNT);
        }
        ReadMemoryResponse r = new ReadMemoryResponse();
        r.setAddress(Addresses.hex(address));
        if (count == 0) {
            r.setData("");
            return r;
        }
        MemoryRead read = context.await(s.readMemory(address, count));
        r.setData(Base64.getEncoder().encodeToString(read.data()));
        if (!read.complete()) {
            r.setUnreadableBytes(count - read.data().length);
        }
        return r;
    }
}
