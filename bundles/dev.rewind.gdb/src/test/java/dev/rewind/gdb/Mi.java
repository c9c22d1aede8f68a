package dev.rewind.gdb;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** gdb-multiarch over GDB/MI ({@code --interpreter=mi3}), the interface IDEs use: send a command, await a record. */
final class Mi implements AutoCloseable {
    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder transcript = new StringBuilder();

    Mi(Path elf) throws IOException {
        process = new ProcessBuilder(List.of(Gdb.executable().toString(), "-nx", "--interpreter=mi3", elf.toString()))
                .redirectErrorStream(true).start();
        in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("~\"reading gdb failed: " + e + "\"");
            }
        }, "mi-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void send(String command) throws IOException {
        transcript.append("> ").append(command).append('\n');
        in.write(command + "\n");
        in.flush();
    }

    /** The first line starting with {@code prefix} within {@code seconds}. */
    String await(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                return fail("no '" + prefix + "' from gdb within " + seconds + " s; transcript:\n" + transcript);
            }
            transcript.append(line).append('\n');
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    String transcript() {
        return transcript.toString();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            send("-gdb-exit");
        } catch (IOException e) {
            transcript.append("gdb had gone: ").append(e).append('\n');
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
