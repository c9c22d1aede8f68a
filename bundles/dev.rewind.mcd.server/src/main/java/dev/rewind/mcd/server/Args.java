package dev.rewind.mcd.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Typed access to a command's {@code arguments} (or to a nested structure) with QAPI-like
 * errors for missing members and wrong types. Unknown members are ignored.
 */
final class Args {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final JsonObject obj;
    private final String path;

    Args(JsonObject obj, String path) {
        this.obj = obj == null ? new JsonObject() : obj;
        this.path = path;
    }

    static Args of(JsonObject obj) {
        return new Args(obj, "");
    }

    boolean has(String name) {
        return obj.has(name) && !obj.get(name).isJsonNull();
    }

    private JsonElement req(String name) throws QmpError {
        if (!has(name)) {
            throw new QmpError("Parameter '" + path + name + "' is missing");
        }
        return obj.get(name);
    }

    private QmpError type(String name, String expected) {
        return new QmpError("Invalid parameter type for '" + path + name + "', expected: " + expected);
    }

    String str(String name) throws QmpError {
        JsonElement e = req(name);
        if (e instanceof JsonPrimitive p && p.isString()) {
            return p.getAsString();
        }
        throw type(name, "string");
    }

    String str(String name, String dflt) throws QmpError {
        return has(name) ? str(name) : dflt;
    }

    boolean bool(String name) throws QmpError {
        JsonElement e = req(name);
        if (e instanceof JsonPrimitive p && p.isBoolean()) {
            return p.getAsBoolean();
        }
        throw type(name, "boolean");
    }

    private BigInteger integer(String name, BigInteger max, String expected) throws QmpError {
        JsonElement e = req(name);
        if (e instanceof JsonPrimitive p && p.isNumber()) {
            BigInteger v;
            try {
                v = new BigDecimal(p.getAsString()).toBigIntegerExact();
            } catch (ArithmeticException | NumberFormatException ex) {
                throw type(name, expected);
            }
            if (v.signum() < 0 || v.compareTo(max) > 0) {
                throw new QmpError("Parameter '" + path + name + "' is out of range for " + expected);
            }
            return v;
        }
        throw type(name, expected);
    }

    /** uint8/uint16/uint32 as an int holding the unsigned bits. */
    int u32(String name) throws QmpError {
        return (int) integer(name, BigInteger.valueOf(0xFFFF_FFFFL), "uint32").longValue();
    }

    int u32(String name, int dflt) throws QmpError {
        return has(name) ? u32(name) : dflt;
    }

    int u16(String name) throws QmpError {
        return integer(name, BigInteger.valueOf(0xFFFF), "uint16").intValue();
    }

    int u8(String name) throws QmpError {
        return integer(name, BigInteger.valueOf(0xFF), "uint8").intValue();
    }

    /** uint64 as a long holding the unsigned bits. */
    long u64(String name) throws QmpError {
        return integer(name, U64_MAX, "uint64").longValue();
    }

    long u64(String name, long dflt) throws QmpError {
        return has(name) ? u64(name) : dflt;
    }

    Args obj(String name) throws QmpError {
        JsonElement e = req(name);
        if (e instanceof JsonObject o) {
            return new Args(o, path + name + ".");
        }
        throw type(name, "object");
    }

    JsonArray array(String name) throws QmpError {
        JsonElement e = req(name);
        if (e instanceof JsonArray a) {
            return a;
        }
        throw type(name, "array");
    }

    /** An array of uint8 as bytes. */
    byte[] bytes(String name) throws QmpError {
        JsonArray a = array(name);
        byte[] out = new byte[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement e = a.get(i);
            if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
                throw type(name + "[" + i + "]", "uint8");
            }
            int v;
            try {
                v = new BigDecimal(p.getAsString()).intValueExact();
            } catch (ArithmeticException | NumberFormatException ex) {
                throw type(name + "[" + i + "]", "uint8");
            }
            if (v < 0 || v > 255) {
                throw new QmpError("Parameter '" + path + name + "[" + i + "]' is out of range for uint8");
            }
            out[i] = (byte) v;
        }
        return out;
    }

    /** Element {@code i} of array {@code name} as an object. */
    static Args element(JsonArray a, int i, String name) throws QmpError {
        if (a.get(i) instanceof JsonObject o) {
            return new Args(o, name + "[" + i + "].");
        }
        throw new QmpError("Invalid parameter type for '" + name + "[" + i + "]', expected: object");
    }
}
