#!/usr/bin/env python3
"""Per-page diagnosis of trafilatura's evaluation, on the TRAINING part only (scripts/split.py).

    python3 scripts/traf-pages.py [--bin PATH] [--lost] [--worst N]

For each training page: snippets kept (tp), lost (fn) and wrongly kept (fp), NewsKit's error if it
refused the page, and with --lost the snippets themselves. Validation pages are never listed:
quote them only in aggregate (scripts/eval-traf.py).
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), 'shared')
sys.path.insert(0, HERE)
from split import part  # noqa: E402


def norm(t):
    return re.sub(r'\s+', ' ', t).strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default=None)
    ap.add_argument('--lost', action='store_true', help='print the lost and wrongly kept snippets')
    ap.add_argument('--worst', type=int, default=40, help='list this many pages, worst first')
    ap.add_argument('--buckets', choices=['train', 'validation'], default=None,
                    help='print only counts of pages per kind of loss for this part (no page is named)')
    a = ap.parse_args()
    corpus = os.path.join(SHARED, 'corpus', 'trafilatura-eval-dev')
    binary = a.bin or os.path.join(subprocess.run(['swift', 'build', '-c', 'release', '--show-bin-path'], cwd=ROOT,
                                                  capture_output=True, text=True).stdout.strip(), 'newskit-demo')
    data = json.load(open(os.path.join(corpus, 'evaldata.json'), encoding='utf8'))
    chosen = {k: v for k, v in data.items() if part('trafilatura-eval-dev/' + k) == (a.buckets or 'train')}
    paths = {k: os.path.join(corpus, 'html', v['file']) for k, v in chosen.items()}
    r = subprocess.run([binary, 'extract', '--no-enrich', '--format', 'jsonl', *paths.values()],
                       capture_output=True, text=True)
    out = {}
    for line in r.stdout.split('\n'):
        try:
            o = json.loads(line)
        except ValueError:
            continue
        p = o.get("file") or o.get("path")
        if p:
            out[os.path.realpath(p)] = o
    rows = []
    for k, item in chosen.items():
        o = out.get(os.path.realpath(paths[k]), {})
        text = norm(o.get('text') or '')
        lost = [w for w in item['with'] if norm(w) not in text]
        kept_bad = [w for w in item['without'] if norm(w) in text]
        rows.append((len(lost) + len(kept_bad), k, item, o, lost, kept_bad))
    rows.sort(key=lambda r: -r[0])
    tp = sum(len(r[2]['with']) - len(r[4]) for r in rows)
    fn = sum(len(r[4]) for r in rows)
    fp = sum(len(r[5]) for r in rows)
    if a.buckets:
        buckets(rows, a.buckets)
        return
    print(f'training: {len(rows)} pages, tp {tp} fn {fn} fp {fp}, '
          f'P {tp / (tp + fp):.3f} R {tp / (tp + fn):.3f} F1 {2 * tp / (2 * tp + fp + fn):.3f}')
    for cost, k, item, o, lost, kept_bad in rows[:a.worst]:
        if cost == 0:
            break
        err = o.get('error') or ''
        print(f"{cost:3d}  lost {len(lost)}/{len(item['with'])}  bad {len(kept_bad)}/{len(item['without'])}  "
              f"{item['file']}  {len(o.get('text') or '')} chars  {err[:90]}")
        if a.lost:
            for w in lost:
                print('      - ', norm(w)[:110])
            for w in kept_bad:
                print('      + ', norm(w)[:110])


def buckets(rows, name):
    """Counts of pages and snippets per kind of loss: refused, nothing kept, part kept, kept too much."""
    kinds = {}
    for _, _, item, o, lost, kept_bad in rows:
        n = len(item['with'])
        if o.get('error'):
            k = 'refused'
        elif not lost:
            k = 'all kept'
        elif len(lost) == n:
            k = 'none kept (another element or empty)'
        else:
            k = 'part kept'
        pages, fn, fp, chars = kinds.get(k, (0, 0, 0, 0))
        kinds[k] = (pages + 1, fn + len(lost), fp + len(kept_bad), chars + len(o.get('text') or ''))
    print(f'{name}: {len(rows)} pages')
    for k, (pages, fn, fp, chars) in sorted(kinds.items(), key=lambda kv: -kv[1][1]):
        print(f'  {k:40s} {pages:4d} pages  lost {fn:4d}  wrongly kept {fp:4d}  mean {chars // max(pages, 1):6d} chars')


if __name__ == '__main__':
    main()
