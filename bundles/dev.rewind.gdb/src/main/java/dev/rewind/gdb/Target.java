package dev.rewind.gdb;

import dev.rewind.debug.DebugException;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.Register;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The session as the stub sees it: registers in gdb's numbering, the qXfer documents, and waiting for requests. */
final class Target {
    /** The virt-like machine's device windows (see the README's machine table); RAM size comes from the session. */
    private static final long DEFAULT_RAM = 128L << 20;
    static final long REQUEST_TIMEOUT_SECONDS = 120;

    final DebugSession session;
    final int xlen;
    final int harts;
    /** x0..x31 and pc: the registers of the {@code g} packet. */
    final List<Register> gRegisters;
    final Map<Integer, Register> byNumber = new HashMap<>();
    final String targetXml;
    final String threadsXml;
    final String memoryMapXml;

    Target(DebugSession session) {
        this.session = session;
        this.xlen = session.xlen();
        this.harts = session.harts();
        List<Register> g = new ArrayList<>();
        for (Register r : session.registers()) {
            byNumber.put(r.number(), r);
            if (r.number() <= Register.PC) {
                g.add(r);
            }
        }
        g.sort((a, b) -> Integer.compare(a.number(), b.number()));
        this.gRegisters = List.copyOf(g);
        this.targetXml = TargetXml.targetDescription(xlen, session.registers());
        this.threadsXml = TargetXml.threads(harts);
        long ram = session.config().ramSize() == 0 ? DEFAULT_RAM : session.config().ramSize();
        this.memoryMapXml = TargetXml.memoryMap(List.of(
                new TargetXml.Region(0x0010_0000L, 0x1000, "test finisher"),
                new TargetXml.Region(0x0200_0000L, 0x1_0000, "CLINT"),
                new TargetXml.Region(0x1000_0000L, 0x100, "UART 16550"),
                new TargetXml.Region(0x8000_0000L, ram, "RAM")));
    }

    int registerBytes() {
        return xlen / 8;
    }

    /** Waits for a request of the session; its failure as a {@link DebugException} with the services' message. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof DebugException d) {
                throw d;
            }
            throw new DebugException(String.valueOf(cause.getMessage()), cause);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new DebugException("the session did not answer within " + REQUEST_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DebugException("interrupted while waiting for the session", e);
        }
    }
}
