#!/usr/bin/env bash
# Fetching benchmark (release build): a local server adds 50 ms to every response; 1,000 pages at
# 1, 8 and 32 concurrent transfers, transport alone and the whole polite pipeline (fetch +
# extract); then 4,000 pages at 32 to show that memory does not grow with the page count.
#   scripts/bench-fetch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product newskit-bench >/dev/null
bin="$(swift build -c release --show-bin-path)/newskit-bench"
printf '| mode | pages | concurrency | pages/s | ideal (C/latency) | of ideal | peak RSS MB |\n|---|---:|---:|---:|---:|---:|---:|\n'
for mode in transport pipeline; do
  for c in 1 8 32; do
    "$bin" fetch --mode "$mode" --pages 1000 --concurrency "$c" | python3 -c '
import json,sys
r=json.loads(sys.stdin.read())
print("| %s | %d | %d | %.1f | %.0f | %.0f%% | %.1f |" % (r["mode"], r["pages"], r["concurrency"], r["pagesPerSecond"], r["ideal"], 100*r["ofIdeal"], r["peakRSSMB"]))'
  done
done
"$bin" fetch --mode pipeline --pages 4000 --concurrency 32 | python3 -c '
import json,sys
r=json.loads(sys.stdin.read())
print("| %s | %d | %d | %.1f | %.0f | %.0f%% | %.1f |" % (r["mode"], r["pages"], r["concurrency"], r["pagesPerSecond"], r["ideal"], 100*r["ofIdeal"], r["peakRSSMB"]))'
