package dev.rewind.gdb;

import dev.rewind.debug.DebugException;
import dev.rewind.debug.Register;
import dev.rewind.debug.Stop;
import dev.rewind.gdb.rsp.Hex;
import dev.rewind.gdb.rsp.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Turns each packet into a {@link Reply}. Unknown packets get the empty reply; malformed ones and failed
 * requests an error reply ({@code Enn}, or {@code E.message} where gdb shows it). Registers are read and written
 * in the {@code Hg} thread (after a stop reply, the stopped one, as gdb assumes); a resume that names no thread
 * moves the thread gdb selected ({@link Selection}).
 */
final class PacketHandler {
    static final String FEATURES = "PacketSize=" + Integer.toHexString(GdbConnection.PACKET_SIZE)
            + ";QStartNoAckMode+;qXfer:features:read+;qXfer:threads:read+;qXfer:memory-map:read+"
            + ";swbreak+;hwbreak+;vContSupported+;ReverseStep+;ReverseContinue+";

    private static final System.Logger LOG = System.getLogger(PacketHandler.class.getName());

    private final Target t;
    private final Triggers triggers;
    private final StateCommands state;
    private final RunCommands run;
    private final Monitor monitor;
    final Monitor.Options options = new Monitor.Options();
    private int generalThread = Threads.ANY;
    boolean breakReasons;
    /** The hart of the last stop reported to gdb. */
    int stopHart;
    private final Selection selection;

    PacketHandler(Target target, Triggers triggers) {
        this.t = target;
        this.triggers = triggers;
        this.state = new StateCommands(target, triggers);
        this.run = new RunCommands(target.session, target.gRegisters);
        this.monitor = new Monitor(target.session, options);
        Stop last = target.session.lastStop();
        this.stopHart = last == null ? 0 : Math.max(0, last.hart());
        this.selection = new Selection(target.harts, stopHart);
    }

    /**
     * The stop reply for {@code stop}, with the stopped hart's x0..x31 and pc (expedited, so gdb needs no
     * {@code g}). Its thread becomes gdb's current thread and, as gdb assumes after every stop reply, the general
     * thread ({@code Hg}). {@code afterRun}: the stop ends the run just made, whose registers may already have been
     * read behind it.
     */
    String stopReply(Stop stop, boolean afterRun) {
        CompletableFuture<long[]> known = run.takeRegisters(Math.max(0, stop.hart()));
        long[] registers = null;
        if (!stop.exited()) {
            stopHart = Math.max(0, Math.min(t.harts - 1, stop.hart()));
            generalThread = Threads.id(stopHart);
            selection.stopped(stopHart);
            registers = expedited(stopHart, afterRun ? known : null);
        }
        return StopReplies.encode(stop, t.xlen, triggers, breakReasons, registers);
    }

    /** x0..x31 and pc of the stopped hart; just the pc if unreadable. */
    private long[] expedited(int hart, CompletableFuture<long[]> known) {
        try {
            long[] values = Target.await(known != null ? known : t.session.readRegisters(hart, t.gRegisters));
            return values.length == Register.PC + 1 ? values : new long[0];
        } catch (DebugException e) {
            return new long[0];
        }
    }

    Reply handle(String p) {
        try {
            return dispatch(p);
        } catch (ProtocolException e) {
            return new Reply.Text("E01");
        } catch (DebugException e) {
            return new Reply.Text(p.startsWith("Z") ? "E." + e.getMessage() : "E02");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "packet " + abbreviate(p) + " failed", e);
            return new Reply.Text("E03");
        }
    }

    private static String abbreviate(String p) {
        return p.length() <= 40 ? p : p.substring(0, 40) + "...";
    }

    private Reply dispatch(String p) {
        if (p.isEmpty()) {
            return text("");
        }
        String body = p.substring(1);
        if ("mMXZzHbscv".indexOf(p.charAt(0)) < 0) {
            selection.otherPacket();
        }
        return switch (p.charAt(0)) {
            case '?' -> text(stopReply(t.session.lastStop(), false));
            case 'g' -> text(state.readRegisters(hart(generalThread)));
            case 'G' -> text(state.writeRegisters(hart(generalThread), body));
            case 'p' -> text(state.readRegister(hart(generalThread), body));
            case 'P' -> text(state.writeRegister(hart(generalThread), body));
            case 'm' -> text(state.readMemory(body));
            case 'M' -> text(state.writeMemoryHex(body));
            case 'X' -> text(state.writeMemoryBinary(body));
            case 'Z' -> text(state.insert(body));
            case 'z' -> text(state.remove(body));
            case 'H' -> select(body);
            case 'T' -> alive(Threads.hart(Threads.parse(body), t.harts));
            case 'c', 'C' -> new Reply.Run(run::resume);
            case 's', 'S' -> {
                int h = runHart();
                yield new Reply.Run(() -> run.step(h));
            }
            case 'b' -> reverse(body);
            case 'D' -> new Reply.Close("OK", false);
            case 'k' -> new Reply.Close(null, true);
            case 'q' -> query(body);
            case 'Q' -> body.equals("StartNoAckMode") ? new Reply.StartNoAck() : text("");
            case 'v' -> verbose(body);
            default -> text("");
        };
    }

    private Reply alive(int hart) {
        if (hart < 0) {
            return text("E01");
        }
        selection.alive(hart);
        return text("OK");
    }

    private Reply reverse(String body) {
        if (body.equals("s")) {
            int h = runHart();
            return new Reply.Run(() -> run.reverseStep(h));
        }
        if (body.equals("c")) {
            return new Reply.Run(run::reverseContinue);
        }
        return text("");
    }

    private Reply select(String body) {
        if (body.length() < 2) {
            throw new ProtocolException("H needs an operation and a thread");
        }
        int thread = Threads.parse(body.substring(1));
        if (thread > 0 && Threads.hart(thread, t.harts) < 0) {
            return text("E01");
        }
        switch (body.charAt(0)) {
            case 'g' -> {
                generalThread = thread;
                selection.general(Threads.hart(thread, t.harts));
            }
            case 'c' -> selection.forContinue(Threads.hart(thread, t.harts));
            default -> {
                return text("E01");
            }
        }
        return text("OK");
    }

    /** The hart of a selected thread; for "any"/"all" the general thread, else the hart of the last stop. */
    int hart(int thread) {
        int h = Threads.hart(thread, t.harts);
        if (h < 0) {
            h = Threads.hart(generalThread, t.harts);
        }
        return h < 0 ? stopHart : h;
    }

    /** The hart a step without a thread of its own steps: see {@link Selection}. */
    private int runHart() {
        return selection.runHart();
    }

    private Reply query(String q) {
        if (q.startsWith("Supported")) {
            breakReasons = q.contains("swbreak+");
            return text(FEATURES);
        }
        if (q.startsWith("Xfer:")) {
            return text(xfer(q.substring(5)));
        }
        if (q.startsWith("Rcmd,")) {
            String command = new String(Hex.decode(q.substring(5)), StandardCharsets.UTF_8);
            try {
                return new Reply.Console(monitor.execute(command), "OK");
            } catch (DebugException e) {
                return new Reply.Console("error: " + e.getMessage() + "\n", "E04");
            }
        }
        return switch (q) {
            case "C" -> text("QC" + Hex.number(Threads.id(hart(Threads.ANY))));
            case "fThreadInfo" -> text(threadList());
            case "sThreadInfo" -> text("l");
            case "Attached" -> text("1");
            case "Symbol::" -> text("OK");
            default -> q.startsWith("ThreadExtraInfo,")
                    ? text(Hex.encode(Threads.name(Math.max(0, Threads.hart(Threads.parse(q.substring(16)), t.harts)))))
                    : text("");
        };
    }

    private String threadList() {
        StringBuilder sb = new StringBuilder("m");
        for (int h = 0; h < t.harts; h++) {
            sb.append(h == 0 ? "" : ",").append(Hex.number(Threads.id(h)));
        }
        return sb.toString();
    }

    /** {@code qXfer:object:read:annex:offset,length}. */
    private String xfer(String q) {
        String[] parts = q.split(":", -1);
        if (parts.length != 4 || !parts[1].equals("read")) {
            return "";
        }
        String document = switch (parts[0]) {
            case "features" -> parts[2].equals("target.xml") ? t.targetXml : null;
            case "threads" -> t.threadsXml;
            case "memory-map" -> t.memoryMapXml;
            default -> "";
        };
        if (document == null) {
            return "E00";
        }
        if (document.isEmpty()) {
            return "";
        }
        String[] range = parts[3].split(",");
        if (range.length != 2) {
            throw new ProtocolException("qXfer needs offset,length");
        }
        return TargetXml.slice(document, Hex.parseInt(range[0]), Hex.parseInt(range[1]));
    }

    private Reply verbose(String v) {
        if (v.equals("Cont?")) {
            return text("vCont;c;C;s;S;r");
        }
        if (v.startsWith("Cont;")) {
            int h = runHart();
            return new Reply.Run(() -> run.vCont(v.substring(4), h, t.harts));
        }
        if (v.startsWith("Kill")) {
            return new Reply.Close("OK", true);
        }
        return text("");
    }

    private static Reply text(String payload) {
        return new Reply.Text(payload);
    }
}
