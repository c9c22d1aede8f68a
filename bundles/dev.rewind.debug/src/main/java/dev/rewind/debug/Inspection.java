package dev.rewind.debug;

/** Work on a stopped hart, run on the session's executor by {@link DebugSession#inspect}. */
@FunctionalInterface
public interface Inspection<T> {
    T run(HartAccess hart) throws Exception;
}
