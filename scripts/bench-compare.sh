#!/usr/bin/env bash
# Parse and extraction speed of this checkout against an earlier revision, in the same runs
# (release builds; ../shared/bench/peers.py, lexbor and lxml as references for parsing,
# trafilatura's fast mode for extraction). Use it before and after a change that may cost speed.
#   scripts/bench-compare.sh REV [REPEAT]      e.g. scripts/bench-compare.sh 7f4367e 7
# REV is built in a git worktree under .build-compare/REV (kept for the next run).
# Needs the peers venv: see ../shared/bench/README.md ("Setup").
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:?usage: scripts/bench-compare.sh REV [REPEAT]}"; repeat="${2:-5}"
V=${PEERS_PYTHON:-/tmp/peers-venv/bin/python}
B=../shared/bench; C=../shared/corpus
[ -x "$V" ] || { echo "missing $V: set up the peers venv (../shared/bench/README.md) or set PEERS_PYTHON" >&2; exit 1; }
[ -d "$C/aeb-dev/html" ] || { echo "missing $C/aeb-dev/html (../shared beside the project root)" >&2; exit 1; }
old=".build-compare/$rev"
[ -d "$old" ] || git worktree add -q --detach "$old" "$rev"
(cd "$old" && swift build -c release --product newskit-demo >/dev/null)
swift build -c release --product newskit-demo >/dev/null
before="$(cd "$old" && swift build -c release --show-bin-path)/newskit-demo"
after="$(swift build -c release --show-bin-path)/newskit-demo"
echo "== parse only, aeb-dev (before = $rev, after = this checkout)"
"$V" "$B/peers.py" "$C/aeb-dev/html" --timing-only --tools lexbor-parse,lxml-parse --ref lexbor-parse --repeat "$repeat" \
  --cmd "before-parse=$before dom --stats {files}" --cmd "after-parse=$after dom --stats {files}"
echo "== extraction without enrichment, aeb-dev"
"$V" "$B/peers.py" "$C/aeb-dev/html" --gt "$C/aeb-dev/ground-truth.json" --tools trafilatura-fast --ref trafilatura-fast \
  --repeat "$repeat" --cmd "before-extract=$before extract --no-enrich --format jsonl {files}" \
  --cmd "after-extract=$after extract --no-enrich --format jsonl {files}"
