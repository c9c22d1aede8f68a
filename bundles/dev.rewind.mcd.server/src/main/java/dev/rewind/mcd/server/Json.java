package dev.rewind.mcd.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigInteger;
import java.util.List;

/** Small builder helpers: unsigned numbers and fluent objects. */
final class Json {
    private Json() {
    }

    static JsonPrimitive u32(int v) {
        return new JsonPrimitive(Integer.toUnsignedLong(v));
    }

    static JsonPrimitive u64(long v) {
        return v >= 0 ? new JsonPrimitive(v) : new JsonPrimitive(new BigInteger(Long.toUnsignedString(v)));
    }

    static JsonArray bytes(byte[] data) {
        JsonArray a = new JsonArray(data.length);
        for (byte b : data) {
            a.add(b & 0xff);
        }
        return a;
    }

    static JsonArray u32s(List<Integer> values) {
        JsonArray a = new JsonArray(values.size());
        for (int v : values) {
            a.add(u32(v));
        }
        return a;
    }

    /** Fluent object builder. */
    static final class Obj {
        final JsonObject o = new JsonObject();

        Obj u32(String k, int v) {
            o.add(k, Json.u32(v));
            return this;
        }

        Obj u64(String k, long v) {
            o.add(k, Json.u64(v));
            return this;
        }

        Obj str(String k, String v) {
            o.addProperty(k, v);
            return this;
        }

        Obj bool(String k, boolean v) {
            o.addProperty(k, v);
            return this;
        }

        Obj add(String k, com.google.gson.JsonElement v) {
            o.add(k, v);
            return this;
        }

        JsonObject build() {
            return o;
        }
    }

    static Obj obj() {
        return new Obj();
    }

    /** A successful result: {@code return-status} 0 first, then the rest. */
    static Obj ok() {
        return obj().u32("return-status", 0);
    }
}
