package dev.rewind.eclipse.core;

/** Identifiers of Rewind's Eclipse debug model: the model, the launch type, its attributes and markers. */
public final class RewindDebug {

    /** The debug model identifier of every Rewind debug element. */
    public static final String MODEL_ID = "dev.rewind.eclipse";

    /** The launch configuration type. */
    public static final String LAUNCH_TYPE = "dev.rewind.launch";

    public static final String PLUGIN_ID = "dev.rewind.eclipse.core";

    /** Marker types of Rewind's breakpoints. */
    public static final String LINE_MARKER = PLUGIN_ID + ".lineBreakpointMarker";
    public static final String WATCH_MARKER = PLUGIN_ID + ".watchpointMarker";
    public static final String INSTRUCTION_MARKER = PLUGIN_ID + ".instructionBreakpointMarker";

    private RewindDebug() {
    }
}
