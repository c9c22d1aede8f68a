package dev.rewind.mcd.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain-socket test client: sends raw bytes, reads reply lines. Independent of the server code. */
final class WireClient implements AutoCloseable {
    final Socket socket;
    final BufferedReader in;
    final OutputStream out;
    final String greeting;

    WireClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
        greeting = in.readLine();
    }

    void sendRaw(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    String line() throws IOException {
        return in.readLine();
    }

    /** Sends {"execute":cmd,"arguments":args} without a newline and returns the reply line. */
    String call(String cmd, String args) throws IOException {
        sendRaw("{\"execute\":\"" + cmd + "\",\"arguments\":" + args + "}");
        return line();
    }

    /** Polls mcd-qry-state of {@code coreUid} as MCD clients do until it leaves RUNNING (1); bounded to 30 s. */
    com.google.gson.JsonObject awaitStopped(int coreUid) throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            com.google.gson.JsonObject st = com.google.gson.JsonParser.parseString(
                    call("mcd-qry-state", "{\"core-uid\":" + coreUid + "}")).getAsJsonObject()
                    .getAsJsonObject("return").getAsJsonObject("state");
            if (st.get("state").getAsInt() != 1) {
                return st;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("core-uid " + coreUid + " still running after 30 s");
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
