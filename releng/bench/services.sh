#!/bin/bash
# Step-over latency of a C line through the debug services, forward and backward (ServicesBench).
# Usage: releng/bench/services.sh [--steps N] [--deep]   (--deep adds a run to ~1e8 instructions of hart 0)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/releng/scripts/jdk.sh"
JDK=$(rewind_find_jdk)
cd "$ROOT"
[ "$(rewind_java_feature "$JDK/bin/java")" -ge 24 ] && export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
JAVA_HOME="$JDK" ./mvnw -q -B -o -DskipTests -pl releng/bench -am install >/dev/null
CP=$(JAVA_HOME="$JDK" ./mvnw -q -B -o -pl releng/bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
exec "$JDK/bin/java" -cp "releng/bench/target/classes:$CP" dev.rewind.bench.services.ServicesBench tests/guest/elf "$@"
