#!/bin/bash
# Step-over latency of a C line through the debug services, forward and backward (ServicesBench).
# Usage: releng/bench/services.sh [--no-build] [--steps N] [--deep]   (--deep adds a run to ~1e8 instructions of hart 0)
#   --no-build: use the classes of the last build (else: ./mvnw -o -pl releng/bench -am install -DskipTests first)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
M2=${M2:-$HOME/.m2/repository}
. "$ROOT/releng/scripts/jdk.sh"
. "$ROOT/releng/bench/common.sh"
JDK=$(rewind_find_jdk)
cd "$ROOT"
if [ "${1:-}" = --no-build ]; then
    shift
else
    [ "$(rewind_java_feature "$JDK/bin/java")" -ge 24 ] && export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
    JAVA_HOME="$JDK" ./mvnw -q -B -o -DskipTests -pl releng/bench -am install >/dev/null
fi
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
CP=$(bench_classpath "$W" emulator-bundle bundles/dev.rewind.plugin.api bundles/dev.rewind.bus bundles/dev.rewind.mcd \
    bundles/dev.rewind.symbols bundles/dev.rewind.debug releng/bench)
"$JDK/bin/java" -cp "$CP" dev.rewind.bench.services.ServicesBench tests/guest/elf "$@"
