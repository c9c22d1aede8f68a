/**
 * MCD over QMP-style JSON: {@link dev.rewind.mcd.server.McdWireServer} serves the commands of
 * QEMU's MCD series ({@code qapi/mcd.json}) plus Rewind's additions over TCP, driving any
 * {@link dev.rewind.mcd.api.McdApi}. Protocol: docs/WIRE.md of this bundle.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.mcd.server;
