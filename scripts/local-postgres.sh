#!/usr/bin/env bash
# A throwaway PostgreSQL server for benchmarks and the cluster run (tests start their own from
# Swift, TestSupport/LocalPostgres): initdb into DIR, pg_ctl on PORT of 127.0.0.1, trust
# authentication, as the postgres user when run as root (initdb refuses root).
#   scripts/local-postgres.sh start DIR PORT    prints the connection URI
#   scripts/local-postgres.sh stop DIR
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "no initdb: apt-get install postgresql" >&2; exit 1; }
as() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-}" in
  start)
    dir=$2; port=$3
    mkdir -p "$dir"; [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as "$bin/initdb" -D "$dir/data" -U newskit --auth=trust -E UTF8 --no-locale --no-sync >/dev/null
    as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null </dev/null
    echo "postgresql://newskit@127.0.0.1:$port/postgres" ;;
  stop)
    as "$bin/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null || true
    rm -rf "$2" ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
