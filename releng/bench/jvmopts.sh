#!/bin/bash
# Whole-process speed of `./rewind run` under JVM option sets, alternating in every round (every second round in
# reverse order). Issue #16.
#
# Usage: releng/bench/jvmopts.sh [--runs N] [--elf "E1 E2 ..."] [--scale K] [--variant 'NAME=OPTS'] ...
#   Every --variant is one set of JVM options, given to the launcher as REWIND_JAVA_OPTS (after the launcher's own
#   options; REWIND_JVM_DEFAULTS=0 in a variant's OPTS, e.g. 'bare=REWIND_JVM_DEFAULTS=0', turns the launcher's
#   default options off instead). Default variants: 'launcher' (the launcher as it is) and 'bare'
#   (REWIND_JVM_DEFAULTS=0: the JVM's own defaults); leading VAR=VALUE words of OPTS set the launcher's environment
#   (e.g. 'scale1=REWIND_RUN_SCALE=0'). 'NAME=REWIND=PATH OPTS' runs another launcher (another tree's
#   ./rewind, e.g. main's built in a copy: 'main=REWIND=/tmp/base/rewind') with OPTS, for an A/B of launcher changes.
#   --elf: guest ELFs (default tests/guest/elf/exit-code-rv32.elf, i.e. start-up only, and bench-rv32.elf);
#   --scale K: bench and work-* ELFs rebuilt with K times their work (tests/guest Makefile SCALE=K, into a temp dir).
# Prints per ELF and variant the medians of: process wall and CPU (user+sys, every thread: JVM start, OSGi,
# compiler threads, GC), the run's own wall time from --stats, and the spread (min-max) of the process CPU time;
# the load average before and after. Also counts hs_err_pid*.log files left in the working directory (a JVM crash).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REWIND=${REWIND:-$ROOT/rewind}
RUNS=5; ELFS="$ROOT/tests/guest/elf/exit-code-rv32.elf $ROOT/tests/guest/elf/bench-rv32.elf"; SCALE=1
VARIANTS=()
while [ $# -gt 0 ]; do
    case $1 in
        --runs) RUNS=$2; shift ;;
        --elf) ELFS=$2; shift ;;
        --scale) SCALE=$2; shift ;;
        --variant) VARIANTS+=("$2"); shift ;;
        *) echo "usage: $0 [--runs N] [--elf LIST] [--scale K] [--variant 'NAME=OPTS'] ..." >&2; exit 2 ;;
    esac
    shift
done
[ ${#VARIANTS[@]} = 0 ] && VARIANTS=("launcher=" "bare=REWIND_JVM_DEFAULTS=0")
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
if [ "$SCALE" != 1 ]; then
    scaled=""
    for e in $ELFS; do
        b=$(basename "$e")
        case $b in
            bench-rv*|work-*)
                make -s -C "$ROOT/tests/guest" SCALE="$SCALE" ELFDIR="$W/elf" BUILDDIR="$W/build" "$W/elf/$b" >/dev/null \
                    || { echo "cannot build $b at scale $SCALE" >&2; exit 1; }
                scaled+="$W/elf/$b " ;;
            *) scaled+="$e " ;;
        esac
    done
    ELFS=$scaled
fi
load() { cut -d' ' -f1-3 /proc/loadavg; }
. "$ROOT/releng/bench/common.sh"
errs() { ls "$ROOT"/hs_err_pid*.log ./hs_err_pid*.log 2>/dev/null | sort -u | wc -l; }
echo "load before: $(load)   runs: $RUNS   scale: $SCALE   $(nproc) cores   hs_err files: $(errs)"
FAILED=0   # a run that failed makes the exit status 1 (after the table)
printf '%-28s %-12s %8s %8s %8s %15s\n' elf variant 'wall s' 'cpu s' 'run s' 'cpu min-max'
for e in $ELFS; do
    declare -A S=()
    for i in $(seq "$RUNS"); do
        order=("${VARIANTS[@]}")   # every second round in reverse order: no variant always runs first or last
        (( i % 2 )) || mapfile -t order < <(printf '%s\n' "${VARIANTS[@]}" | tac)
        for v in "${order[@]}"; do
            bench_variant "$v" "$REWIND"; name=$VARIANT_NAME
            env "${VARIANT_ENV[@]}" REWIND_JAVA_OPTS="$VARIANT_OPTS" /usr/bin/time -f '%e %U %S' -o "$W/time" \
                "$VARIANT_LAUNCHER" run "$e" --stats </dev/null >"$W/out" 2>&1
            read -r w u s < <(tail -1 "$W/time")
            r=$(grep -E '^wall:' "$W/out" | sed -E 's/[^0-9.]*([0-9.]+).*/\1/')
            if [ -z "$r" ]; then
                echo "$name: run of $e failed:" >&2; sed 's/^/  | /' "$W/out" | tail -20 >&2; FAILED=1; continue
            fi
            S[$name.w]+="$w "; S[$name.c]+="$(echo "$u + $s" | bc -l) "; S[$name.r]+="$r "
        done
    done
    for v in "${VARIANTS[@]}"; do
        name=${v%%=*}
        m() { tr ' ' '\n' <<<"${S[$name.$1]:-}" | grep . | median; }
        lo=$(tr ' ' '\n' <<<"${S[$name.c]:-}" | grep . | sort -g | head -1)
        hi=$(tr ' ' '\n' <<<"${S[$name.c]:-}" | grep . | sort -g | tail -1)
        printf '%-28s %-12s %8.3f %8.3f %8.3f %7.2f-%-7.2f\n' "$(basename "$e")" "$name" "$(m w)" "$(m c)" "$(m r)" "$lo" "$hi"
    done
done
echo "variants:"; for v in "${VARIANTS[@]}"; do echo "  ${v%%=*}: ${v#*=}"; done
echo "load after: $(load)   hs_err files: $(errs)"
exit $FAILED
