package dev.rewind.mcd.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.rewind.net.AccessToken;
import java.util.Optional;

/**
 * Per connection: with an access token, nothing but {@code rewind-authenticate} with that token is served until it
 * has been sent; a wrong token ends the connection. Without a token every request passes.
 */
final class AuthGate {
    static final String COMMAND = "rewind-authenticate";
    private final AccessToken token;
    private boolean open;
    private boolean refused;

    AuthGate(AccessToken token) {
        this.token = token;
        this.open = !token.required();
    }

    /** The reply when the gate answers {@code json} itself, or null when the request goes to the dispatcher. */
    String check(String json) {
        JsonObject req;
        try {
            JsonElement e = JsonParser.parseString(json);
            req = e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            return open ? null : refusal(null);
        }
        JsonElement id = req.get("id");
        JsonElement exec = req.get("execute");
        boolean auth = exec != null && exec.isJsonPrimitive() && COMMAND.equals(exec.getAsString());
        if (!auth) {
            return open ? null : refusal(id);
        }
        Optional<String> given = Optional.ofNullable(req.get("arguments")).filter(JsonElement::isJsonObject)
                .map(a -> a.getAsJsonObject().get("token")).filter(t -> t.isJsonPrimitive()).map(JsonElement::getAsString);
        if (token.accepts(given)) {
            open = true;
            return Dispatcher.reply(id, Json.ok().build());
        }
        refused = true;
        return Dispatcher.error(id, QmpError.GENERIC, "wrong token: connection closed");
    }

    /** True after a wrong token: the connection is closed after the reply. */
    boolean refused() {
        return refused;
    }

    private static String refusal(JsonElement id) {
        return Dispatcher.error(id, QmpError.GENERIC, "this server requires a token: send " + COMMAND
                + " with {\"token\": …} first");
    }
}
