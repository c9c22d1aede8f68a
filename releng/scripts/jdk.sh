# Finds a JDK 21 or newer. Sourced by ./rewind and ./test; prints the JDK's home on stdout.
# Order: $JAVA_HOME, then `java` on the PATH, then the JVM folders in $REWIND_JVM_DIRS
# (default: /usr/lib/jvm, /opt/java, sdkman's), newest first.
rewind_java_feature() {
  # prints the feature version (17, 21, 25, ...) of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' | head -n 1 | sed 's/^1\.//; s/\..*//'
}

rewind_find_jdk() {
  local candidates=() home v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local dirs=${REWIND_JVM_DIRS:-"/usr/lib/jvm /opt/java $HOME/.sdkman/candidates/java"}
  local d
  for home in $(for d in $dirs; do ls -d "$d"/*/ 2>/dev/null; done | sort -rV); do
    candidates+=("${home%/}")
  done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    v=$(rewind_java_feature "$home/bin/java")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      echo "$home"
      return 0
    fi
  done
  {
    echo "rewind: no JDK 21 or newer found (looked at \$JAVA_HOME, java on the PATH and /usr/lib/jvm)."
    echo "        Install one, for example 'apt-get install openjdk-21-jdk' (or Temurin 21/25),"
    echo "        or point JAVA_HOME at it."
  } >&2
  return 1
}
