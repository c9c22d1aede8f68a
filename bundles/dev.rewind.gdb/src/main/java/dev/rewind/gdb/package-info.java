/**
 * Rewind's GDB stub: {@link dev.rewind.gdb.GdbServer} serves a {@link dev.rewind.debug.DebugSession} to gdb
 * over the remote serial protocol (harts as threads, reverse execution, bookmarks through {@code monitor}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.gdb;
