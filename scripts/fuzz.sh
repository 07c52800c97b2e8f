#!/usr/bin/env bash
# Builds and runs NewsKit's libFuzzer targets (Fuzz/Fuzz<Target>.swift). See docs/fuzzing.md.
#
#   scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags...]    default: 600 seconds
#   scripts/fuzz.sh all [SECONDS] [flags...]                       each target in turn
#   scripts/fuzz.sh build [TARGET|all]                             build only
#   scripts/fuzz.sh findings TARGET                                group the findings in fuzz-out/TARGET/crashes/
#
# TARGET: html listing robots warc charset decode
#
# Binaries: .build/fuzz/bin/fuzz-TARGET. Corpus: fuzz-out/TARGET/corpus (seeded the first time from
# ../shared/corpus, ../shared/seeds and Fuzz/seeds/TARGET). Findings: fuzz-out/TARGET/crashes/
# (crash-*, timeout-*, oom-*, leak-*). Reproduce one with
#   .build/fuzz/bin/fuzz-TARGET fuzz-out/TARGET/crashes/crash-...
#
# The campaign runs in fork mode (one child process at a time, restarted after a crash, a
# timeout or an OOM), so it goes on past a finding; pass -fork=0 to stop at the first one, or
# FUZZ_JOBS=2 to run two children at once. -timeout=10: an input taking 10 s is a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

targets=(html listing robots warc charset decode)
out=.build/fuzz
mkdir -p "$out/include" "$out/obj" "$out/lib" "$out/bin"

harness_file() {
  case "$1" in
    html) echo Fuzz/FuzzHTML.swift ;;
    listing) echo Fuzz/FuzzListing.swift ;;
    robots) echo Fuzz/FuzzRobots.swift ;;
    warc) echo Fuzz/FuzzWARC.swift ;;
    charset) echo Fuzz/FuzzCharset.swift ;;
    decode) echo Fuzz/FuzzDecodeParse.swift ;;
    *) echo "unknown target '$1' (one of: ${targets[*]} all)" >&2; exit 2 ;;
  esac
}

max_len() {
  case "$1" in
    html|decode) echo 65536 ;;
    listing|warc|charset) echo 32768 ;;
    robots) echo 8192 ;;
  esac
}

# Whether $1 is missing or older than any of the remaining paths (files or folders).
stale() {
  local target="$1"; shift
  [ ! -e "$target" ] && return 0
  [ -n "$(find "$@" -newer "$target" -type f \( -name '*.swift' -o -name '*.c' -o -name '*.h' -o -name '*.o' \) 2>/dev/null | head -1)" ]
}

# The C shim modules (Sources/C*/ with an include/ folder) and the system library each links,
# read from Package.swift (`.target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")])`).
shims() { local d; for d in Sources/C*/; do if [ -d "${d}include" ]; then basename "$d"; fi; done; return 0; }
shim_library() {
  grep -oE "name: \"$1\", linkerSettings: \[\.linkedLibrary\(\"[A-Za-z0-9_+-]+\"" Package.swift | sed -E 's/.*"([^"]+)"$/\1/' | head -1 || true
}
link_flags() { local m l; for m in $(shims); do l="$(shim_library "$m")"; if [ -n "$l" ]; then echo "-l$l"; fi; done; return 0; }

# The library: the C shims compiled with clang, module maps for them, and the layers under
# Sources/NewsKit (HTML, Core, Fetching), each an instrumented module built once (-enable-testing,
# so each harness can `@testable import NewsKitCore` and reach internal API such as TextDecoder).
build_library() {
  local modulemap="$out/include/module.modulemap" m lib h
  : > "$modulemap.tmp"
  for m in $(shims); do
    lib="$(shim_library "$m")"
    {
      printf 'module %s [system] {\n' "$m"
      for h in "$root/Sources/$m/include"/*.h; do printf '  header "%s"\n' "$h"; done
      if [ -n "$lib" ]; then printf '  link "%s"\n' "$lib"; fi
      printf '  export *\n}\n'
    } >> "$modulemap.tmp"
  done
  if cmp -s "$modulemap.tmp" "$modulemap"; then rm "$modulemap.tmp"; else mv "$modulemap.tmp" "$modulemap"; fi
  for m in $(shims); do
    if stale "$out/obj/$m.o" "Sources/$m"; then
      echo "clang Sources/$m/*.c" >&2
      # One object per shim (its .c files concatenated through #include, so one clang call).
      printf '#include "%s"\n' "$root/Sources/$m"/*.c > "$out/obj/$m.all.c"
      clang -c -O1 -g -fsanitize=address -I "Sources/$m/include" "$out/obj/$m.all.c" -o "$out/obj/$m.o"
    fi
  done
  # The layers the harnesses use, in dependency order (the SQLite sink is not fuzzed).
  local layer module folder previous=""
  for layer in NewsKitHTML:HTML NewsKitCore:Core NewsKitFetching:Fetching; do
    module="${layer%%:*}"; folder="Sources/NewsKit/${layer#*:}"
    if stale "$out/lib/$module.o" "$folder" $previous; then
      echo "swiftc $folder as $module (-sanitize=fuzzer,address -O; a few minutes)..." >&2
      # shellcheck disable=SC2046
      if ! swiftc -parse-as-library -O -g -wmo -enable-testing -sanitize=fuzzer,address -package-name NewsKit \
        -module-name "$module" -I "$out/include" -I "$out/lib" \
        -emit-module -emit-module-path "$out/lib/$module.swiftmodule" \
        -c -o "$out/lib/$module.o.tmp" $(find "$folder" -name '*.swift' | sort) > "$out/$module.log" 2>&1; then
        grep -A3 'error:' "$out/$module.log" | head -40 >&2
        echo "building $folder failed (whole log: $out/$module.log); if another edit is in progress there, retry in a minute" >&2
        exit 1
      fi
      mv "$out/lib/$module.o.tmp" "$out/lib/$module.o"
    fi
    previous="$previous $out/lib/$module.o"
  done
}

# One binary per target: its harness file, the shared helpers, the library.
build_target() {
  local t="$1" file bin="$out/bin/fuzz-$1"
  file="$(harness_file "$t")"
  if stale "$bin" "$file" Fuzz/Support "$out"/lib/NewsKit*.o "$out/obj"; then
    echo "swiftc $file -> $bin" >&2
    # (ld.gold's notes on ASan's local stubs are harmless: filtered out.)
    if ! swiftc -parse-as-library -O -g -sanitize=fuzzer,address -package-name NewsKit -module-name "NewsKitFuzz_$t" \
      -I "$out/lib" -I "$out/include" "$file" Fuzz/Support/*.swift \
      "$out"/lib/NewsKit*.o "$out"/obj/*.o $(link_flags) -o "$bin.tmp" 2>&1 |
      { grep -v "Cannot export local symbol '__asan" || true; } >&2; then
      echo "building $bin failed" >&2; exit 1
    fi
    mv "$bin.tmp" "$bin"
  fi
}

# Copies up to $1 files (the rest of the arguments, globs expanded), each cut to the target's
# max_len, into the corpus folder $2.
seed() {
  local limit="$1" dir="$2" len="$3"; shift 3
  local n=0 f
  for f in "$@"; do
    [ -f "$f" ] || continue
    head -c "$len" "$f" > "$dir/$(echo "$f" | tr '/' '_' | sed 's/^[._]*//')"
    n=$((n + 1))
    if [ "$n" -ge "$limit" ]; then break; fi
  done
  return 0
}

seed_corpus() {
  local t="$1" dir="fuzz-out/$1/corpus" len
  len="$(max_len "$t")"
  mkdir -p "$dir"
  if [ -n "$(ls -A "$dir")" ]; then return 0; fi
  echo "seeding $dir" >&2
  shopt -s nullglob
  seed 1000 "$dir" "$len" Fuzz/seeds/"$t"/*
  case "$t" in
    html|decode|charset)
      # Every Korean page (EUC-KR ones included), a sample of the English/German benchmark pages, the text captures.
      seed 200 "$dir" "$len" ../shared/corpus/korean/*/*.html ../shared/corpus/korean/*/*/*.html
      seed 60 "$dir" "$len" ../shared/corpus/aeb-dev/html/*
      seed 60 "$dir" "$len" ../shared/corpus/trafilatura-eval-dev/html/*
      seed 20 "$dir" "$len" ../shared/seeds/* ../shared/corpus/korean/blog_frontmatter/*.md
      # Inputs of past findings kept as test fixtures.
      seed 1000 "$dir" "$len" Tests/NewsKitTests/Fixtures/fuzz/*
      if [ "$t" != decode ]; then
        # html: raw mode is an even first byte; charset: two choice bytes come first (0 0: no
        # Content-Type, no BOM, no meta). Prefix the pages so they are read as pages.
        local prefix='\0'
        if [ "$t" = charset ]; then prefix='\0\0'; fi
        local f
        for f in "$dir"/*; do case "$(basename "$f")" in Fuzz_seeds_*) ;; *) { printf "$prefix"; head -c $((len - 2)) "$f"; } > "$f.tmp" && mv "$f.tmp" "$f" ;; esac; done
      fi ;;
    listing)
      # The shared corpus holds no feeds or sitemaps: hand-written ones in Fuzz/seeds/listing,
      # plus any XML the corpus gains later.
      seed 100 "$dir" "$len" ../shared/corpus/*/*.xml ../shared/corpus/*/*/*.xml ../shared/corpus/*/*/*.rss ;;
    robots|warc) ;;   # Fuzz/seeds/$t only
  esac
  shopt -u nullglob
}

# The findings grouped by where they fail: the harness line of a failed invariant or the
# sanitizer's kind, and the first frame in Sources/ or a harness (from running each again; the
# newest 40). Timeouts are counted, not rerun.
summarize_findings() {
  local t="$1" f report frame what site timeouts=0
  local table="$out/findings-$t.txt"
  : > "$table"
  for f in $(ls -t "fuzz-out/$t/crashes" 2>/dev/null | head -40); do
    f="fuzz-out/$t/crashes/$f"
    case "$(basename "$f")" in
      timeout-*|slow-unit-*) timeouts=$((timeouts + 1)); continue ;;
    esac
    report="$(ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" SWIFT_BACKTRACE=enable=no timeout 120 \
      "$out/bin/fuzz-$t" -timeout=10 -rss_limit_mb=4096 "$f" 2>&1 || true)"
    # (Each pipeline ends in `|| true`: grep finding nothing must not end the script under pipefail.)
    what="$(echo "$report" | grep -m1 -E 'Fatal error|ERROR: (AddressSanitizer|libFuzzer)' | sed -E 's/^==[0-9]+== ?//' | cut -c1-200 || true)"
    [ -n "$what" ] || what="(does not reproduce)"
    case "$what" in
      *"libFuzzer: deadly signal"*) what="$what (a Swift trap: bounds check, overflow, unwrap of nil or precondition)" ;;
    esac
    site="$(echo "$what" | grep -oE '^[^ ]+\.swift:[0-9]+' || echo "$what" | grep -oE 'ERROR: [A-Za-z]+: [a-z-]+' || echo "$what" | cut -c1-60)"
    frame="$(echo "$report" | grep -E '^ +#[0-9]+ .* /[^ ]*/(Sources|Fuzz)/' | grep -v '/Fuzz/Support/' | head -1 | sed -E 's/^ +#[0-9]+ 0x[0-9a-f]+ in //' | cut -c1-160 || true)"
    # No frame in a source file (a stack overflow in compiler-generated code): the first NewsKit symbol.
    [ -n "$frame" ] || frame="$(echo "$report" | grep -E '^ +#[0-9]+ .* in \$s7NewsKit' | head -1 | sed -E 's/^ +#[0-9]+ 0x[0-9a-f]+ in //' | cut -c1-160 || true)"
    printf '%s @ %s\t%s\t%s\n' "$site" "${frame:-?}" "$f" "$what" >> "$table"
  done
  if [ -s "$table" ]; then
    cut -f1 "$table" | sort | uniq -c | sort -rn | while read -r count key; do
      local example
      example="$(grep -F -m1 "$key" "$table" || true)"
      echo "   ${count}x $(echo "$example" | cut -f3)" >&2
      echo "      at ${key#* @ }" >&2
      echo "      e.g. $(echo "$example" | cut -f2)" >&2
    done
  fi
  if [ "$timeouts" -gt 0 ]; then
    echo "   ${timeouts}x timeout (over 10 s), e.g. $(ls -t fuzz-out/"$t"/crashes/timeout-* fuzz-out/"$t"/crashes/slow-unit-* 2>/dev/null | head -1 || true)" >&2
  fi
  return 0
}

run_target() {
  local t="$1" seconds="$2"; shift 2
  build_target "$t"
  seed_corpus "$t"
  mkdir -p "fuzz-out/$t/crashes"
  local dict=() mode=(-fork="${FUZZ_JOBS:-1}" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  if [ -f "Fuzz/dict/$t.dict" ]; then dict=(-dict="$root/Fuzz/dict/$t.dict"); fi
  if [ "$t" = decode ]; then dict=(-dict="$root/Fuzz/dict/html.dict"); fi
  local log
  log="fuzz-out/$t/run-$(date +%Y%m%d-%H%M%S).log"
  echo "== fuzz-$t for ${seconds}s (log: $log)" >&2
  # SWIFT_BACKTRACE=enable=no: a Swift trap goes to libFuzzer's handler (stack trace, artifact)
  # instead of the Swift backtracer, which trips over ASan and can outlive the crashed process.
  (cd "fuzz-out/$t" && ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}" \
    "$root/$out/bin/fuzz-$t" "${mode[@]}" "${dict[@]}" \
      -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=4096 \
      -artifact_prefix=crashes/ -print_final_stats=1 "$@" corpus) 2>&1 | tee "$log" >&2 || true
  # The warc harness's per-process temporary file, left behind by a child that crashed.
  if [ "$t" = warc ]; then find /tmp -maxdepth 1 -name 'newskit-fuzz-warc-*.warc' -mmin +1 -delete 2>/dev/null || true; fi
  # Final stats: fork mode's last progress line (#runs: cov … oom/timeout/crash … time), or the
  # stat:: lines of a -fork=0 run.
  local last runs secs
  last="$(grep -E '^#[0-9]+: cov' "$log" | tail -1 || true)"
  echo "== fuzz-$t final stats" >&2
  if [ -n "$last" ]; then
    runs="$(echo "$last" | sed -E 's/^#([0-9]+):.*/\1/')"
    secs="$(echo "$last" | sed -E 's/.* time: ([0-9]+)s.*/\1/')"
    echo "   $last" >&2
    echo "   $runs runs in ${secs}s: $((runs / (secs > 0 ? secs : 1))) exec/s on average (fork mode restarts included)" >&2
  else
    grep -E '^stat::|DONE' "$log" | sed 's/^/   /' >&2 || true
  fi
  echo "   corpus: $(ls "fuzz-out/$t/corpus" | wc -l) inputs; findings: $(ls "fuzz-out/$t/crashes" | wc -l) in fuzz-out/$t/crashes/" >&2
  summarize_findings "$t"
}

command="${1:?usage: scripts/fuzz.sh TARGET|all|build [SECONDS] [libFuzzer flags...]}"; shift
if [ "$command" = build ]; then
  build_library
  which="${1:-all}"
  if [ "$which" = all ]; then for t in "${targets[@]}"; do build_target "$t"; done; else build_target "$which"; fi
  exit 0
fi
if [ "$command" = findings ]; then
  # Group and explain the findings already in fuzz-out/TARGET/crashes/ (no fuzzing).
  summarize_findings "${1:?usage: scripts/fuzz.sh findings TARGET}"
  exit 0
fi
seconds="${1:-600}"; shift || true
build_library
if [ "$command" = all ]; then
  for t in "${targets[@]}"; do run_target "$t" "$seconds" "$@"; done
else
  harness_file "$command" >/dev/null
  run_target "$command" "$seconds" "$@"
fi
