package dev.rewind.dap;

import dev.rewind.debug.DebugException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** Error responses: every failure of a request becomes a DAP error response with a message for people. */
public final class DapErrors {

    /** Error ids in the DAP error body: bad arguments, wrong state, failure in the debug services, internal. */
    public static final int BAD_REQUEST = 1001;
    public static final int WRONG_STATE = 1002;
    public static final int FAILED = 1003;
    public static final int INTERNAL = 1004;

    private DapErrors() {
    }

    /** Bad arguments from the client (unknown ids, malformed references, missing fields). */
    public static ResponseErrorException badRequest(String message) {
        return error(BAD_REQUEST, message);
    }

    /** A request that the current state does not allow (no session yet, machine running, no history). */
    public static ResponseErrorException wrongState(String message) {
        return error(WRONG_STATE, message);
    }

    public static ResponseErrorException error(int code, String message) {
        // the DAP error body: {"error": {"id": code, "format": message}}
        java.util.Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("id", code);
        error.put("format", message);
        error.put("showUser", false);
        return new ResponseErrorException(new ResponseError(code, message, java.util.Map.of("error", error)));
    }

    /** Turns whatever a handler threw into the error response for {@code command}. */
    public static ResponseErrorException toResponseError(String command, Throwable t) {
        Throwable cause = unwrap(t);
        if (cause instanceof ResponseErrorException r) {
            return r;
        }
        String prefix = command == null ? "" : command + ": ";
        if (cause instanceof DebugException) {
            return error(FAILED, prefix + cause.getMessage());
        }
        if (cause instanceof IllegalArgumentException) {
            return error(BAD_REQUEST, prefix + cause.getMessage());
        }
        if (cause instanceof TimeoutException) {
            return error(FAILED, prefix + "the debug session did not answer in time");
        }
        System.err.println("rewind dap: " + prefix + "failed: " + cause);
        cause.printStackTrace(System.err);
        return error(INTERNAL, prefix + "internal error: " + cause);
    }

    /** The exception under CompletionException / ExecutionException wrappers. */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** For messages: the internal error code lsp4j uses for unknown methods, to recognise it in tests. */
    public static int methodNotFound() {
        return ResponseErrorCode.MethodNotFound.getValue();
    }
}
