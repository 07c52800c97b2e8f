#!/usr/bin/env bash
# Parse-only throughput and memory against lxml and lexbor (../shared/bench/peers.py), release build.
#   scripts/bench-parse.sh [REPEAT]       (default 5)
# Needs the peers venv: see ../shared/bench/README.md ("Setup").
set -euo pipefail
cd "$(dirname "$0")/.."
V=${PEERS_PYTHON:-/tmp/peers-venv/bin/python}
B=../shared/bench; C=../shared/corpus
[ -x "$V" ] || { echo "missing $V: set up the peers venv (../shared/bench/README.md) or set PEERS_PYTHON" >&2; exit 1; }
[ -d "$C/aeb-dev/html" ] || { echo "missing $C/aeb-dev/html (../shared beside the project root)" >&2; exit 1; }
# Built with the Swift runtime linked in (--static-swift-stdlib, in .build-static), as a
# command-line tool ships (scripts/bench-extract.sh does the same): every pass is a fresh
# process, and loading Foundation and ICU dynamically costs more than parsing a small page.
# NEWSKIT_DYNAMIC=1 times the plain `swift build` binaries.
if [ "${NEWSKIT_DYNAMIC:-}" = 1 ]; then
  swift build -c release >/dev/null
  dir="$(swift build -c release --show-bin-path)"
else
  for p in newskit-demo HTMLStatsExample HTMLParseExample; do
    swift build -c release --static-swift-stdlib --product "$p" --scratch-path .build-static >/dev/null
  done
  dir="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)"
fi
bin="$dir/newskit-demo"
# html-stats: the same parse through Examples/HTMLStats, which links only the HTML module and
# the core (no libcurl, no SQLite), so the process starts in about half the time.
stats="$dir/HTMLStatsExample"
# html-parse: the HTML module alone (Examples/HTMLParse: no Foundation, no core), reading each
# file as bytes and parsing it as UTF-8, which is what lexbor-parse does with selectolax.
parse="$dir/HTMLParseExample"
"$V" "$B/peers.py" "$C/aeb-dev/html" --timing-only --tools lxml-parse,lexbor-parse --ref lxml-parse,lexbor-parse \
  --repeat "${1:-5}" --cmd "newskit-parse=$bin dom --stats {files}" --cmd "html-stats=$stats {files}" --cmd "html-parse=$parse {files}"
# Linear cost: a 10 MB page and a page nested 100,000 elements deep.
python3 - <<'PY'
import random
random.seed(1)
d = 100_000
open('/tmp/newskit-deep.html', 'w').write('<div>' * d + 'bottom' + '</div>' * d)
parts = []
while sum(map(len, parts)) < 10_000_000:
    i = len(parts)
    parts.append('<p class="c%d">문단 %d <a href="/x/%d">링크</a> <b>굵게</b> 텍스트 &amp; 더</p>\n' % (i % 10, i, i))
open('/tmp/newskit-10mb.html', 'w').write('<html><body>' + ''.join(parts))
PY
for f in /tmp/newskit-10mb.html /tmp/newskit-deep.html; do
  /usr/bin/time -f "  $(basename $f): %e s wall, %M KB peak RSS" "$bin" dom --stats "$f" >/dev/null
done
