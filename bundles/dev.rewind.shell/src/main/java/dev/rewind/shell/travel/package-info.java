/** The {@code record} and {@code replay} commands: recordings of runs that replay bit-exactly elsewhere. */
package dev.rewind.shell.travel;
