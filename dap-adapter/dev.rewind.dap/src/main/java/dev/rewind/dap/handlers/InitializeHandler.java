package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import org.eclipse.lsp4j.debug.Capabilities;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.jsonrpc.debug.json.DebugMessageJsonHandler;

/** {@code initialize}: remembers what the client supports and answers with what this adapter really does. */
public final class InitializeHandler {

    /** Exception breakpoint filters: guest traps. */
    public static final String FILTER_EXCEPTIONS = "exceptions";
    public static final String FILTER_INTERRUPTS = "interrupts";
    /** Also read by the launcher, from the bundle's jar. */
    public static final String CAPABILITIES = "/dev/rewind/dap/capabilities.json";

    private final DapContext context;

    public InitializeHandler(DapContext context) {
        this.context = context;
    }

    public Capabilities handle(InitializeRequestArguments args) {
        context.clientInfo(args);
        // initialized goes out right after this response (the connection's outgoing stream sees to it)
        context.afterResponse("initialize", () -> context.client().initialized());
        return capabilities();
    }

    /**
     * What this adapter does, from {@code dev/rewind/dap/capabilities.json}: static, so the launcher answers
     * {@code initialize} from the same file while the runtime is still starting ({@code EarlyDap}).
     */
    public static Capabilities capabilities() {
        try (InputStream in = InitializeHandler.class.getResourceAsStream(CAPABILITIES)) {
            if (in == null) {
                throw new IllegalStateException("the adapter's " + CAPABILITIES + " is missing from its bundle");
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new DebugMessageJsonHandler(Map.of()).getGson().fromJson(json, Capabilities.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the adapter's " + CAPABILITIES, e);
        }
    }

}
