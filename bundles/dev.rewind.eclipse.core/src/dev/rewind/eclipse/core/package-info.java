/** Rewind on Eclipse Platform Debug: identifiers and bounded waits. */
package dev.rewind.eclipse.core;
