package dev.rewind.gdb;

import dev.rewind.debug.DebugException;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.MemoryRegion;
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
    /** RAM of the fallback memory map when the session gives none and no size. */
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
        this.memoryMapXml = TargetXml.memoryMap(regions(session));
    }

    /**
     * The machine's memory map; device windows are declared as RAM so gdb reads them (it refuses addresses outside
     * the map). Without regions from the session, the virt-like layout of the README's machine table.
     */
    private static List<TargetXml.Region> regions(DebugSession session) {
        List<TargetXml.Region> regions = new ArrayList<>();
        for (MemoryRegion r : session.memoryRegions()) {
            regions.add(new TargetXml.Region(r.start(), r.length(), r.kind() == MemoryRegion.Kind.ROM ? "rom" : "ram",
                    r.name() + " (" + r.kind().name().toLowerCase(java.util.Locale.ROOT) + ")"));
        }
        if (regions.isEmpty()) {
            long ram = session.config().ramSize() == 0 ? DEFAULT_RAM : session.config().ramSize();
            regions.add(new TargetXml.Region(0x0010_0000L, 0x1000, "ram", "test finisher"));
            regions.add(new TargetXml.Region(0x0200_0000L, 0x1_0000, "ram", "CLINT"));
            regions.add(new TargetXml.Region(0x1000_0000L, 0x100, "ram", "UART 16550"));
            regions.add(new TargetXml.Region(0x8000_0000L, ram, "ram", "RAM"));
        }
        return regions;
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
