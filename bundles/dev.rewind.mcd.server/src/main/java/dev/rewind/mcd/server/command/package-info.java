/** The {@code rewind mcd} Gogo command: the wire server from the command line. Not exported. */
package dev.rewind.mcd.server.command;
