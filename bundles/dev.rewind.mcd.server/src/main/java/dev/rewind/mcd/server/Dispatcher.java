package dev.rewind.mcd.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.rewind.mcd.api.ErrorInfo;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.McdTxlistException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one framed request into one reply line. Protocol errors (bad JSON, unknown command,
 * missing or mistyped arguments) become QMP {@code error} replies; MCD failures become
 * {@code {"return":{"return-status":3}}} with the details kept for mcd-qry-error-info.
 * A reply that would exceed {@link #MAX_REPLY_BYTES} is replaced by an MCD error
 * (RESULT_TOO_LONG). Nothing a client sends can throw out of {@link #handle}.
 */
final class Dispatcher {
    static final int MAX_REPLY_BYTES = 64 * 1024;
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile(
            "line (\\d+) column (\\d+)");

    private final WireState state;
    private final Map<String, Handler> commands = new TreeMap<>();

    Dispatcher(WireState state) {
        this.state = state;
        ServerCommands.register(commands, state);
        CoreInfoCommands.register(commands, state);
        TriggerCommands.register(commands, state);
        ExecCommands.register(commands, state);
        ChannelTraceCommands.register(commands, state);
        TimeTravelWireCommands.register(commands, state);
        RecordingWireCommands.register(commands, state);
    }

    /** Names of all commands, sorted (qmp_capabilities excluded). */
    java.util.Set<String> commandNames() {
        return java.util.Collections.unmodifiableSet(commands.keySet());
    }

    String handle(String json) {
        JsonElement id = null;
        try {
            JsonObject req = parse(json);
            id = req.get("id");
            JsonElement exec = req.get("execute");
            if (exec == null) {
                throw new QmpError("QMP input lacks member 'execute'");
            }
            if (!exec.isJsonPrimitive() || !exec.getAsJsonPrimitive().isString()) {
                throw new QmpError("QMP input member 'execute' must be a string");
            }
            JsonElement argsEl = req.get("arguments");
            if (argsEl != null && !argsEl.isJsonObject()) {
                throw new QmpError("QMP input member 'arguments' must be an object");
            }
            String name = exec.getAsString();
            if (name.equals("qmp_capabilities")) {
                return reply(id, new JsonObject());
            }
            Handler h = commands.get(name);
            if (h == null) {
                throw new QmpError(QmpError.COMMAND_NOT_FOUND, "The command " + name + " has not been found");
            }
            Args args = Args.of(argsEl == null ? null : argsEl.getAsJsonObject());
            return run(id, name, h, args);
        } catch (QmpError e) {
            return error(id, e.errorClass(), e.getMessage());
        }
    }

    private String run(JsonElement id, String name, Handler h, Args args) throws QmpError {
        int uid = errorUid(args);
        JsonObject result;
        try {
            result = h.handle(args);
            if (!name.equals("mcd-qry-error-info")) {
                state.recordError(uid, ErrorInfo.NONE);
            }
        } catch (McdTxlistException e) {
            state.recordError(uid, e.toErrorInfo());
            result = Json.obj().u32("return-status", e.returnStatus().value())
                    .add("txlist", McdJsonExt.txlist(e.result())).build();
        } catch (McdException e) {
            state.recordError(uid, e.toErrorInfo());
            result = Json.obj().u32("return-status", e.returnStatus().value()).build();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "internal error in " + name + " " + args, e);
            McdException m = new McdException(McdErrorCode.GENERAL, "internal error in " + name + ": "
                    + (e.getMessage() == null ? "unexpected failure" : e.getMessage()) + " (the server log has details)",
                    e);
            state.recordError(uid, m.toErrorInfo());
            result = Json.obj().u32("return-status", m.returnStatus().value()).build();
        }
        String out = reply(id, result);
        if (out.getBytes(StandardCharsets.UTF_8).length > MAX_REPLY_BYTES) {
            McdException m = new McdException(McdErrorCode.RESULT_TOO_LONG,
                    name + ": reply exceeds " + MAX_REPLY_BYTES + " bytes, request fewer entries");
            state.recordError(uid, m.toErrorInfo());
            out = reply(id, Json.obj().u32("return-status", m.returnStatus().value()).build());
        }
        return out;
    }

    /** The uid whose error info a call updates: its core-uid if it has a valid one, else 0. */
    private static int errorUid(Args args) {
        try {
            return args.has("core-uid") ? args.u32("core-uid") : 0;
        } catch (QmpError e) {
            return 0;
        }
    }

    private static JsonObject parse(String json) throws QmpError {
        try (JsonReader r = new JsonReader(new StringReader(json))) {
            r.setStrictness(Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(r);
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw new QmpError("JSON parse error, trailing data");
            }
            if (!e.isJsonObject()) {
                throw new QmpError("QMP input must be a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new QmpError(parseError(e));
        }
    }

    /** The parser's complaint in the wire's own words: where the request stops being strict JSON, no library text. */
    static String parseError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            java.util.regex.Matcher m = POSITION.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return "JSON parse error: the request is not valid JSON at column " + m.group(2)
                        + (m.group(1).equals("1") ? "" : " of line " + m.group(1));
            }
        }
        return "JSON parse error: the request is not valid JSON";
    }

    static String reply(JsonElement id, JsonObject result) {
        JsonObject o = new JsonObject();
        o.add("return", result);
        if (id != null) {
            o.add("id", id);
        }
        return o + "\n";
    }

    static String error(JsonElement id, String cls, String desc) {
        JsonObject err = new JsonObject();
        err.addProperty("class", cls);
        err.addProperty("desc", desc);
        JsonObject o = new JsonObject();
        o.add("error", err);
        if (id != null) {
            o.add("id", id);
        }
        return o + "\n";
    }
}
