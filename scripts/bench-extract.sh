#!/usr/bin/env bash
# Whole-article extraction (read, decode, parse, extract, normalize, JSON out) beside trafilatura
# and readability, with quality, over aeb-dev and the Korean pages (../shared/bench/peers.py).
# `newskit` is extraction alone (--no-enrich); `newskit+enrich` adds entities, event dates
# and stories, which no peer does.
#   scripts/bench-extract.sh [REPEAT]        (default 5)
# Builds newskit-demo with the Swift runtime linked in (--static-swift-stdlib, in .build-static)
# as one would ship a command-line tool: it starts in ~12 ms instead of ~25 ms, which matters
# when every pass is a fresh process. NEWSKIT_DYNAMIC=1 times the plain `swift build` binary.
# Needs the peers venv: see ../shared/bench/README.md ("Setup").
set -euo pipefail
cd "$(dirname "$0")/.."
V=${PEERS_PYTHON:-/tmp/peers-venv/bin/python}
B=../shared/bench; C=../shared/corpus
[ -x "$V" ] || { echo "missing $V: set up the peers venv (../shared/bench/README.md) or set PEERS_PYTHON" >&2; exit 1; }
[ -d "$C/aeb-dev/html" ] && [ -d "$C/korean" ] || { echo "missing $C (../shared beside the project root)" >&2; exit 1; }
if [ "${NEWSKIT_DYNAMIC:-}" = 1 ]; then
  swift build -c release --product newskit-demo >/dev/null
  bin="$(swift build -c release --show-bin-path)/newskit-demo"
else
  swift build -c release --static-swift-stdlib --product newskit-demo --scratch-path .build-static >/dev/null
  bin="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/newskit-demo"
fi
tools=trafilatura,trafilatura-fast,readability
echo "== aeb-dev (91 pages, mostly English)"
"$V" "$B/peers.py" "$C/aeb-dev/html" --gt "$C/aeb-dev/ground-truth.json" --repeat "${1:-5}" --tools "$tools" \
  --ref trafilatura-fast --cmd "newskit=$bin extract --no-enrich --format jsonl {files}" \
  --cmd "newskit+enrich=$bin extract --format jsonl {files}"
echo "== Korean pages (../shared/corpus/korean, truth from the corpus' expected files)"
python3 "$B/make_korean_gt.py" "$C/korean" /tmp/newskit-ko-gt /tmp/newskit-ko-files.txt >/dev/null
"$V" "$B/peers.py" /tmp/newskit-ko-files.txt --gt /tmp/newskit-ko-gt --repeat "${1:-5}" --tools "$tools" \
  --ref trafilatura-fast --cmd "newskit=$bin extract --no-enrich --format jsonl {files}" \
  --cmd "newskit+enrich=$bin extract --format jsonl {files}"
