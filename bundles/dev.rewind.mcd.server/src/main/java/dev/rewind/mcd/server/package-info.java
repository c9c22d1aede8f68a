/**
 * MCD over QMP-style JSON: {@link dev.rewind.mcd.server.McdWireServer} serves the commands of
 * QEMU's MCD series ({@code qapi/mcd.json}) plus Rewind's additions over TCP, driving any
 * {@link dev.rewind.mcd.api.McdApi}; {@code rewind-open-recording} switches to the session a
 * {@link dev.rewind.mcd.server.SessionOpener} builds. Protocol: docs/WIRE.md of this bundle.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package dev.rewind.mcd.server;
