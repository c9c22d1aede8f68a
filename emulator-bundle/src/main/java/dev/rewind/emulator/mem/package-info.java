/** Physical memory: 4 KiB pages, per-page slow-path flags, snapshots that share unchanged pages. */
@org.osgi.annotation.versioning.Version("0.2.0")
package dev.rewind.emulator.mem;
