#!/usr/bin/env bash
# A long run into JSON Lines and SQLite together (release build): pages per second, peak memory
# and database size, at 2,000 and 10,000 pages, to show memory does not grow with the run.
#   scripts/bench-sinks.sh [PAGES...]        (default: 2000 10000)
# The pages are the HTML pages of ../shared/corpus (Korean and aeb-dev) repeated under new names,
# each copy given its own canonical URL so every copy is a distinct article.
set -euo pipefail
cd "$(dirname "$0")/.."
C=../shared/corpus
[ -d "$C/korean" ] && [ -d "$C/aeb-dev/html" ] || { echo "missing $C (../shared beside the project root)" >&2; exit 1; }
swift build -c release --product newskit-demo >/dev/null
bin="$(swift build -c release --show-bin-path)/newskit-demo"
work=${TMPDIR:-/tmp}/newskit-bench-sinks
mkdir -p "$work"
mapfile -t sources < <(find "$C/korean" "$C/aeb-dev/html" -name '*.html' | sort)
echo "| pages | pages/s | peak RSS MB | JSONL MB | SQLite MB | articles stored |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in "${@:-2000 10000}"; do
  for count in $n; do
    dir="$work/pages-$count"
    if [ ! -f "$dir/.complete" ]; then
      rm -rf "$dir"; mkdir -p "$dir"
      python3 - "$dir" "$count" "${sources[@]}" <<'PY'
import sys, os
out, n, srcs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
data = [open(s, 'rb').read() for s in srcs]
for i in range(n):
    d = data[i % len(data)]
    tag = b'<link rel="canonical" href="https://bench.example/%d">' % i
    lower = d[:4096].lower()
    at = lower.find(b'<head>')
    d = d[:at + 6] + tag + d[at + 6:] if at >= 0 else tag + d
    open(os.path.join(out, 'p%05d.html' % i), 'wb').write(d)
open(os.path.join(out, '.complete'), 'w').write('')
PY
    fi
    rm -f "$work/out-$count.jsonl" "$work/out-$count.db"*
    /usr/bin/time -f "%M" -o "$work/rss-$count" "$bin" extract "$dir" --sink "jsonl:$work/out-$count.jsonl" \
      --sink "sqlite:$work/out-$count.db" 2> "$work/log-$count" || true
    rate=$(grep -o '[0-9.]* pages/s' "$work/log-$count" | tail -1 | cut -d' ' -f1)
    rss=$(( $(tail -1 "$work/rss-$count") / 1024 ))
    jsonl=$(du -m "$work/out-$count.jsonl" | cut -f1)
    db=$(du -m "$work/out-$count.db" | cut -f1)
    stored=$(wc -l < "$work/out-$count.jsonl")
    echo "| $count | $rate | $rss | $jsonl | $db | $stored |"
  done
done
