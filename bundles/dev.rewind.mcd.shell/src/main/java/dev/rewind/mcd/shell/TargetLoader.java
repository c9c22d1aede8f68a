package dev.rewind.mcd.shell;

import dev.rewind.debug.DebugException;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.DebugSessions;
import dev.rewind.debug.LaunchConfig;
import dev.rewind.debug.RawConsole;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.symbols.Symbols;
import dev.rewind.symbols.elf.ElfException;
import dev.rewind.symbols.elf.ElfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Opens the shell's {@link McdTarget}s: a debug session of the shared {@link DebugSessions} for a program or a
 * recording, waited for, its failures as {@link McdException}s, its console tapped into the target's log, its
 * symbols the session's.
 */
final class TargetLoader {
    private TargetLoader() {
    }

    /** See {@link McdTarget#load}. */
    static McdTarget load(DebugSessions sessions, Path elf, int harts, int quantum) throws IOException,
            McdException {
        LaunchConfig config;
        try {
            config = LaunchConfig.of(elf).withHarts(harts).withQuantum(Math.max(0, quantum));
        } catch (IllegalArgumentException e) {
            throw new McdException(McdErrorCode.GENERAL, "cannot load " + elf + ": " + e.getMessage());
        }
        try {
            return open(sessions.launch(config), elf, "cannot load " + elf);
        } catch (McdException e) {
            checkProgram(elf);
            throw e;
        }
    }

    /**
     * Reads {@code elf} as the symbols layer reads an ELF file's headers: after the debug services refused to start a
     * session on it, the reason to give a person when the file is missing or not a RISC-V ELF file (the session's own
     * refusal stands for the rest: segments, entry point, RAM). Nothing is read twice when the session starts.
     *
     * @throws java.nio.file.NoSuchFileException the file is missing
     * @throws IOException                       it cannot be read
     * @throws ElfException                      it is not a RISC-V ELF file
     */
    static void checkProgram(Path elf) throws IOException {
        ElfFile.parse(Files.readAllBytes(elf));
    }

    /**
     * Opens the recording {@code file} (made from {@code elf}) as a new session: the recorded machine, input and
     * bookmarks; the machine then goes to the recording's end (its console output is kept as the target's console)
     * and checks the state hash there. The debug services check that {@code elf} is the recorded program.
     *
     * @throws McdException PARAM for another program, GENERAL if the replay diverged
     */
    static McdTarget replay(DebugSessions sessions, Path file, Path elf) throws McdException {
        McdTarget t = open(sessions.openRecording(file, elf), elf, "cannot open the recording");
        try {
            t.travel(0).verifyRecording();
        } catch (McdException e) {
            t.close();
            throw e;
        }
        t.reachedEnd();
        return t;
    }

    private static McdTarget open(CompletableFuture<DebugSession> launched, Path elf, String failure)
            throws McdException {
        DebugSession session;
        try {
            session = launched.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DebugException d && d.getCause() instanceof McdException m) {
                throw m; // the back end's own refusal, with its error code (PARAM: not the recorded program)
            }
            throw new McdException(McdErrorCode.GENERAL, e.getCause() instanceof DebugException
                    ? e.getCause().getMessage() : failure + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McdException(McdErrorCode.GENERAL, failure + ": interrupted");
        }
        Symbols symbols = session.symbols().orElse(null);
        if (symbols == null) {
            session.end();
            throw new McdException(McdErrorCode.GENERAL, failure + ": no symbols: " + session.symbolProblems());
        }
        ConsoleLog log = new ConsoleLog();
        session.adapt(RawConsole.class).ifPresent(c -> c.tap(b -> log.write((byte) b)));
        return new McdTarget(elf, symbols, session, log);
    }
}
