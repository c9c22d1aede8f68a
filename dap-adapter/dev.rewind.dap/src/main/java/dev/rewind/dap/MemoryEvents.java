package dev.rewind.dap;

import org.eclipse.lsp4j.debug.MemoryEventArguments;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;

/**
 * The DAP {@code memory} event after this client wrote guest memory (writeMemory, setVariable, setExpression on a
 * value in memory), for clients that declared {@code supportsMemoryEvent}: their memory views refresh that range.
 */
public final class MemoryEvents {

    private MemoryEvents() {
    }

    public static void written(DapContext context, long address, long count) {
        IDebugProtocolClient client = context.client();
        if (client == null || count <= 0 || !Boolean.TRUE.equals(context.clientInfo().getSupportsMemoryEvent())) {
            return;
        }
        MemoryEventArguments args = new MemoryEventArguments();
        args.setMemoryReference(Addresses.hex(address));
        args.setOffset(0);
        args.setCount((int) Math.min(count, Integer.MAX_VALUE));
        client.memory(args);
    }
}
