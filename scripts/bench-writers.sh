#!/usr/bin/env bash
# Writers into one PostgreSQL against the same number into separate SQLite files (issue 16):
# W = 1, 2 and 4 newskit-demo processes, each extracting its --shard i/W of the same pages, with
# enrichment, release build. Prints pages/s over the whole run and the peak RSS of one worker.
#   scripts/bench-writers.sh [PAGES]      (default 4000 generated Korean article pages)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-4000}
swift build -c release --product newskit-demo >/dev/null
bin="$(swift build -c release --show-bin-path)/newskit-demo"
work=$(mktemp -d /tmp/newskit-writers-XXXX); chmod 755 "$work"   # the postgres user reads its folder inside
trap 'scripts/local-postgres.sh stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
python3 scripts/gen-pages.py "$work/pages" "$pages"
uri=$(scripts/local-postgres.sh start "$work/pg" 55$((RANDOM % 900 + 100)))
echo "| writers | sink | pages/s | seconds | peak RSS of one worker (MB) |"
echo "|---:|---|---:|---:|---:|"
for w in 1 2 4; do
  for kind in postgres sqlite; do
    if [ $kind = postgres ]; then
      psql -q "$uri" -c "DROP TABLE IF EXISTS mentions, entities, authors, images, event_dates, related CASCADE; DROP TABLE IF EXISTS articles CASCADE;" >/dev/null 2>&1 || true
    fi
    rm -f "$work"/w*.db* "$work"/rss-*
    start=$(date +%s.%N)
    for i in $(seq 0 $((w - 1))); do
      sink=$([ $kind = postgres ] && echo "$uri" || echo "sqlite:$work/w$i.db")
      /usr/bin/time -f "%M" -o "$work/rss-$i" "$bin" extract "$work/pages" --shard "$i/$w" --jobs $((2 > w ? 2 / w : 1)) --no-isolate --sink "$sink" 2>/dev/null &
    done
    wait
    end=$(date +%s.%N)
    secs=$(echo "$end - $start" | bc -l)
    rss=$(cat "$work"/rss-* | sort -n | tail -1)
    if [ $kind = postgres ]; then
      stored=$(psql -tA "$uri" -c "SELECT count(*) FROM articles")
    else
      stored=0; for f in "$work"/w*.db; do stored=$((stored + $(sqlite3 "$f" "SELECT count(*) FROM articles" 2>/dev/null || python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from articles').fetchone()[0])" "$f"))); done
    fi
    [ "$stored" -eq "$pages" ] || echo "warning: $kind with $w writer(s) stored $stored of $pages" >&2
    printf "| %d | %s | %.0f | %.1f | %.0f |\n" "$w" "$kind" "$(echo "$pages / $secs" | bc -l)" "$secs" "$(echo "$rss / 1024" | bc -l)"
  done
done
