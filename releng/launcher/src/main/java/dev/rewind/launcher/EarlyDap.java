package dev.rewind.launcher;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code rewind dap} on stdio: the DAP client's first message is read while the OSGi runtime starts and, when it is
 * {@code initialize}, answered at once with the adapter's static capabilities ({@code capabilities.json} of the
 * DAP bundle, the same file the bundle answers from). The bytes read are handed to the bundle's command
 * ({@code --stdin-prefix}, base64), which replays them and, with {@code --initialize-answered}, sends everything
 * its own handling of that request produces except the response ({@code initialized} follows as usual).
 * Anything unexpected (another first request, a malformed header, no capabilities file) is only replayed.
 */
final class EarlyDap {

    static final String CAPABILITIES = "dev/rewind/dap/capabilities.json";
    private static final int MAX_HEADER = 8192;
    private static final int MAX_BODY = 1 << 20;
    private static final Pattern COMMAND = Pattern.compile("\"command\"\\s*:\\s*\"initialize\"");
    private static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d{1,9})");

    private final Path bundlesDir;
    private final InputStream in;
    private final OutputStream out;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile byte[] consumed = new byte[0];
    private volatile boolean answered;

    EarlyDap(Path bundlesDir, InputStream in, OutputStream out) {
        this.bundlesDir = bundlesDir;
        this.in = in;
        this.out = out;
    }

    /** Only the plain stdio form: {@code rewind dap} without options. */
    static boolean applies(String command, List<String> args) {
        return "dap".equals(command) && args.isEmpty();
    }

    /** Starts reading standard input (unbuffered: not a byte more than the first message) on a daemon thread. */
    static EarlyDap startOnStdio(Path bundlesDir) {
        EarlyDap early = new EarlyDap(bundlesDir, new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out));
        Thread t = new Thread(early::run, "rewind-early-dap");
        t.setDaemon(true);
        t.start();
        return early;
    }

    void run() {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        try {
            String body = readFrame(seen);
            if (body != null && COMMAND.matcher(body).find()) {
                answered = answer(body);
            }
        } catch (IOException e) {
            System.err.println("rewind dap: reading the first message: " + e.getMessage());
        } finally {
            consumed = seen.toByteArray();
            done.countDown();
        }
    }

    /** The first frame's body, every byte read kept in {@code seen}; null when the input is not a frame. */
    private String readFrame(ByteArrayOutputStream seen) throws IOException {
        int length = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0 || seen.size() > MAX_HEADER) {
                return null;
            }
            seen.write(b);
            if (b != '\n') {
                line.append((char) b);
                continue;
            }
            String header = line.toString().trim();
            line.setLength(0);
            if (header.isEmpty()) {
                break;
            }
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                try {
                    length = Integer.parseInt(lower.substring("content-length:".length()).trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        if (length < 0 || length > MAX_BODY) {
            return null;
        }
        byte[] body = in.readNBytes(length);
        seen.write(body);
        return body.length == length ? new String(body, StandardCharsets.UTF_8) : null;
    }

    private boolean answer(String request) throws IOException {
        Matcher seq = SEQ.matcher(request);
        String capabilities = capabilities();
        if (!seq.find() || capabilities == null) {
            return false;
        }
        String response = "{\"type\":\"response\",\"seq\":1,\"request_seq\":" + seq.group(1)
                + ",\"command\":\"initialize\",\"success\":true,\"body\":" + capabilities + "}";
        byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return true;
    }

    /** The DAP bundle's capabilities file, read from its jar in the runtime; null when there is none. */
    private String capabilities() {
        try (Stream<Path> files = Files.list(bundlesDir)) {
            Path jar = files.filter(p -> p.getFileName().toString().startsWith("dev.rewind.dap-")
                    && p.getFileName().toString().endsWith(".jar")).findFirst().orElse(null);
            if (jar == null) {
                return null;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry(CAPABILITIES);
                if (entry == null) {
                    return null;
                }
                try (InputStream s = zip.getInputStream(entry)) {
                    return new String(s.readAllBytes(), StandardCharsets.UTF_8).trim();
                }
            }
        } catch (IOException e) {
            System.err.println("rewind dap: cannot read the adapter's capabilities: " + e.getMessage());
            return null;
        }
    }

    /** Waits for the first message (or the end of the input), then the arguments that hand it to {@code rewind:dap}. */
    List<String> handoff() throws InterruptedException {
        done.await();
        List<String> args = new ArrayList<>();
        if (consumed.length > 0) {
            args.add("--stdin-prefix");
            args.add(Base64.getEncoder().encodeToString(consumed));
        }
        if (answered) {
            args.add("--initialize-answered");
        }
        return args;
    }
}
