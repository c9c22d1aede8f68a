/** Physical memory: 4 KiB pages, per-page slow-path flags, copy-on-write snapshots. */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.emulator.mem;
