/** The MCD API implemented over Rewind's emulator engine ({@code dev.rewind.emulator}). */
@org.osgi.annotation.versioning.Version("0.3.0")
package dev.rewind.mcd.backend;
