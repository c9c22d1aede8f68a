package dev.rewind.mcd.timetravel;

/**
 * The {@code mcd_execute_command_f} strings Rewind understands (also documented in the
 * bundle's docs/C-TO-JAVA.md and the wire server's WIRE.md). Words are separated by blanks;
 * numbers are decimal or 0x-hex. Results are single-line strings of {@code key=value} pairs.
 *
 * <pre>
 * time                          → "time=&lt;t&gt;"
 * reverse-step [n]              → "time=&lt;t&gt; hart=&lt;h&gt; trig=&lt;id&gt; reason=&lt;r&gt;"
 * reverse-continue              → same
 * reverse-to-write &lt;addr&gt; [len]  → same; hart = the writer ("who wrote this?", len default 4)
 * goto-time &lt;t&gt;                 → same
 * bookmark-add &lt;name&gt;           → "bookmark=&lt;name&gt; time=&lt;t&gt;"
 * bookmark-goto &lt;name&gt;          → same as goto-time
 * bookmark-delete &lt;name&gt;        → "deleted=&lt;name&gt;"
 * bookmark-list                 → "&lt;name&gt;=&lt;t&gt; …" (time order)
 * record &lt;file&gt;                 → "recorded=&lt;file&gt; end=&lt;t&gt;" (saves the session as a recording)
 * recording-verify              → same as goto-time, at the opened recording's end (error if the hash differs)
 * hold [&lt;hart&gt; … | none]       → "hold=&lt;harts&gt; held=&lt;harts&gt;": sets the harts global runs and steps leave
 *                                 stopped ({@link TimeTravel#hold}; without arguments only reports), and the
 *                                 harts the machine holds now; hart lists are comma-separated, "none" if empty
 * help                          → the command list
 * </pre>
 */
public final class TimeTravelCommands {
    private TimeTravelCommands() {
    }

    public static final String TIME = "time";
    public static final String REVERSE_STEP = "reverse-step";
    public static final String REVERSE_CONTINUE = "reverse-continue";
    public static final String REVERSE_TO_WRITE = "reverse-to-write";
    public static final String GOTO_TIME = "goto-time";
    public static final String BOOKMARK_ADD = "bookmark-add";
    public static final String BOOKMARK_GOTO = "bookmark-goto";
    public static final String BOOKMARK_DELETE = "bookmark-delete";
    public static final String BOOKMARK_LIST = "bookmark-list";
    public static final String HELP = "help";
    public static final String RECORD = "record";
    public static final String RECORDING_VERIFY = "recording-verify";
    public static final String HOLD = "hold";

    /** A hart mask as "0,2,3", or "none". */
    public static String harts(long mask) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            if ((mask >>> i & 1) != 0) {
                b.append(b.isEmpty() ? "" : ",").append(i);
            }
        }
        return b.isEmpty() ? "none" : b.toString();
    }

    public static String format(TimeTravel.StopInfo s) {
        return "time=" + s.time() + " hart=" + s.hart() + " trig=" + s.trigId() + " reason=" + s.reason();
    }
}
