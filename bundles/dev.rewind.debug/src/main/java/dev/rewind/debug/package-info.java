/**
 * Rewind's debug services: typed, asynchronous debug sessions over the MCD API, shared by every front end
 * (DAP, GDB, Eclipse, shell). See {@link dev.rewind.debug.DebugSession}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.4.0")
package dev.rewind.debug;
