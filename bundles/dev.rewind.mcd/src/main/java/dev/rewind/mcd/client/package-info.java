/** Small conveniences for MCD clients inside the runtime (opening every core of a system). */
@org.osgi.annotation.versioning.Version("0.1.0")
package dev.rewind.mcd.client;
