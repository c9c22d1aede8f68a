package dev.rewind.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/** How the servers' commands ({@code rewind mcd}, {@code gdb}, {@code dap --port}) know when to stop serving. */
public final class QuitSignal {
    private QuitSignal() {
    }

    /**
     * Returns when a line {@code quit} (or {@code exit}) arrives on {@code in} or the thread is interrupted; at the end
     * of input (started in the background) it waits for the interrupt, so the server keeps serving.
     */
    public static void await(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.trim();
                if (word.equals("quit") || word.equals("exit")) {
                    return;
                }
            }
            new CountDownLatch(1).await();
        } catch (IOException e) {
            throw new IllegalStateException("reading standard input failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
