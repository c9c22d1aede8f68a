# `./rewind studio`: starts Rewind Studio (the Eclipse RCP product of releng/studio), building it on first use.
# Sourced by ./rewind with JDK, JAVA_FEATURE and ROOT set; arguments go to the product (e.g. -data WORKSPACE).
#   ./rewind studio [--build] [Eclipse options...]    --build: (re)build, print where the product is, do not start
# REWIND_REBUILD=1 rebuilds too.
rewind_studio() {
  local products="$ROOT/releng/studio/target/products"
  local studio="$products/rewind.studio/linux/gtk/x86_64/rewind-studio"
  local zip="$products/rewind.studio-linux.gtk.x86_64.zip"
  local build_only=
  [ "${1:-}" = --build ] && { build_only=1; shift; }
  if [ -n "$build_only" ] || [ -n "${REWIND_REBUILD:-}" ] || [ ! -x "$studio/rewind-studio" ] || [ ! -f "$zip" ]; then
    echo "rewind: building Rewind Studio (first use: a few minutes, about 200 MB of Eclipse bundles from Maven Central)..." >&2
    local mvn_opts="${MAVEN_OPTS:-}"
    [ "$JAVA_FEATURE" -ge 24 ] && mvn_opts="$mvn_opts --sun-misc-unsafe-memory-access=allow"
    local build=(./mvnw -q -B -DskipTests -pl releng/studio -am verify)
    # offline when everything is in the local Maven repository; online once otherwise
    if ! (cd "$ROOT" && JAVA_HOME="$JDK" MAVEN_OPTS="$mvn_opts" "${build[@]}" -o >/dev/null 2>&1) \
        && ! (cd "$ROOT" && JAVA_HOME="$JDK" MAVEN_OPTS="$mvn_opts" "${build[@]}" >&2); then
      echo "rewind: building Rewind Studio failed; see the messages above" >&2
      return 1
    fi
  fi
  echo "rewind: Rewind Studio: $studio (start script rewind-studio); zip for Linux x86_64: $zip" >&2
  [ -n "$build_only" ] && return 0
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "rewind: Rewind Studio needs a display (DISPLAY is not set); on a headless machine: xvfb-run -a ./rewind studio" >&2
    return 1
  fi
  JAVA_HOME="$JDK" REWIND_JAVA="$JDK/bin/java" exec "$studio/rewind-studio" "$@"
}
