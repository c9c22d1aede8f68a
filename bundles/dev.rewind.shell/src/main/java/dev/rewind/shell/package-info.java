/** Gogo commands of the headless front end (scope {@code rewind}). Nothing exported. */
package dev.rewind.shell;
