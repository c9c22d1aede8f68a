#!/usr/bin/env bash
# Installation test of Rewind's features. PRODUCT is a Rewind Studio that should hold FEATURES (comma separated ids):
# the product built without Rewind, into which the build's p2 director installed them from the update site, or Rewind
# Studio as zipped. Checks the p2 configuration (bundles.info), then starts the product under Xvfb with the self-check
# (dev.rewind.studio.SelfCheck) and checks its report: every dev.rewind bundle of the features resolved or active, the
# launch configuration types and views that the bundles' plugin.xml declare present (each view opened once), the demo
# project and its launch configuration, demo.c open in an editor, a screenshot; no error involving Rewind in the
# workbench log; the workbench closes by itself. Fails on any miss; never runs longer than $STUDIO_TEST_TIMEOUT s.
#   installation-test.sh PRODUCT REPO_ROOT FEATURES WORK
set -uo pipefail
PRODUCT=$1 ROOT=$2 FEATURES=$3 WORK=$4
TIMEOUT=${STUDIO_TEST_TIMEOUT:-240}
failures=0
fail() { echo "installation test: FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "installation test: ok: $*"; }

rm -rf "$WORK" && mkdir -p "$WORK/home"
for tool in xvfb-run xauth timeout setsid; do
  command -v "$tool" >/dev/null || { fail "$tool is missing (apt-get install xvfb xauth)"; exit 1; }
done
# ids of the elements named $2 in the XML file $1 (elements may span lines)
ids_of() { tr '\n' ' ' < "$1" | grep -o "<$2[[:space:]][^>]*>" | sed -n 's/.*[[:space:]]id="\([^"]*\)".*/\1/p'; }

bundles=() launch_types=() views=()
for feature in ${FEATURES//,/ }; do
  xml="$ROOT/features/$feature/feature.xml"
  [ -f "$xml" ] || { fail "no $xml"; continue; }
  for b in $(ids_of "$xml" plugin); do
    case "$b" in dev.rewind.*) bundles+=("$b") ;; esac
  done
done
for b in "${bundles[@]}"; do
  for plugin_xml in "$ROOT/bundles/$b/plugin.xml"; do
    [ -f "$plugin_xml" ] || continue
    launch_types+=($(ids_of "$plugin_xml" launchConfigurationType))
    views+=($(ids_of "$plugin_xml" view))
  done
done
# a view also appears in perspective extensions: once each
[ ${#views[@]} -gt 0 ] && mapfile -t views < <(printf "%s\n" "${views[@]}" | sort -u)
[ ${#bundles[@]} -gt 0 ] || fail "no dev.rewind bundles listed in $FEATURES"
echo "installation test: expecting ${#bundles[@]} bundles, launch types: ${launch_types[*]:-none}, views: ${views[*]:-none}"

# 1. the director installed the bundles into the product's configuration
info="$PRODUCT/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
for b in "${bundles[@]}"; do
  grep -q "^$b," "$info" 2>/dev/null || fail "$b is not in $info"
done

# 2. the product starts with them, under Xvfb, and reports what it has (own process group, killed on any way out)
report="$WORK/report.txt"
start=$(date +%s%N)
HOME="$WORK/home" REWIND_STUDIO_VMARGS="-Drewind.studio.check=$report -Drewind.studio.screenshot=$WORK/studio.png -Duser.home=$WORK/home" \
  setsid timeout -k 10 "$TIMEOUT" xvfb-run -a -s "-screen 0 1280x1024x24" \
  "$PRODUCT/rewind-studio" -data "$WORK/workspace" -nosplash > "$WORK/studio.out" 2>&1 &
studio=$!
trap 'kill -- -$studio 2>/dev/null' EXIT
elapsed() { local ms=$(( ($(date +%s%N) - start) / 1000000 )); echo "$((ms / 1000)).$(printf %03d $((ms % 1000)))"; }
# the report ends with "end"; the workbench must close by itself within 30 s after it
closed_by= killed=
while kill -0 "$studio" 2>/dev/null; do
  if [ -z "$closed_by" ] && grep -qx end "$report" 2>/dev/null; then
    closed_by=$(( $(date +%s) + 30 ))
    echo "installation test: self-check report after $(elapsed)s"
  fi
  if [ -n "$closed_by" ] && [ "$(date +%s)" -gt "$closed_by" ]; then
    fail "the workbench did not close within 30 s after its self-check"
    kill -- -"$studio" 2>/dev/null
    killed=1
    break
  fi
  sleep 0.5
done
wait "$studio"
rc=$?
seconds=$(elapsed)
# errors that Rewind's bundles (or the self-check) caused, as the workbench logged them
log="$WORK/workspace/.metadata/.log"
if [ -f "$log" ]; then
  awk '/^!ENTRY / { if (block != "" && error && block ~ /dev\.rewind/) print first; block = ""; first = $2;
                     error = ($3 == 4) } { block = block "\n" $0; if ($1 == "!MESSAGE" || $1 == "Caused") first = first " | " $0 }
       END { if (block != "" && error && block ~ /dev\.rewind/) print first }' "$log" | sort | uniq -c | sort -rn | head -n 10 \
    > "$WORK/rewind-errors.txt"
  [ -s "$WORK/rewind-errors.txt" ] && { fail "the workbench logged errors involving Rewind:"; cut -c1-400 "$WORK/rewind-errors.txt" >&2; }
fi
if ! grep -qx end "$report" 2>/dev/null; then
  fail "the product did not complete its self-check (exit $rc after ${seconds}s; 124 is the ${TIMEOUT}s timeout)"
  tail -n 40 "$WORK/studio.out" >&2
  exit 1
fi
[ $rc -eq 0 ] || [ -n "$killed" ] || fail "the product exited with $rc after its self-check"
[ -n "$killed" ] || ok "started, self-checked and closed in ${seconds}s"
up=$(awk -F'\t' '$1 == "windowUpMs" { print $2 }' "$report")
echo "installation test: workbench window up ${up:-?} ms after the JVM started"
grep -q "^product	dev.rewind.studio.product$" "$report" || fail "product is not dev.rewind.studio.product"
grep -q "^window	true$" "$report" || fail "no workbench window"
grep "^error	" "$report" >&2 && fail "the self-check hit errors"
for b in "${bundles[@]}"; do
  state=$(awk -F'\t' -v b="$b" '$1 == "bundle" && $2 == b { print $3 }' "$report")
  case "$state" in
    ACTIVE|STARTING|RESOLVED) ok "bundle $b $state" ;;
    *) fail "bundle $b is ${state:-missing}" ;;
  esac
done
for t in "${launch_types[@]}"; do
  grep -q "^launchType	$t	.*	debug=true$" "$report" && ok "launch type $t (debug)" || fail "launch type $t missing"
  grep -q "^launchConfig	.*	$t$" "$report" && ok "the demo's launch configuration ($t)" \
    || fail "no launch configuration of type $t (the demo project's)"
  if [ "$t" = dev.rewind.launch ]; then   # the demo debugs: a target with a thread per hart, stopped on entry
    debug=$(grep "^debugLaunch	" "$report")
    [[ "$debug" == *"	threads=4	suspended=true	"* ]] && ok "the demo launches in debug mode: ${debug//	/ }" \
      || fail "the demo's debug launch: ${debug:-no report}"
  fi
done
for v in "${views[@]}"; do
  grep -q "^view	$v	[^	]*	open	" "$report" && ok "view $v opens" \
    || fail "view $v: $(grep "^view	$v	" "$report" || echo missing)"
done
grep -q "^demoProject	true$" "$report" && ok "demo project imported" || fail "the demo project was not imported"
editor=$(awk -F'\t' '$1 == "editor" { print $3 }' "$report")
case "$editor" in
  *Editor*) [[ "$editor" == *Error* ]] && fail "src/demo.c: $editor" || ok "src/demo.c opens in $editor" ;;
  *) fail "src/demo.c does not open in an editor: ${editor:-no report}" ;;
esac
[ "$(head -c 4 "$WORK/studio.png" 2>/dev/null | tail -c 3)" = PNG ] && ok "screenshot $WORK/studio.png" \
  || fail "no screenshot of the workbench"
if [ $failures -ne 0 ]; then
  echo "installation test: $failures failure(s); report: $report, log: $WORK/workspace/.metadata/.log" >&2
  exit 1
fi
echo "installation test: passed"
