package dev.rewind.mcd.server;

import com.google.gson.JsonObject;
import dev.rewind.mcd.api.McdException;

/** One wire command: arguments in, the {@code return} object out. */
@FunctionalInterface
interface Handler {
    JsonObject handle(Args args) throws QmpError, McdException;
}
