/** The Rewind launch configuration type: attributes, delegate, source lookup. */
package dev.rewind.eclipse.core.launch;
