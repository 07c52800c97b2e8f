#!/usr/bin/env bash
# Builds and runs the libFuzzer target for decoding + parsing (Fuzz/FuzzDecodeParse.swift).
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]     default: 600 seconds
#
# Crashes land in fuzz-out/crashes/ (crash-<sha1>); reproduce one with
#   .build/fuzz/newskit-fuzz fuzz-out/crashes/crash-...
# and turn it into a regression test in Tests/NewsKitTests/FuzzRegressionTests.swift
# (Tests/NewsKitTests/Fixtures/fuzz/ holds the inputs).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"; shift || true
mkdir -p .build/fuzz fuzz-out/corpus fuzz-out/crashes
if [ ! -x .build/fuzz/newskit-fuzz ] || [ -n "$(find Sources/NewsKit Fuzz -newer .build/fuzz/newskit-fuzz -name '*.swift' | head -1)" ]; then
  echo "building .build/fuzz/newskit-fuzz (swiftc -sanitize=fuzzer,address)..." >&2
  swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name NewsKitFuzz \
    $(find Sources/NewsKit -name '*.swift') Fuzz/FuzzDecodeParse.swift -o .build/fuzz/newskit-fuzz
fi
# Seed the corpus with real pages the first time (small ones: truncated to 16 KiB).
if [ -z "$(ls -A fuzz-out/corpus)" ]; then
  for f in ../shared/seeds/* ../shared/corpus/korean/*/*.html Tests/NewsKitTests/Fixtures/fuzz/*; do
    [ -f "$f" ] && head -c 16384 "$f" > "fuzz-out/corpus/$(basename "$f")"
  done
fi
exec .build/fuzz/newskit-fuzz fuzz-out/corpus -max_total_time="$seconds" -max_len=16384 \
  -artifact_prefix=fuzz-out/crashes/ -print_final_stats=1 -rss_limit_mb=4096 "$@"
