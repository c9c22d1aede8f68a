package dev.rewind.gdb;

import dev.rewind.debug.RunScope;
import dev.rewind.gdb.rsp.Hex;
import dev.rewind.gdb.rsp.ProtocolException;

/**
 * A {@code vCont} packet resolved per thread (RSP: for each thread the leftmost action naming it applies, else the
 * leftmost action without a thread): which hart steps (the first step or range action; one without a thread steps
 * {@code defaultHart}), its range for {@code r}, and which harts move at all. Threads no action applies to stay
 * stopped: the scope holds them.
 *
 * @param stepHart the hart that steps, or -1 for a continue
 * @param range    {@code [start, end)} of a range step, or null
 * @param scope    the harts with an action
 */
record VContActions(int stepHart, long[] range, RunScope scope) {

    static VContActions parse(String actions, int defaultHart, int harts) {
        char[] kind = new char[harts];
        int stepHart = -1;
        long[] range = null;
        boolean any = false;
        for (String part : actions.split(";")) {
            if (part.isEmpty()) {
                continue;
            }
            any = true;
            int colon = part.indexOf(':');
            String action = colon < 0 ? part : part.substring(0, colon);
            if (action.isEmpty()) {
                throw new ProtocolException("vCont action without a name in '" + part + "'");
            }
            char k = action.charAt(0);
            long[] r = null;
            switch (k) {
                case 's', 'S', 'c', 'C' -> {
                }
                case 'r' -> {
                    String[] bounds = action.substring(1).split(",");
                    if (bounds.length != 2) {
                        throw new ProtocolException("vCont;r needs start,end");
                    }
                    r = new long[] {Hex.parse(bounds[0]), Hex.parse(bounds[1])};
                }
                case 't' -> throw new ProtocolException("vCont;t is for non-stop mode, which this stub does not offer");
                default -> throw new ProtocolException("unknown vCont action '" + action + "'");
            }
            int hart = -1;
            if (colon >= 0) {
                int thread = Threads.parse(part.substring(colon + 1));
                hart = Threads.hart(thread, harts);
                if (hart < 0 && thread != Threads.ALL && thread != Threads.ANY) {
                    throw new ProtocolException("no thread " + thread);
                }
            }
            boolean step = k != 'c' && k != 'C';
            if (hart >= 0) {
                if (kind[hart] == 0) {
                    kind[hart] = k;
                    if (step && stepHart < 0) {
                        stepHart = hart;
                        range = r;
                    }
                }
            } else {
                boolean applied = false;
                for (int h = 0; h < harts; h++) {
                    if (kind[h] == 0) {
                        kind[h] = k;
                        applied = true;
                    }
                }
                if (step && applied && stepHart < 0) {
                    stepHart = defaultHart;
                    range = r;
                }
            }
        }
        if (!any) {
            throw new ProtocolException("vCont without an action");
        }
        long moving = 0;
        for (int h = 0; h < harts; h++) {
            if (kind[h] != 0) {
                moving |= 1L << h;
            }
        }
        boolean all = Long.bitCount(moving) == harts;
        return new VContActions(stepHart, range, all ? RunScope.ALL : new RunScope(moving));
    }
}
