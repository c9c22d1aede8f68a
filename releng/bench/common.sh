# Shared by the bench scripts (sourced after they set ROOT and M2).

# bench_asm: the ASM jar of the version the build uses (the root pom's asm.version) in M2.
bench_asm() {
    local v
    v=$(sed -n 's:.*<asm.version>\(.*\)</asm.version>.*:\1:p' "$ROOT/pom.xml" | head -1)
    [ -f "$M2/org/ow2/asm/asm/$v/asm-$v.jar" ] || { echo "no ASM $v in $M2 (build the reactor first)" >&2; return 1; }
    echo "$M2/org/ow2/asm/asm/$v/asm-$v.jar"
}

# bench_classpath DIR MODULE...: copies each MODULE's target/classes (paths below ROOT) into DIR/classes, so that a
# build during the run cannot change them under it, and prints a class path of that copy and ASM.
bench_classpath() {
    local dir=$1 d
    shift
    mkdir -p "$dir/classes"
    for d in "$@"; do
        [ -d "$ROOT/$d/target/classes" ] && cp -r "$ROOT/$d/target/classes/." "$dir/classes/"
    done
    echo "$dir/classes:$(bench_asm)"
}

# median: the median of the numbers on standard input (nothing when there are none).
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# bench_variant 'NAME=OPTS' LAUNCHER: one --variant of jvmopts.sh and warmup.sh. Sets VARIANT_NAME; VARIANT_LAUNCHER
# (LAUNCHER, or PATH when OPTS start with REWIND=PATH: another tree's ./rewind); VARIANT_ENV (OPTS' leading VAR=VALUE
# words: the launcher's environment, e.g. REWIND_JVM_DEFAULTS=0) and VARIANT_OPTS (the rest: REWIND_JAVA_OPTS).
bench_variant() {
    VARIANT_NAME=${1%%=*}; VARIANT_OPTS=${1#*=}; VARIANT_LAUNCHER=$2; VARIANT_ENV=()
    if [[ $VARIANT_OPTS == REWIND=* ]]; then
        VARIANT_LAUNCHER=${VARIANT_OPTS#REWIND=}; VARIANT_LAUNCHER=${VARIANT_LAUNCHER%% *}
        VARIANT_OPTS=${VARIANT_OPTS#REWIND=$VARIANT_LAUNCHER}
    fi
    while [[ $VARIANT_OPTS =~ ^\ *([A-Z][A-Z0-9_]*=[^ ]*)\ *(.*)$ ]]; do
        VARIANT_ENV+=("${BASH_REMATCH[1]}"); VARIANT_OPTS=${BASH_REMATCH[2]}
    done
}
