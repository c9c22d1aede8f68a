/** Rewind views: bookmarks, history, trace, disassembly. */
package dev.rewind.eclipse.ui.views;
