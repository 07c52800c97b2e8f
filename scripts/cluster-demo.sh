#!/usr/bin/env bash
# The sharded run on a local Dask cluster, with a worker killed in the middle (issue 16):
# a PostgreSQL server, a Dask scheduler and two workers on 127.0.0.1, 8 shards over PAGES
# generated pages (default 5000) into that one database; once a third of the articles are stored,
# one worker is killed with SIGKILL (with the newskit-demo it was running); the run must still
# store every article exactly once. Release build. Needs postgresql and `pip install "dask[distributed]"`
# (PYTHON names the interpreter that has it; default python3).
#   scripts/cluster-demo.sh [PAGES]
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-5000}
py=${PYTHON:-python3}
"$py" -c "import distributed" 2>/dev/null || { echo "no dask.distributed for $py: pip install 'dask[distributed]' (or set PYTHON)" >&2; exit 1; }
swift build -c release --product newskit-demo >/dev/null
demo="$(swift build -c release --show-bin-path)/newskit-demo"
work=$(mktemp -d /tmp/newskit-cluster-XXXX); chmod 755 "$work"   # the postgres user reads its folder inside
pids=()
cleanup() { for p in "${pids[@]}"; do kill -- -"$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done; scripts/local-postgres.sh stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
python3 scripts/gen-pages.py "$work/pages" "$pages"
port=$((56000 + RANDOM % 900)); sched=$((57000 + RANDOM % 900))
uri=$(scripts/local-postgres.sh start "$work/pg" "$port")
# The scheduler and each worker in a process group of its own, so a kill takes a worker with its children.
setsid "$py" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port "$sched" --no-dashboard >"$work/scheduler.log" 2>&1 & pids+=($!)
sleep 3
for w in 1 2; do
  setsid "$py" -m distributed.cli.dask_worker "tcp://127.0.0.1:$sched" --nworkers 1 --nthreads 1 --no-dashboard --name "worker-$w" >"$work/worker-$w.log" 2>&1 & pids+=($!)
done
sleep 4
victim=${pids[1]}
start=$(date +%s.%N)
"$py" scripts/cluster/run_shards.py --scheduler "tcp://127.0.0.1:$sched" --shards 8 --demo "$demo" --sink "$uri" \
  --extra=--no-isolate --extra=--jobs=1 "$work/pages" > "$work/run.log" 2>&1 &
runner=$!
# Kill worker 1 (and the shard it is running) once a third of the articles are in.
while kill -0 $runner 2>/dev/null; do
  n=$(psql -tA "$uri" -c "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
  if [ "${n:-0}" -ge $((pages / 3)) ]; then
    kill -9 -- -"$victim" 2>/dev/null || true
    echo "killed worker-1 (process group $victim) with $n of $pages articles stored"
    break
  fi
  sleep 0.2
done
status=0; wait $runner || status=$?
end=$(date +%s.%N)
cat "$work/run.log"
read -r total distinct <<<"$(psql -tA -F' ' "$uri" -c "SELECT count(*), count(DISTINCT id) FROM articles")"
expected=$(psql -tA "$uri" -c "SELECT count(*) FROM generate_series(0, $pages - 1) g WHERE 'https://news.example/' || g IN (SELECT canonical_url FROM articles)")
printf "runner exit %d; %.1f s for %d pages (%.0f pages/s with a worker lost); articles %s, distinct %s, of the %d pages present %s\n" \
  "$status" "$(echo "$end - $start" | bc -l)" "$pages" "$(echo "$pages / ($end - $start)" | bc -l)" "$total" "$distinct" "$pages" "$expected"
if [ "$status" -eq 0 ] && [ "$total" -eq "$pages" ] && [ "$distinct" -eq "$pages" ] && [ "$expected" -eq "$pages" ]; then
  echo "ok: every article is in PostgreSQL exactly once"
else
  echo "FAILED: articles missing or stored twice" >&2; exit 1
fi
