package dev.rewind.mcd.instrument;

import dev.rewind.mcd.api.TraceFrame;
import java.util.List;

/**
 * A trace of the machine that the MCD trace functions ({@code mcd_qry_traces_f}, {@code mcd_qry_trace_state_f},
 * {@code mcd_read_trace_f}) show beside the back end's instruction trace, one per core (type EVENT, format EVENT):
 * e.g. the trace bundle's function, trap and memory events of a debug session. Called with the machine stopped.
 * Frames: {@code timestamp} virtual time, {@code source} the hart, {@code cycle} EXECUTE (a function entered at
 * {@code addr}), READ/WRITE (a traced access: {@code addr}, {@code data} the value, {@code dataWidth} its bytes) or
 * NONE (a trap, a return, UART output, an exit: {@code addr} the pc or byte, {@code data} the cause),
 * {@code auxInfo} the source's own event code.
 */
public interface TraceSource {

    /** What it traces, e.g. {@code "calls and traps"}. */
    String name();

    /** Frames of {@code hart} held with a timestamp not later than {@code now} (the current timeline's past). */
    long frames(int hart, long now);

    /** Up to {@code n} of those frames from index {@code start} (0 = the oldest held). */
    List<TraceFrame> read(int hart, long now, long start, int n);
}
