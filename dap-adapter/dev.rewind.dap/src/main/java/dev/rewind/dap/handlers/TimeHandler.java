package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.dap.Progress;
import dev.rewind.dap.RewindProtocol.Arguments;
import dev.rewind.dap.RewindProtocol.TimeResult;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.TimeInfo;

/** {@code rewind/time} (where am I, the history range) and {@code rewind/goToTime} (absolute virtual time). */
public final class TimeHandler {

    private final DapContext context;

    public TimeHandler(DapContext context) {
        this.context = context;
    }

    public TimeResult time(Arguments args) {
        return result(context.await(context.session().time()));
    }

    public TimeResult goToTime(Arguments args) {
        if (args == null || args.time == null) {
            throw DapErrors.badRequest("rewind/goToTime needs 'time' (instructions retired by all harts)");
        }
        if (args.time < 0) {
            throw DapErrors.badRequest("time " + args.time + " is negative");
        }
        DebugSession s = context.stoppedSession();
        if (!s.config().history()) {
            throw DapErrors.wrongState("history is off for this session");
        }
        context.await(Progress.around(context, "Go to time " + args.time, s.goToTime(args.time)));
        return result(context.await(s.time()));
    }

    static TimeResult result(TimeInfo t) {
        return new TimeResult(t.now(), t.earliest(), t.frontier(), t.history());
    }
}
