# JVM options for the headless runtime by subcommand. Sourced by ./rewind after it set JDK, JAVA_FEATURE, RUNTIME,
# SUB (the subcommand) and JVM_OPTS; appends to JVM_OPTS. Figures: releng/bench/jvmopts.sh and releng/bench/README.md.
# rewind_jvm_opts ARGS...: the command line's arguments (run's guest ELF decides one option below).
#   REWIND_JVM_DEFAULTS=0  none of the options below (the JVM's own defaults)
#   REWIND_AOT=0           no AOT cache (see below)
rewind_jvm_opts() {
  [ "${REWIND_JVM_DEFAULTS:-1}" = 0 ] && return 0
  # Commands that run no guest, or a short one (demo: ~3 M instructions and one reverse search), are served by
  # HotSpot's C1 alone: about a third less CPU (C2 spends it on JDK and Felix code that runs once), the same answer.
  # So is dap (REWIND_DAP_C1=0: tiered): F5 to the first stop ~0.5 s sooner, and a debug session's guest, which
  # runs with history, was not slower on C1 (1.1 G instructions: 1.6 vs 3.2 s CPU; 5.5 G: 7.0 vs 8.1 s CPU).
  case "$SUB" in
    ""|help|--help|-h|version|bundles|ping|demo) JVM_OPTS+=(-XX:TieredStopAtLevel=1) ;;
    dap) [ "${REWIND_DAP_C1:-1}" != 0 ] && JVM_OPTS+=(-XX:TieredStopAtLevel=1) ;;
  esac
  # run: no on-stack replacement. A translated region returns to the dispatcher at least once per slice, so it gets
  # its ordinary compilation soon enough; OSR only compiled the big region methods a second time (C1 and C2, ~20 OSR
  # compilations on bench-rv32). Process CPU, alternating (releng/bench/README.md): bench-rv32 1.1 G instructions
  # 2.94 -> 2.66 s, x10 8.24 -> 7.92 s; work-list/-matmul/-mem and start-up unchanged; 4 harts (quantum 1000) not slower.
  [ "$SUB" = run ] && JVM_OPTS+=(-XX:-UseOnStackReplacement)
  # run: HotSpot's compile thresholds x10 for everything but the engine (and ASM, its translator's), whose thresholds
  # stay as they were (the per-method scale multiplies the global one). Start-up code (Felix, SCR, Gogo, picocli, the
  # JDK's) ran hot enough for ~180 C2 compilations in the first second, which competed on the compiler threads and the
  # cores with the guest's warm-up; C1 compiles it later too. Start-up alone 0.76 -> 0.53 s CPU (C1 only: 0.51);
  # scaled guests as a whole process -0.25..-0.34 s CPU (releng/bench/README.md). REWIND_RUN_SCALE=0: off.
  # The translated regions (JitRegion*::run; the last matching command wins) get 3x their old thresholds: with C2's
  # queue no longer full of start-up code, C2 compiled a region sooner after its threshold, before its warm calls
  # (cpu/JitControl.cap) had swept the budget exits, and work-matmul-rv32 ran ~30% slower in some runs (5 of 15).
  if [ "$SUB" = run ] && [ "${REWIND_RUN_SCALE:-1}" != 0 ]; then
    JVM_OPTS+=(-XX:CompileThresholdScaling=10 -XX:CompileCommand=quiet
      "-XX:CompileCommand=CompileThresholdScaling,dev.rewind.emulator.*::*,0.1"
      "-XX:CompileCommand=CompileThresholdScaling,org.objectweb.asm.*::*,0.1"
      "-XX:CompileCommand=CompileThresholdScaling,dev.rewind.emulator.cpu.JitRegion*::run,0.3")
  fi
  # run: C2 never compiles the engine's block interpreter (BlockExec.exec, a 2,700-byte switch over every operation):
  # C1 does (tier 1: full C1, no profiling), by the compiler directives of releng/scripts/run-directives.json (which
  # also keep C1 from inlining into the translated regions: a shorter warm-up, figures there). It runs
  # cold blocks only (a guest's hot blocks run in translated regions), but its C2 compilations (three on bench-rv64:
  # after the warm-up loop's profile, then the guest's) took 806 ms of C2's 2.9 s there (JFR, load ~8), while the
  # regions' C2 compilations waited behind them during the guest's warm-up. PlainRun with the run's flags, cpu-mips,
  # alternating, load 5-9: work-mix-rv64 median of 6 rounds 1,526 with / 1,535 without, work-mix-rv32 1,632 / 1,583,
  # bench-rv32 2,358 / 2,411 (3 rounds): no loss once warm. Whole process (jvmopts.sh, ~5 s guests, 3 alternating
  # rounds, load 4.7-8.3), process CPU with / without: bench 4.67/4.82 s (RV32), 5.73/5.68 (RV64); work-mix
  # 5.12/5.35, 5.29/5.43; work-matmul 3.70/3.75, 4.08/4.11; work-fsm 3.81/3.90, 4.46/4.56. At load ~1, wall s: bench
  # 4.15/4.31, 5.21/5.13; work-mix 4.52/4.68, 4.80/4.95; work-matmul 3.48/3.44, 3.81/3.83; work-fsm 3.82/4.09, 4.48/4.58.
  # CoreMark-25k, the main thread's warm-up: 658/740 ms (RV32), 674/711 (RV64) (releng/bench/README.md).
  # -DisplayVMOutput: HotSpot prints "1 compiler directives added" on standard output, the guest's console (it also
  # silences SIGQUIT thread dumps, jcmd PID Thread.print still works, and -XX:+PrintCompilation in REWIND_JAVA_OPTS
  # needs -XX:+DisplayVMOutput with it). REWIND_RUN_DIRECTIVES=0: off. Only when the file exists (a missing directives
  # file stops the JVM).
  if [ "$SUB" = run ] && [ "${REWIND_RUN_DIRECTIVES:-1}" != 0 ] && [ -f "$ROOT/releng/scripts/run-directives.json" ]; then
    JVM_OPTS+=(-XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput
      "-XX:CompilerDirectivesFile=$ROOT/releng/scripts/run-directives.json")
  fi
  # run: C1 compiles a translated region once, at tier 3, even while C2's queue is long (-XX:Tier3DelayOn, default 5 per
  # C2 thread; over it HotSpot compiled at tier 2 and then again at tier 3: 147 + 147 C1 compilations of JitRegion::run
  # for 121 region classes in a PlainRun of CoreMark-25k-rv32, C1 1.87 s of CPU). Measured (seventeenth session,
  # releng/bench/warmup.sh, medians): on a loaded machine (load 3-7) CoreMark-2k's main-thread warm-up excess 596 -> 511
  # ms (RV32), 555 -> 552 (RV64); on an idle one (5 rounds, the tree before this session against it) wall s
  # CoreMark-100 0.67 -> 0.63 (RV32) and 0.62 -> 0.63 (RV64), CoreMark-2k 1.07 -> 1.19 and 1.17 -> 1.09, CoreMark-25k
  # 4.38 -> 4.33 and 4.41 -> 4.58, process CPU s 1.22 -> 1.09, 1.11 -> 1.17, 1.93 -> 1.91, 1.99 -> 1.80, 5.57 -> 5.48,
  # 5.51 -> 5.56: less compile work, wall within its noise. (Foreground C1 for the regions as well, measured with it:
  # run-directives.json.) REWIND_RUN_TIER3=0: no Tier3DelayOn.
  # The flag is HotSpot's since JDK 8 (checked on 17 and 25); given for JDK 21 to 25 only (an unknown flag stops the JVM).
  if [ "$SUB" = run ] && [ "${REWIND_RUN_TIER3:-1}" != 0 ] && [ "${JAVA_FEATURE:-0}" -ge 21 ] \
      && [ "${JAVA_FEATURE:-0}" -le 25 ]; then
    JVM_OPTS+=(-XX:Tier3DelayOn=100000)
  fi
  # run, RV64 guests: C2 spills to the stack only, not to XMM registers (-XX:-UseFPUForSpilling; it changes register
  # allocation only, not what the code computes). The translated regions keep a guest's 31 registers in long locals and
  # C2 spills many of them (~4% of the regions' x86 instructions were XMM moves on work-mix-rv64). PlainRun, JVM
  # defaults with / without, cpu-mips medians of 4 alternating rounds (SCALE=5 guests, CoreMark-25k, load 5-7):
  # bench +13%, work-fsm +8%, work-mem +4%, work-calls +3%, work-crc +2%, work-matmul +2%, work-list even, work-mix -2%,
  # CoreMark -0.5% (+6% in another 3-round run); RV32 was mixed (work-list/-fsm/-crc/-mix/bench +3..5%, work-calls -4%,
  # CoreMark -3%, -5% in another run), so RV32 guests keep the default. The guest's class is read from the first ELF argument (byte 4
  # of its header). REWIND_RUN_SPILL=0: off. Whole process, process CPU s without / with (3 rounds, load 4-7): bench-rv64
  # 4.87 / 4.40, work-fsm 2.91 / 2.69, CoreMark 9.33 / 8.99, the rest even (work-mix 4.41 / 4.34 in 6 rounds); C2
  # emits ~20% less code for the regions (releng/bench/README.md).
  if [ "$SUB" = run ] && [ "${REWIND_RUN_SPILL:-1}" != 0 ] && [ "$(rewind_elf_class "$@")" = 2 ]; then
    JVM_OPTS+=(-XX:-UseFPUForSpilling)
  fi
  # run with REWIND_RUN_COMPILERS=1 (opt-in), machines of fewer than 4 processors: 3 compiler threads (1 C1, 2 C2)
  # instead of the 2 (1 C1, 1 C2) HotSpot gives such machines (from 4 processors on HotSpot starts 3 or more itself, so nothing is given there). A guest's
  # regions wait for C2 in one queue: CoreMark-25k defines ~65 region classes in its first 1e7 instructions and their
  # C2 compilations take ~2 s of compiler-thread time, while the main thread runs them in C1's tiers 2/3. Measured on
  # 2 processors, 2 -> 3 threads (2026-12-07, fourteenth session, alternating rounds, load 2-9 from other runs):
  # warmup.sh, main thread's warm-up excess over its steady state, ms: CoreMark-25k RV32 782 -> 628, 865 -> 684, RV64
  # 828 -> 563, 754 -> 576 (3-4 rounds each); ~5 s guests (load 3-5, 3 rounds) work-mix-rv64 301 -> 265, work-mix-rv32
  # 335 -> 294, work-mem-rv32 150 -> 138, work-mem-rv64 194 -> 134, work-crc-rv32 106 -> 105, bench-rv64 382 -> 351;
  # process CPU even there (-2..+1%), wall 5 of 6 lower. jvmopts.sh CoreMark-25k process CPU s, 5 rounds: RV32
  # 7.14 -> 6.84 and 7.88 -> 7.63, RV64 7.37 -> 7.35 and 7.28 -> 7.30. After merging main (the state branch's regions,
  # load 4-6): warmup.sh CoreMark warm-up 921 -> 820 (RV32), 749 -> 843 (RV64), main-thread CPU 5.04 -> 5.01 and
  # 5.18 -> 5.16 s; jvmopts.sh 3 rounds, CoreMark-25k + 16 ~5 s guests: process CPU within -7..+7% either way, wall
  # lower on 9 of 18: a small gain on the main thread, within the noise of whole-process figures on this loaded
  # machine. Off by default: the lead's check on the final engine (idle machine, load 0.9-1.1, ./rewind run, 3
  # alternating rounds, medians, wall s off -> on): work-mem-rv64 (SCALE=5) 1.92 -> 2.01 (later in all 3 rounds; the
  # thinnest whole-process margin of the project's guests), work-mix-rv32 3.40 -> 3.41, work-mix-rv64 3.19 -> 3.19,
  # work-list-rv32 1.98 -> 2.00: no gain where a third thread shares 2 processors with the guest's thread.
  if [ "$SUB" = run ] && [ "${REWIND_RUN_COMPILERS:-0}" = 1 ] && [ "$(rewind_cpus)" -lt 4 ]; then
    JVM_OPTS+=(-XX:CICompilerCount=3)
  fi
  # dap: JVM messages never go to standard output (the DAP stream), with or without a cache
  [ "$SUB" = dap ] && JVM_OPTS+=(-Xlog:disable -Xlog:all=warning:stderr)
  # JDK 25+, every command (dap too, unless it uses its opt-in class-data archive, REWIND_DAP_CDS=1): start from an AOT
  # cache (JEP 483/514/515) of the classes of the JDK, of rewind.jar (the launcher and Felix) and of the bundles that the
  # training run loaded (from Felix's class loaders), loaded, linked and profiled ahead of time: about 0.3 s less
  # CPU per start. A cache that is missing or older than rewind.jar or the JDK is written by a background JVM at low
  # priority (a training run: `rewind dap --train`, one DAP session on the bundled demo, ~4 s of CPU) and used from the
  # next start on; a cache the JVM cannot use is ignored (it starts without it). JVM messages go to standard error.
  # One cache per JDK and runtime folder (by their paths): the JVM takes a cache's classes even when rewind.jar is now
  # elsewhere (a copied or moved runtime), and the launcher's classes then name the folder the cache was written from
  # as their code source, so the runtime is also named explicitly (-Drewind.runtime): a copy never starts the bundles
  # of the original.
  # 120 starts from such caches (run, demo, bundles, version; Temurin 25.0.3) met no JVM crash and no hs_err file,
  # nor did 120 F5s of dap (initialize, launch, stop, disconnect: dap-adapter/tests/bench/f5-stress.mjs).
  # run: the jars of the run command and the engine on the JVM's class path (RUN_CP, which ./rewind then starts the
  # launcher with): a run with no user plugin calls the run command without the OSGi runtime (launcher FlatRun), and
  # from the class path the AOT cache holds its classes loaded and linked (from a class loader of the launcher's it
  # holds them loaded only): parsing the options and loading the ELF ~95 -> ~50 ms of the main thread's CPU. Bundles
  # never see these copies (Felix's bundles delegate to the boot loader only). REWIND_RUN_CP=0: off.
  RUN_CP=
  [ "$SUB" = run ] && [ "${REWIND_RUN_CP:-1}" != 0 ] && rewind_run_cp
  if [ "${REWIND_AOT:-1}" != 0 ] && [ "${JAVA_FEATURE:-0}" -ge 25 ] && [ -f "$RUNTIME/rewind.jar" ] \
      && { [ "$SUB" != dap ] || [ "${REWIND_DAP_CDS:-}" != 1 ]; }; then
    # `run` has a cache of its own, trained on `run` itself (`rewind train-run`: the bundled demo on 4 harts, with the
    # bundles `run` starts): ~0.11 s less CPU per start than the DAP-trained one, whose profiles make the JIT compile
    # code of the debug path that `run` never calls (start-up only: 0.85 -> 0.74 s CPU; bench-rv32: 2.70 -> 2.49 s)
    local aot kind= train=(dap --train) lazy=-Drewind.lazy=false
    # (trained on the flat run, launcher FlatRun, and holding only its classes: a run with user plugins, which goes
    # through OSGi, starts from the general cache, which holds every bundle's classes)
    [ "$SUB" = run ] && ! rewind_user_plugins "$@" && kind=run- && train=(train-run) && lazy=-Drewind.lazy=true
    # (the checksum is kept in runtime/.aot-sum with the JDK and the runtime folder it is of: a start runs no cksum)
    local sum= of=
    [ -f "$RUNTIME/.aot-sum" ] && read -r sum of < "$RUNTIME/.aot-sum"
    if [ -z "$sum" ] || [ "$of" != "$JDK:$RUNTIME" ]; then
      sum=$(printf '%s\n%s' "$JDK" "$RUNTIME" | cksum | cut -d' ' -f1)
      { echo "$sum $JDK:$RUNTIME" > "$RUNTIME/.aot-sum"; } 2>/dev/null
    fi
    aot="$RUNTIME/aot-$kind$sum.aot"
    # (run's cache is of the class path with the run's jars: newer than each of them, and trained with them; the
    # general cache, which a run with user plugins starts from, is trained from rewind.jar alone as for every command)
    local fresh=1 jar launch=(-jar "$RUNTIME/rewind.jar")
    if [ -n "$RUN_CP" ] && [ "$kind" = run- ]; then
      launch=(-cp "$RUN_CP" dev.rewind.launcher.Main)
      local IFS=:
      for jar in $RUN_CP; do [ "$aot" -nt "$jar" ] || fresh=0; done
      unset IFS
    fi
    if [ "$fresh" = 1 ] && [ -f "$aot" ] && [ "$aot" -nt "$RUNTIME/rewind.jar" ] && [ "$aot" -nt "$JDK/lib/modules" ]; then
      JVM_OPTS+=(-Xlog:disable -Xlog:all=warning:stderr "-XX:AOTCache=$aot" "-Drewind.runtime=$RUNTIME")
      # run: the cache's classes but not its training profiles (JEP 515). The training run's profiles of the engine's
      # slice loop (the bundled demo on 4 harts) made C2 compile it for that run, not for the guest's: ./rewind run of
      # work-calls (x7, ~5.6 G instructions) 5.56 -> 4.96 s wall (RV32) and 5.70 -> 4.81 s (RV64), 3 alternating rounds,
      # load ~1; bench, fsm, matmul, mem within noise (releng/bench/README.md). JDK 25 only, where the diagnostic flag
      # was checked (an unknown -XX flag stops the JVM).
      [ "$SUB" = run ] && [ "$JAVA_FEATURE" = 25 ] && JVM_OPTS+=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining)
    else
      # one writer at a time; a lock left by a killed writer is taken over after 10 minutes
      find "$aot.lock" -maxdepth 0 -mmin +10 -exec rm -rf {} + 2>/dev/null
      if mkdir "$aot.lock" 2>/dev/null; then
        rm -f "$aot".*.tmp "$aot".*.tmp.config   # a killed writer's (no writer lives longer than the lock's 10 min)
        # in a process group of its own (set -m): a client that ends the adapter's group (a test harness, an editor)
        # does not end the writer with it
        set -m
        (
          trap 'rm -rf "$aot.lock" "$aot.$$.tmp" "$aot.$$.tmp.config"' EXIT
          # dap: after the adapter ($$, which execs java) has ended, so that the training run never competes with the
          # session's first steps (the cache serves the next start anyway)
          if [ "$SUB" = dap ]; then while kill -0 $$ 2>/dev/null; do sleep 2; done; fi
          jar0=$(stat -c %Y.%s "$RUNTIME/rewind.jar")
          # no user plugins in the training run (they would not be cached anyway); at most 5 minutes
          # (the training session's messages stay out of a DAP trace, REWIND_DAP_TRACE)
          # dap --train with every bundle started (-Drewind.lazy=false): the classes of every command's bundles cached
          REWIND_DAP_TRACE= timeout 300 nice -n 10 "$JDK/bin/java" --sun-misc-unsafe-memory-access=allow -Xlog:disable \
            -Xlog:all=warning:stderr "-XX:AOTCacheOutput=$aot.$$.tmp" "$lazy" "${launch[@]}" \
            --plugins "$RUNTIME/no-plugins" "${train[@]}" \
            && [ -s "$aot.$$.tmp" ] && [ "$(stat -c %Y.%s "$RUNTIME/rewind.jar")" = "$jar0" ] \
            && mv -f "$aot.$$.tmp" "$aot"   # not if a build replaced rewind.jar meanwhile
        ) </dev/null >/dev/null 2>&1 &
        set +m
      fi
    fi
  fi
}

# rewind_user_plugins ARGS...: whether the plugins folder holds a jar (the launcher's LaunchOptions: --plugins DIR or
# --plugins=DIR before the subcommand, else $REWIND_PLUGINS, else $XDG_CONFIG_HOME or ~/.config, /rewind/plugins).
rewind_user_plugins() {
  local config=${XDG_CONFIG_HOME:-${HOME:-}/.config} dir f
  dir=${REWIND_PLUGINS:-$config/rewind/plugins}
  while [ $# -gt 0 ]; do
    case $1 in
      --plugins) dir=${2:-}; shift 2 || break ;;
      --plugins=*) dir=${1#--plugins=}; shift ;;
      *) break ;;
    esac
  done
  for f in "$dir"/*.jar; do [ -e "$f" ] && return 0; done
  return 1
}

# rewind_run_cp: RUN_CP = rewind.jar and the jars of the run without OSGi (launcher FlatRun.JARS, the same names), or
# nothing when one is missing. Bash's globs only: no program is run.
rewind_run_cp() {
  local n f cp="$RUNTIME/rewind.jar"
  for n in dev.rewind.shell dev.rewind.emulator dev.rewind.plugin.api dev.rewind.plugins picocli asm; do
    f=("$RUNTIME/bundles/$n"-[0-9]*.jar)
    [ ${#f[@]} = 1 ] && [ -f "${f[0]}" ] || return 0
    cp+=":${f[0]}"
  done
  RUN_CP=$cp
}

# rewind_elf_class ARGS...: the ELF class (1: 32-bit, 2: 64-bit) of the first argument that is an ELF file, or nothing.
# Bash's read, no od: the header's first 5 bytes (0x7f 'E' 'L' 'F' class) are ASCII and hold no NUL or newline.
rewind_elf_class() {
  local a h
  for a in "$@"; do
    [ -f "$a" ] && [ -r "$a" ] || continue
    h=; IFS= read -r -d '' -n 5 h < "$a" 2>/dev/null
    case $h in
      $'\x7fELF\x01') echo 1; return ;;
      $'\x7fELF\x02') echo 2; return ;;
      $'\x7fELF'*) return ;;
    esac
  done
}

# rewind_cpus: the processors this process may run on (its affinity, as HotSpot counts them without a cgroup limit),
# from /proc/self/status by bash alone (no nproc); 4 when that cannot be read
rewind_cpus() {
  local k v n=0 r lo hi
  while read -r k v; do
    [ "$k" = Cpus_allowed_list: ] || continue
    for r in ${v//,/ }; do
      lo=${r%-*}; hi=${r#*-}
      [[ $lo =~ ^[0-9]+$ && $hi =~ ^[0-9]+$ ]] && n=$((n + hi - lo + 1))
    done
    break
  done < /proc/self/status 2>/dev/null
  [ "$n" -gt 0 ] && echo "$n" || echo 4
}
