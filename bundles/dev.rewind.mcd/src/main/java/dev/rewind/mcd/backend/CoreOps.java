package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.Channel;
import dev.rewind.mcd.api.CoreEvent;
import dev.rewind.mcd.api.CoreState;
import dev.rewind.mcd.api.ErrorInfo;
import dev.rewind.mcd.api.McdErrorCode;
import dev.rewind.mcd.api.McdException;
import dev.rewind.mcd.api.McdList;
import dev.rewind.mcd.api.RstInfo;
import dev.rewind.mcd.api.StepType;
import dev.rewind.mcd.api.TraceFrame;
import dev.rewind.mcd.api.TraceInfo;
import dev.rewind.mcd.api.TraceState;
import dev.rewind.mcd.api.TxList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Execution control and reset of a core, and its channels ({@link ConsoleChannel}) and traces ({@link CoreTrace}): the
 * second half of {@link RewindCore}.
 */
abstract class CoreOps {
    final Target target;
    final int hart;
    final RiscvRegisters regs;
    private final TxExecutor tx;
    private final CommandInterpreter commands;
    private final ConsoleChannel channels;
    private final CoreTrace trace;
    volatile ErrorInfo lastError = ErrorInfo.NONE;

    CoreOps(Target target, int hart) {
        this.target = target;
        this.hart = hart;
        this.regs = new RiscvRegisters(target.engine.xlen(), Layout.MEM_REGISTERS, hart);
        this.tx = new TxExecutor(target, hart, regs);
        this.commands = new CommandInterpreter(this);
        this.channels = new ConsoleChannel(target);
        this.trace = new CoreTrace(target, hart);
    }

    abstract void check() throws McdException;

    abstract McdException remember(McdException e);

    /** Runs {@code c}, remembering its error for qryErrorInfo (and clearing it on success). */
    <T> T call(Callable<T> c) throws McdException {
        try {
            T r = c.call();
            lastError = ErrorInfo.NONE;
            return r;
        } catch (McdException e) {
            throw remember(e);
        } catch (Exception e) {
            throw remember(new McdException(McdErrorCode.GENERAL, e.toString()));
        }
    }

    public TxList executeTxlist(TxList txlist) throws McdException {
        check();
        return call(() -> tx.execute(txlist));
    }

    /**
     * Runs the machine: globally every hart (but those held with {@code TimeTravel.hold}), else this core's hart
     * alone, the others held (mcd_api.h: global runs all cores of the system). {@code global} also decides who is
     * told about the stop (see {@link StopState}).
     */
    public void run(boolean global) throws McdException {
        check();
        call(() -> {
            target.run(-1, hart, global);
            return null;
        });
    }

    public void stop(boolean global) throws McdException {
        check();
        target.stop(hart, global);
    }

    public void runUntil(boolean global, boolean absoluteTime, long time) throws McdException {
        check();
        call(() -> {
            long t = time;
            if (!absoluteTime) {
                t = target.paused(() -> target.engine.time()) + time;
            }
            if (t < 0) {
                throw McdException.param("run-until time overflows");
            }
            target.run(t, hart, global);
            return null;
        });
    }

    public long qryCurrentTime() throws McdException {
        check();
        return call(() -> target.paused(() -> target.engine.time()));
    }

    public void step(boolean global, StepType stepType, int nSteps) throws McdException {
        check();
        call(() -> {
            long n = Integer.toUnsignedLong(nSteps);
            StopState.StopRecord r = stepType == StepType.CYCLES ? Stepper.cycles(target, hart, n, global)
                    : Stepper.step(target, hart, n, global);
            target.paused(() -> {
                target.recordStop(r, hart, global);
                return null;
            });
            return null;
        });
        target.notifyListeners(CoreEvent.STOPPED.bit());
    }

    public void setGlobal(boolean enable) throws McdException {
        check();
        target.stops.setGlobal(hart, enable);
    }

    public CoreState qryState() throws McdException {
        check();
        return target.state(hart, true);
    }

    public String executeCommand(String command) throws McdException {
        check();
        return call(() -> commands.execute(command));
    }

    public int qryRstClasses() throws McdException {
        check();
        return Layout.RST_SYSTEM | Layout.RST_HART;
    }

    public RstInfo qryRstClassInfo(int rstClass) throws McdException {
        check();
        return call(() -> switch (rstClass) {
            case 0 -> new RstInfo(Layout.RST_SYSTEM, "system reset: all harts, devices and memory as after loading");
            case 1 -> new RstInfo(Layout.RST_HART, "hart reset: this core's hart restarts at the entry point");
            default -> throw McdException.param("no reset class " + rstClass);
        });
    }

    public void rst(int vector, boolean rstAndHalt) throws McdException {
        check();
        call(() -> {
            if (vector == 0 || (vector & ~(Layout.RST_SYSTEM | Layout.RST_HART)) != 0) {
                throw McdException.param("invalid reset class vector 0x" + Integer.toHexString(vector));
            }
            target.stop(hart, true);
            target.paused(() -> {
                if ((vector & Layout.RST_SYSTEM) != 0) {
                    target.engine.resetSystem();
                    target.console.reset();
                    target.traces.clear();
                } else {
                    target.engine.resetHart(hart);
                }
                boolean system = (vector & Layout.RST_SYSTEM) != 0;
                target.recordStop(new StopState.StopRecord(hart, system ? "system reset" : "reset of hart " + hart),
                        hart, true);
                target.addEvents(system ? -1 : hart, CoreEvent.REGISTER_CHANGE.bit()
                        | (system ? CoreEvent.MEMORY_CHANGE.bit() : 0));
                return null;
            });
            if (!rstAndHalt) {
                target.run(-1, hart, true);
            }
            return null;
        });
    }

    // --- channels: the UART console

    public Channel chlOpen(Channel requested) throws McdException {
        check();
        return call(() -> channels.open(requested));
    }

    public void sendMsg(Channel channel, byte[] msg) throws McdException {
        check();
        call(() -> {
            channels.send(channel, msg);
            return null;
        });
    }

    public byte[] receiveMsg(Channel channel, int timeoutMs, int maxLen) throws McdException {
        check();
        return call(() -> channels.receive(channel, timeoutMs, maxLen));
    }

    public void chlReset(Channel channel) throws McdException {
        check();
        call(() -> {
            channels.reset(channel);
            return null;
        });
    }

    public void chlClose(Channel channel) throws McdException {
        check();
        call(() -> {
            channels.close(channel);
            return null;
        });
    }

    // --- trace: per-hart instruction trace, plugin traces

    public McdList<TraceInfo> qryTraces(int startIndex, int num) throws McdException {
        check();
        List<TraceInfo> all = trace.infos();
        return call(() -> McdList.slice(all, startIndex, Integer.toUnsignedLong(num), "traces"));
    }

    public TraceState qryTraceState(int traceId) throws McdException {
        check();
        return call(() -> trace.state(traceId));
    }

    public TraceState setTraceState(int traceId, TraceState state) throws McdException {
        check();
        return call(() -> trace.setState(traceId, state));
    }

    public McdList<TraceFrame> readTrace(int traceId, long startIndex, int numFrames) throws McdException {
        check();
        return call(() -> trace.read(traceId, startIndex, numFrames));
    }
}
