package dev.rewind.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps the layers apart, over the bundles of the built runtime (releng/launcher/target/runtime/bundles): the
 * engine exports neither its translator nor its page store; only the MCD back end (dev.rewind.mcd), the runner
 * (dev.rewind.shell: run, record, replay), the plugin runtime (dev.rewind.plugins) and the {@code rewind trace}
 * command (package dev.rewind.trace.command, which runs a machine of its own) drive the engine; the rest of the
 * tracer (the recorder, exports, session traces over the MCD back end's instrumentation) is checked like a front end. Every other Rewind bundle — debug services, DAP, GDB,
 * the MCD server and scripting shell, Eclipse, plugins to come — reaches a target through the MCD API, its
 * time-travel extension and the debug services; from the engine it may use only file formats and tools (ELF,
 * instruction encoding, recording files, the machine configuration, console sinks) and, from the back end, only
 * the factory {@code McdBackend}. Checked class by class from the class files' constant pools.
 */
@Timeout(60)
class BundleBoundariesTest {
    static final Path BUNDLES = RewindProcess.ROOT.resolve("releng/launcher/target/runtime/bundles");
    /** The engine, the MCD back end, the runner (run/record/replay) and the plugin runtime. */
    static final Set<String> ENGINE_DRIVERS = Set.of("dev.rewind.emulator", "dev.rewind.mcd", "dev.rewind.shell",
            "dev.rewind.plugins");
    /** Packages (class-file path prefixes) that drive the engine inside bundles otherwise checked. */
    static final java.util.Map<String, String> DRIVING_PACKAGES = java.util.Map.of("dev.rewind.trace",
            "dev/rewind/trace/command/");
    static final Pattern ALLOWED = Pattern.compile("dev/rewind/emulator/(MachineConfig|LoadException"
            + "|device/(ConsoleSink|InputSource|CollectingConsole)|elf/\\w+|isa/\\w+"
            + "|travel/(Recording|RecordingReader|RecordingException|NotARecordingException|Bookmark))"
            + "|dev/rewind/mcd/backend/(McdBackend|RecordingHeader)");
    static final Pattern REFERENCE = Pattern.compile("dev/rewind/(emulator|mcd/backend)/[\\w/]+");

    @Test
    void onlyTheTraceCommandDrivesTheEngineInTheTracer() throws Exception {
        Set<String> all = references(jar("dev.rewind.trace"));
        Set<String> outside = references(jar("dev.rewind.trace"), DRIVING_PACKAGES.get("dev.rewind.trace"));
        assertThat(all).as("the trace command runs a machine").contains("dev/rewind/emulator/Machine");
        assertThat(outside).as("the rest of the tracer: formats and the MCD back end's instrumentation only")
                .allMatch(ref -> ALLOWED.matcher(ref).matches());
    }

    @Test
    void engineExportsNoInternals() throws Exception {
        String exports = manifest(jar("dev.rewind.emulator")).getMainAttributes().getValue("Export-Package");
        assertThat(exports).contains("dev.rewind.emulator.elf").doesNotContain("dev.rewind.emulator.jit")
                .doesNotContain("dev.rewind.emulator.mem");
    }

    @Test
    void frontEndsStandOnMcdAndTheDebugServices() throws Exception {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> jars = Files.list(BUNDLES)) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().startsWith("dev.rewind.")).toList()) {
                String bsn = manifest(jar).getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
                if (ENGINE_DRIVERS.contains(bsn)) {
                    continue;
                }
                checked++;
                for (String ref : references(jar, DRIVING_PACKAGES.get(bsn))) {
                    if (!ALLOWED.matcher(ref).matches()) {
                        violations.add(bsn + " uses " + ref.replace('/', '.'));
                    }
                }
            }
        }
        assertThat(checked).as("front-end bundles checked").isGreaterThanOrEqualTo(3);
        assertThat(violations).as("engine or back-end internals used outside the back end").isEmpty();
    }

    /**
     * The front ends a person debugs with (the scripting shell, DAP, GDB) use not even the engine's file formats: they
     * take symbols from dev.rewind.symbols and what a recording holds from the debug services.
     */
    @Test
    void debuggerFrontEndsUseNoEngineClassAtAll() throws Exception {
        for (String bsn : List.of("dev.rewind.mcd.shell", "dev.rewind.dap", "dev.rewind.gdb")) {
            assertThat(references(jar(bsn))).as(bsn + " uses engine or back-end classes").isEmpty();
        }
    }

    private static Path jar(String bsn) throws IOException {
        try (Stream<Path> jars = Files.list(BUNDLES)) {
            return jars.filter(p -> p.getFileName().toString().startsWith(bsn + "-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(bsn + " is not in " + BUNDLES
                            + " (build the runtime: ./mvnw -pl releng/launcher -am install)"));
        }
    }

    private static Manifest manifest(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getManifest();
        }
    }

    /** Engine and back-end classes named in the constant pools of the jar's classes (outer class names). */
    static Set<String> references(Path jar) throws IOException {
        return references(jar, null);
    }

    /** As {@link #references(Path)}, leaving out the classes whose path starts with {@code exempt} (null: none). */
    static Set<String> references(Path jar, String exempt) throws IOException {
        Set<String> out = new TreeSet<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            for (var e : java.util.Collections.list(j.entries())) {
                if (!e.getName().endsWith(".class") || exempt != null && e.getName().startsWith(exempt)) {
                    continue;
                }
                try (InputStream in = j.getInputStream(e)) {
                    for (String s : utf8Constants(in)) {
                        Matcher m = REFERENCE.matcher(s);
                        while (m.find()) {
                            out.add(m.group().split("\\$")[0]);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The CONSTANT_Utf8 entries of a class file (class names, descriptors, signatures). */
    static List<String> utf8Constants(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> out = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> out.add(in.readUTF());
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return out;
    }
}
