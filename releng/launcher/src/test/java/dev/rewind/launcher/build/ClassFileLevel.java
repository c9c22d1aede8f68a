package dev.rewind.launcher.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step of the runtime (releng/launcher/pom.xml, package phase), not part of it: rewrites the class files of a
 * runtime bundle that are older than Java 6 (class file version below 50) as Java 8 class files with stack map frames,
 * the same code otherwise. The JDK's AOT cache (and CDS) cannot hold classes older than version 50, so every
 * {@code rewind run} loaded picocli 4.7.7's classes (Java 5 class files, 166 of them on run's path) from its jar and
 * checked them with the old type-inferring verifier (~50 ms of the main thread's start-up, issue #16), and ASM's
 * (also Java 5) at the guest's first translation. Entries other than such classes are left as they are, and a jar
 * without any is not rewritten.
 *
 * <p>Usage: {@code ClassFileLevel JAR|DIR...} (each jar, or each jar in DIR, rewritten in place).
 */
public final class ClassFileLevel {

    /** The first class file version the AOT cache can hold (Java 6). */
    static final int MIN_CACHED = Opcodes.V1_6;

    private ClassFileLevel() {
    }

    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            Path path = Path.of(arg);
            List<Path> jars = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (var files = Files.list(path)) {
                    files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
                }
            } else {
                jars.add(path);
            }
            for (Path jar : jars) {
                int n = upgrade(jar);
                if (n > 0) {
                    System.out.println("ClassFileLevel: " + jar.getFileName() + ": " + n + " class files as Java 8");
                }
            }
        }
    }

    /** Rewrites {@code jar} in place if it holds class files below version 50; how many were rewritten. */
    static int upgrade(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, ZipEntry> headers = new HashMap<>();
        Map<String, String> supers = new HashMap<>();
        Set<String> interfaces = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                byte[] bytes = e.isDirectory() ? null : readAll(in);
                entries.put(e.getName(), bytes);
                headers.put(e.getName(), e);
                if (isClass(e.getName(), bytes)) {
                    ClassReader r = new ClassReader(bytes);
                    supers.put(r.getClassName(), r.getSuperName());
                    if ((r.getAccess() & Opcodes.ACC_INTERFACE) != 0) {
                        interfaces.add(r.getClassName());
                    }
                }
            }
        }
        int rewritten = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] bytes = e.getValue();
            if (isClass(e.getKey(), bytes) && version(bytes) < MIN_CACHED) {
                e.setValue(rewrite(bytes, supers, interfaces));
                rewritten++;
            }
        }
        if (rewritten == 0) {
            return 0;
        }
        if (entries.keySet().stream().anyMatch(ClassFileLevel::isSignature)) {
            throw new IOException(jar + " is signed: rewriting its classes would break the signature (not rewritten)");
        }
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(copyOf(headers.get(e.getKey())));   // the manifest stays first, as it was
                if (e.getValue() != null) {
                    out.write(e.getValue());
                }
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        return rewritten;
    }

    /**
     * A new entry with the input entry's name, times, extra fields and comment (not its sizes: the content may change),
     * so that the rewritten jar is the same bytes for the same input jar (a reproducible runtime).
     */
    private static ZipEntry copyOf(ZipEntry in) {
        ZipEntry out = new ZipEntry(in.getName());
        out.setTime(in.getTime());
        if (in.getLastModifiedTime() != null) {
            out.setLastModifiedTime(in.getLastModifiedTime());
        }
        out.setExtra(in.getExtra());
        out.setComment(in.getComment());
        return out;
    }

    /** A jar signature's files (META-INF/*.SF, .RSA, .DSA, .EC). */
    private static boolean isSignature(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        return n.startsWith("META-INF/") && n.indexOf('/', "META-INF/".length()) < 0
                && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC"));
    }

    static int version(byte[] classFile) {
        return ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF);
    }

    private static boolean isClass(String name, byte[] bytes) {
        return bytes != null && name.endsWith(".class") && !name.startsWith("META-INF/")
                && !name.endsWith("module-info.class");
    }

    private static byte[] rewrite(byte[] bytes, Map<String, String> supers, Set<String> interfaces) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                List<String> as = ancestors(a, supers, interfaces);
                for (String c : ancestors(b, supers, interfaces)) {
                    if (as.contains(c)) {
                        return c;
                    }
                }
                return "java/lang/Object";
            }
        };
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, w) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] itfs) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, itfs);
            }
        }, ClassReader.SKIP_FRAMES);
        return w.toByteArray();
    }

    /** The class and its superclasses up to Object (an interface: itself, then Object), from the jar or the JDK. */
    private static List<String> ancestors(String type, Map<String, String> supers, Set<String> interfaces) {
        List<String> chain = new ArrayList<>();
        for (String c = type; c != null; ) {
            chain.add(c);
            if (supers.containsKey(c)) {
                c = interfaces.contains(c) ? null : supers.get(c);
            } else {
                Class<?> k = jdkClass(c);
                Class<?> s = k.isInterface() ? null : k.getSuperclass();
                c = s == null ? null : s.getName().replace('.', '/');
            }
        }
        if (!chain.contains("java/lang/Object")) {
            chain.add("java/lang/Object");
        }
        return chain;
    }

    private static Class<?> jdkClass(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("ClassFileLevel: " + internalName
                    + " is neither in the jar nor in the JDK; cannot compute stack map frames", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
