/** The {@code rewind gdb} Gogo command. Not exported. */
package dev.rewind.gdb.command;
