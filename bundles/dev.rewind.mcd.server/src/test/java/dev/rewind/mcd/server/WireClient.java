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

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
