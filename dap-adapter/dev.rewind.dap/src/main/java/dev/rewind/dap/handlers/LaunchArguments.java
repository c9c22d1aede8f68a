package dev.rewind.dap.handlers;

import dev.rewind.dap.Addresses;
import dev.rewind.debug.LaunchConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code launch} attributes: {@code program} (ELF path, required unless {@code recording}), {@code harts}
 * (1), {@code ram} (bytes, or {@code "128M"}), {@code quantum}, {@code stopOnEntry}, {@code sourceDirectories},
 * {@code history} (true/false, or the snapshot interval in instructions), {@code recording} (a saved recording
 * to open instead of running the program afresh), {@code trace} ({@link TraceArgument}: the session's trace as
 * {@code rewind/trace} events), {@code plugins} (true: the runtime's plugins observe the session; their reports
 * go to the console).
 */
public record LaunchArguments(Path program, Path recording, LaunchConfig config, boolean stopOnEntry,
        List<String> sourceDirectories) {

    public static LaunchArguments parse(Map<String, Object> a) {
        Map<String, Object> args = a == null ? Map.of() : a;
        Path recording = path(args.get("recording"), "recording");
        Path program = path(args.get("program"), "program");
        if (program == null) {
            throw new IllegalArgumentException("the launch attribute 'program' (the RISC-V ELF to debug) is missing");
        }
        if (!Files.isRegularFile(program)) {
            throw new IllegalArgumentException("program " + program + " does not exist or is not a file");
        }
        if (recording != null && !Files.isRegularFile(recording)) {
            throw new IllegalArgumentException("recording " + recording + " does not exist or is not a file");
        }
        LaunchConfig config = LaunchConfig.of(program)
                .withHarts((int) integer(args.get("harts"), 1, "harts"))
                .withRamSize(size(args.get("ram")))
                .withQuantum((int) integer(args.get("quantum"), 0, "quantum"))
                .withSnapshotInterval(history(args.get("history")))
                .withInstrumentation("trace", TraceArgument.items(args.get("trace")))
                .withInstrumentation("plugins", Boolean.TRUE.equals(args.get("plugins")) ? "true" : null);
        List<String> dirs = new ArrayList<>();
        if (args.get("sourceDirectories") instanceof List<?> list) {
            for (Object o : list) {
                dirs.add(String.valueOf(o));
            }
        }
        return new LaunchArguments(program, recording, config, Boolean.TRUE.equals(args.get("stopOnEntry")), dirs);
    }

    private static Path path(Object o, String name) {
        if (o == null) {
            return null;
        }
        if (!(o instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' must be a file path");
        }
        return Path.of(s).toAbsolutePath().normalize();
    }

    static long integer(Object o, long dflt, String name) {
        if (o == null) {
            return dflt;
        }
        if (o instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException("'" + name + "' must be a whole number, not " + n);
            }
            return n.longValue();
        }
        if (o instanceof String s && Addresses.isNumber(s)) {
            return Addresses.parse(s, name);
        }
        throw new IllegalArgumentException("'" + name + "' must be a number, not " + o);
    }

    /** RAM size: a number of bytes or text like {@code 64M}, {@code 1G}, {@code 512K}, {@code 0x4000000}. */
    static long size(Object o) {
        if (o instanceof String s && s.trim().matches("(?i)\\d+\\s*[KMG]i?B?")) {
            String t = s.trim().toUpperCase().replace("IB", "").replace("B", "");
            long n = Long.parseLong(t.substring(0, t.length() - 1).trim());
            char unit = t.charAt(t.length() - 1);
            return n << (unit == 'K' ? 10 : unit == 'M' ? 20 : 30);
        }
        return integer(o, 0, "ram");
    }

    /** {@code history}: true (default interval), false (off), a number (snapshot interval). */
    static long history(Object o) {
        if (o == null || Boolean.TRUE.equals(o)) {
            return LaunchConfig.DEFAULT_SNAPSHOT_INTERVAL;
        }
        if (Boolean.FALSE.equals(o)) {
            return 0;
        }
        return integer(o, LaunchConfig.DEFAULT_SNAPSHOT_INTERVAL, "history");
    }
}
