#!/bin/bash
# Where the whole-process time of `./rewind run` goes (issue #16): start-up, JIT warm-up, steady state, shutdown.
#
# Usage: releng/bench/warmup.sh [--runs N] [--window INSNS] [--variant 'NAME=OPTS'] ... ELF...
#   Runs `rewind run ELF --stats` with the launcher's and the run's timeline (-Drewind.timeline=true: windows of
#   INSNS instructions, default 1e8), variants alternating in every round ('NAME=OPTS' as in jvmopts.sh: OPTS go to
#   REWIND_JAVA_OPTS, but for leading VAR=VALUE words, which set the launcher's environment, e.g. 'x1=REWIND_RUN_SCALE=0';
#   'NAME=REWIND=PATH OPTS' runs another tree's launcher). Prints per ELF and variant the medians of:
#     start   main thread CPU ms when the machine was loaded (JVM, Felix, bundles, options, ELF: before the guest)
#     st-wall the same moment in wall ms since the JVM started
#     steady  main thread CPU ms per window in the steady state (median of the second half's windows)
#     warm    the warm-up's excess: main thread CPU ms of all windows minus windows x steady
#     settle  the first window from which every window is within 15% of steady (its end, in instructions)
#     after   process wall ms minus the JVM's uptime at the guest's end: the launcher script and the JVM's creation
#             before its uptime starts, the runtime's stop and the JVM's exit after the guest
#     cpu     process CPU s (user+sys, every thread: the compiler threads' share is cpu - main thread CPU)
#     main    main thread CPU s at the end of the run;  wall: process wall s
# CPU figures are steadier than wall figures when the machine is loaded (load is printed before and after). Exits 1
# when a run failed.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
REWIND=${REWIND:-$ROOT/rewind}
RUNS=3; WINDOW=100000000; VARIANTS=(); ELFS=()
while [ $# -gt 0 ]; do
    case $1 in
        --runs) RUNS=$2; shift ;;
        --window) WINDOW=$2; shift ;;
        --variant) VARIANTS+=("$2"); shift ;;
        -*) echo "usage: $0 [--runs N] [--window INSNS] [--variant 'NAME=OPTS'] ... ELF..." >&2; exit 2 ;;
        *) ELFS+=("$1") ;;
    esac
    shift
done
[ ${#VARIANTS[@]} = 0 ] && VARIANTS=("launcher=")
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
. "$ROOT/releng/bench/common.sh"
load() { cut -d' ' -f1-3 /proc/loadavg; }
# the figures of one run's output (timeline on stderr, /usr/bin/time's last line): "start stwall steady warm settle after"
figures() {
    awk -v end_ms="$2" '
        /timeline .* machine loaded/ { st = $(NF - 2); stw = $2 }
        /timeline .* instructions: window/ { n++; c[n] = $(NF - 2) - prev; prev = $(NF - 2); if (n == 1) c[1] = $(NF - 2) - st
            ins[n] = $7; gsub(",", "", ins[n]); last = $2 }
        END {
            m = int(n / 2); k = 0
            for (i = n - m; i < n; i++) s[++k] = c[i]   # the second half but the last (partial) window
            for (i = 2; i <= k; i++) for (j = i; j > 1 && s[j - 1] > s[j]; j--) { t = s[j]; s[j] = s[j - 1]; s[j - 1] = t }
            steady = (k % 2) ? s[(k + 1) / 2] : (s[k / 2] + s[k / 2 + 1]) / 2
            tot = 0; for (i = 1; i < n; i++) tot += c[i]
            settle = 0; for (i = n - 1; i >= 1; i--) if (c[i] > 1.15 * steady) { settle = ins[i]; break }
            printf "%d %d %.1f %d %d %d\n", st, stw, steady, tot - (n - 1) * steady, settle, end_ms - last
        }' "$1"
}
echo "load before: $(load)   runs: $RUNS   window: $WINDOW   $(nproc) cores"
FAILED=0   # a run that failed makes the exit status 1 (after the table)
printf '%-22s %-12s %7s %7s %7s %7s %8s %7s %7s %7s %7s\n' elf variant start st-wall steady warm settle after cpu main wall
for e in "${ELFS[@]}"; do
    declare -A S=()
    for i in $(seq "$RUNS"); do
        for v in "${VARIANTS[@]}"; do
            bench_variant "$v" "$REWIND"; name=$VARIANT_NAME
            env "${VARIANT_ENV[@]}" REWIND_JAVA_OPTS="$VARIANT_OPTS -Drewind.timeline=true -Drewind.timeline.window=$WINDOW" \
                /usr/bin/time -f '%e %U %S' -o "$W/time" "$VARIANT_LAUNCHER" run "$e" --stats </dev/null >"$W/out" 2>&1
            read -r w u s < <(tail -1 "$W/time")
            if ! grep -q '^wall:' "$W/out"; then echo "$name: run of $e failed" >&2; tail -5 "$W/out" >&2; FAILED=1; continue; fi
            main=$(grep 'timeline .*window' "$W/out" | tail -1 | awk '{print $(NF - 2)}')
            read -r st stw steady warm settle after < <(figures "$W/out" "$(echo "$w * 1000 / 1" | bc)")
            for f in st stw steady warm settle after; do S[$name.$f]+="${!f} "; done
            S[$name.cpu]+="$(echo "$u + $s" | bc -l) "; S[$name.main]+="$(echo "$main / 1000" | bc -l) "; S[$name.w]+="$w "
        done
    done
    for v in "${VARIANTS[@]}"; do
        name=${v%%=*}
        m() { tr ' ' '\n' <<<"${S[$name.$1]:-}" | grep . | median; }
        printf '%-22s %-12s %7.0f %7.0f %7.1f %7.0f %8.2g %7.0f %7.2f %7.2f %7.2f\n' "$(basename "$e")" "$name" "$(m st)" \
            "$(m stw)" "$(m steady)" "$(m warm)" "$(m settle)" "$(m after)" "$(m cpu)" "$(m main)" "$(m w)"
    done
done
echo "variants:"; for v in "${VARIANTS[@]}"; do echo "  ${v%%=*}: ${v#*=}"; done
echo "load after: $(load)"
exit $FAILED
