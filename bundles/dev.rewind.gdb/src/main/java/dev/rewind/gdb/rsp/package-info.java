/** Framing of the GDB remote serial protocol: packets, checksums, escapes, run-length encoding, acks. */
package dev.rewind.gdb.rsp;
