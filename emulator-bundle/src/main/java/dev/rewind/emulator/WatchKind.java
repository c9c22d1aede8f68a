package dev.rewind.emulator;

/** What a watchpoint reacts to. */
public enum WatchKind {
    READ, WRITE, ACCESS;

    public boolean onRead() {
        return this != WRITE;
    }

    public boolean onWrite() {
        return this != READ;
    }
}
