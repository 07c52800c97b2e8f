#!/usr/bin/env bash
# Pathological inputs (issue 11), release build: wall time and peak memory of each, so linear
# cost can be checked by eye (the deep pages double in size from row to row).
#   scripts/bench-hostile.sh
# Prints one line per case: name, bytes, seconds, peak RSS. If lxml is importable by python3, the
# same HTML files are parsed by lxml too (a peer in the same run).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
bin="$(swift build -c release --show-bin-path)/newskit-demo"
dir=$(mktemp -d /tmp/newskit-hostile.XXXXXX)
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import sys, os
d = sys.argv[1]
w = lambda name, s: open(os.path.join(d, name), 'w').write(s)
w('deep-510.html', '<div>' * 510 + '<p>x</p><p>y')
for n in (125_000, 250_000, 500_000, 1_000_000):
    w('deep-%d.html' % n, '<div>' * n + '<p>a</p><p>b</p><p>c</p>')
w('formatting-40000.html', ''.join('<b id=%d>' % i for i in range(40_000)) + 'x<div>y</div>' * 10_000)
w('foster-100000.html', '<table>' + 'x<td>y</td>' * 100_000)
w('feed-quadratic.xml', '<rss><channel><item><link>/a</link></item>' + '<a>' * 40_000 + '</b>' * 300_000 + '</channel></rss>')
w('sitemap-deep.xml', '<urlset>' + '<url>' * 50_000)
w('sitemap-50mb.xml', '<urlset>' + ''.join('<url><loc>/p/%d</loc><lastmod>2025-08-13</lastmod>%s</url>' % (i, ' ' * 960) for i in range(50_000)) + '</urlset>')
w('a', '<html><body><p>x</p></body></html>')
PY
measure() {  # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$dir/.t" "$@" >/dev/null 2>&1 || true
  read -r secs rss < <(tail -1 "$dir/.t")   # the last line: a failing command adds one before it
  printf '%-34s %8.2f s %8d KB peak RSS\n' "$name" "$secs" "$rss"
}
echo "HTML (parse only: dom --stats; then the whole extract):"
for f in deep-510 deep-125000 deep-250000 deep-500000 deep-1000000 formatting-40000 foster-100000; do
  size=$(stat -c %s "$dir/$f.html")
  measure "  $f ($((size / 1024)) KB) parse" "$bin" dom --stats "$dir/$f.html"
  measure "  $f extract" "$bin" extract "$dir/$f.html" --no-enrich
  if python3 -c 'import lxml' 2>/dev/null; then
    measure "  $f lxml parse" python3 -c "import lxml.html,sys; lxml.html.parse(sys.argv[1])" "$dir/$f.html"
  fi
done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir" >/dev/null 2>&1 &
server=$!
sleep 1
echo "Listings (crawl --limit 1: fetch, parse the listing, fetch one page):"
for f in feed-quadratic.xml sitemap-deep.xml sitemap-50mb.xml; do
  size=$(stat -c %s "$dir/$f")
  measure "  $f ($((size / 1024)) KB)" "$bin" crawl "http://127.0.0.1:$port/$f" --ignore-robots --delay 0 --retries 0 --limit 1
done
