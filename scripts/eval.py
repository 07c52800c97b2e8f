#!/usr/bin/env python3
"""Evaluate newskit-demo's extraction against the corpus' ground truth.

    python3 scripts/eval.py [CORPUS] [--bin PATH] [--aeb] [--pages] [--site NAME] [--part train|validation|all]

CORPUS defaults to ../shared/corpus/korean (or ../shared/corpus/aeb-dev with --aeb). Prints, per
site, body precision/recall/F1 (the article-extraction-benchmark metric, from
../shared/bench/peers.py) and the share of pages whose title, published instant (to the minute),
updated instant and authors are right. --pages lists every page with its scores.

Every figure is printed for the training part and the validation part of the set (the fixed
split of scripts/split.py), then for all pages. Tune on training; quote validation. --part
restricts the listing of --pages to one part (default: train, so validation pages are not read
one by one).

Ground truth: the corpus' own expectations (see ../shared/corpus/README.md), read with
../shared/bench/make_korean_gt.py for bodies, and from the same files for the other fields:
scrapping-webs gt.json (title, published_at, modified_at, author), fundus JSON (title,
publishing_date, authors), htmldate (publication day), the postlight test (title, author,
date_published), the front-matter post (title, date). Pages that are not articles (the yna.co.kr
section page, the Naver home page) are right when no article comes out.
"""
import argparse
import glob
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from split import part  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), 'shared')
KST = timezone(timedelta(hours=9))


def load(name, path):
    if not os.path.exists(path):
        sys.exit(f'eval: {path} is missing (../shared beside the project root holds the bench tools)')
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def parse_instant(s):
    """An aware datetime from ISO-8601 (an offset-less value is KST)."""
    if not s:
        return None
    s = s.strip().replace('Z', '+00:00')
    m = re.match(r'^(\d{4})[.-](\d{2})[.-](\d{2})\.?[T ]?\s*(\d{2}):(\d{2})(?::(\d{2}))?$', s)
    if m:  # '2023.04.07.T19:22', as some scrapers write KST
        s = f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}:{m[6] or '00'}"
    try:
        d = datetime.fromisoformat(s)
    except ValueError:
        return None
    return d if d.tzinfo else d.replace(tzinfo=KST)


def first(v):
    if isinstance(v, list):
        return v[0] if v else None
    return v


def norm_space(s):
    return re.sub(r'\s+', ' ', s or '').strip()


def norm_name(s):
    s = norm_space(s)
    s = re.sub(r'\s*(기자|특파원|논설위원|앵커|PD|기상캐스터)$', '', s)
    return s.replace(' ', '').lower()


def field_truth(corpus):
    """{file path: {site, title, published, published_day, updated, authors, negative}}"""
    t = {}

    def put(path, **kw):
        t.setdefault(os.path.normpath(path), {}).update(kw)

    for g in sorted(glob.glob(os.path.join(corpus, 'scrapping-webs/*/*.gt.json'))):
        html = g[:-len('.gt.json')] + '.html'
        site = g.split(os.sep)[-2]
        pd = json.load(open(g, encoding='utf8')).get('parsed_data')
        pd = pd[0] if isinstance(pd, list) and pd else pd
        if not isinstance(pd, dict):
            continue
        authors = [a.get('name') for a in (pd.get('author') or []) if isinstance(a, dict) and norm_space(a.get('name'))]
        # A listed author with a blank name is the scraper failing, not a page without authors.
        put(html, site='scrapping-webs/' + site, title=first(pd.get('title')), published=first(pd.get('published_at')),
            updated=first(pd.get('modified_at')), authors=authors if authors else None)
    fk = os.path.join(corpus, 'fundus_kr')
    pairs = []
    if os.path.exists(os.path.join(fk, 'HankookIlbo.json')):
        d = json.load(open(os.path.join(fk, 'HankookIlbo.json'), encoding='utf8'))
        pairs += [('HankookIlbo_2025_05_15', d.get('V1')), ('HankookIlbo_2026_01_29', d.get('V2')), ('HankookIlbo_2026_07_12', d.get('V3'))]
    if os.path.exists(os.path.join(fk, 'MBN.json')):
        pairs.append(('MBN_2025_06_03', json.load(open(os.path.join(fk, 'MBN.json'), encoding='utf8')).get('V1')))
    for h in sorted(glob.glob(os.path.join(fk, 'history', 'MBN_*.MBN.json'))):
        pairs.append(('history/' + os.path.basename(h).split('.')[0], json.load(open(h, encoding='utf8')).get('V1')))
    for stem, v in pairs:
        if v:
            put(os.path.join(fk, stem + '.html'), site='fundus/' + os.path.basename(stem).split('_')[0], title=v.get('title'),
                published=v.get('publishing_date'), authors=v.get('authors'))
    hd = os.path.join(corpus, 'htmldate', 'ground_truth_dates.json')
    if os.path.exists(hd):
        names = {'1538026996.html': '1538026996_daejonilbo.html', '1694328145.html': '1694328145_chosun.html'}
        for _, v in json.load(open(hd, encoding='utf8')).items():
            f = names.get(v['file'], v['file'])
            put(os.path.join(corpus, 'htmldate', f), site='htmldate', published_day=v['date'])
    pl = os.path.join(corpus, 'postlight_parser', 'm.blog.naver.com.index.test.js')
    if os.path.exists(pl):
        js = open(pl, encoding='utf8').read()
        title = re.search(r"assert\.equal\(title, `([^`]*)`\)", js)
        author = re.search(r"assert\.equal\(author, '([^']*)'\)", js)
        date = re.search(r"assert\.equal\(date_published, '([^']*)'\)", js)
        for html in glob.glob(os.path.join(corpus, 'postlight_parser', '*.html')):
            put(html, site='postlight/naver-blog', title=title and title.group(1), published=date and date.group(1),
                authors=[author.group(1)] if author else None)
    for md in glob.glob(os.path.join(corpus, 'blog_frontmatter', '*.md')):
        text = open(md, encoding='utf8').read()
        title = re.search(r'^title:\s*"?(.*?)"?\s*$', text, re.M)
        date = re.search(r'^date:\s*(\S+)', text, re.M)
        put(md, site='blog_frontmatter', title=title and title.group(1), published_day=date and date.group(1)[:10])
    for neg in glob.glob(os.path.join(corpus, 'misc_yna', '*.html')) + glob.glob(os.path.join(corpus, 'crussion_study', '*home*.html')):
        put(neg, site='not-an-article', negative=True)
    return t


def run_newskit(binary, files):
    out = subprocess.run([binary, 'extract', '--format', 'jsonl'] + files, capture_output=True, text=True)
    by_file = {}
    for line in out.stdout.splitlines():
        try:
            r = json.loads(line)
        except json.JSONDecodeError:
            continue
        key = r.get('file') or r.get('path')
        if key and 'error' not in r:
            by_file[os.path.normpath(key)] = r
    return by_file


def title_ok(truth, art):
    want = norm_space(truth)
    got = norm_space(art.get('title'))
    k = norm_space(art.get('kicker'))
    forms = {got}
    if k:
        forms |= {f'[{k}] {got}', f'[{k}]{got}', f'{got}({k})', f'{got} ({k})', f'【{k}】{got}', f'<{k}> {got}'}
    return want in forms


def same_minute(a, b):
    return a is not None and b is not None and abs((a - b).total_seconds()) < 60 and a.replace(second=0, microsecond=0) == b.replace(second=0, microsecond=0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('corpus', nargs='?')
    ap.add_argument('--bin', default=None)
    ap.add_argument('--aeb', action='store_true', help='the aeb-dev set (body only)')
    ap.add_argument('--pages', action='store_true', help='list every page')
    ap.add_argument('--site', default=None, help='only sites containing this text')
    ap.add_argument('--part', default='train', choices=['train', 'validation', 'all'],
                    help='which part --pages lists (default train)')
    a = ap.parse_args()
    peers = load('peers', os.path.join(SHARED, 'bench', 'peers.py'))
    binary = a.bin or os.path.join(subprocess.run(['swift', 'build', '-c', 'release', '--show-bin-path'], cwd=ROOT,
                                                  capture_output=True, text=True).stdout.strip(), 'newskit-demo')
    if not os.path.exists(binary):
        sys.exit(f'eval: {binary} is missing; run `swift build -c release` first')
    if a.aeb:
        corpus = a.corpus or os.path.join(SHARED, 'corpus', 'aeb-dev')
        gt = json.load(open(os.path.join(corpus, 'ground-truth.json'), encoding='utf8'))
        files = sorted(glob.glob(os.path.join(corpus, 'html', '*.html')))
        preds = run_newskit(binary, files)
        bodies, texts = {}, {}
        for f in files:
            k = os.path.basename(f)[:-5]
            if k in gt:
                bodies[k] = gt[k].get('articleBody', '')
                texts[k] = (preds.get(os.path.normpath(f)) or {}).get('text', '')
        for name in ['train', 'validation', 'all']:
            keys = [k for k in bodies if name == 'all' or part('aeb-dev/' + k) == name]
            m = peers.score({k: bodies[k] for k in keys}, {k: texts[k] for k in keys}, n_bootstrap=0)
            print(f"aeb-dev {name:10}: {m['n_scored']:3d} pages  body P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  accuracy {m['accuracy']:.3f}")
            if a.pages and name == a.part:
                for k, v in sorted(m['per_page'].items(), key=lambda kv: kv[1]['precision'] + kv[1]['recall']):
                    print(f"  {v['precision']:.2f} {v['recall']:.2f}  {k}")
        return
    corpus = a.corpus or os.path.join(SHARED, 'corpus', 'korean')
    mkgt = os.path.join(SHARED, 'bench', 'make_korean_gt.py')
    tmp = tempfile.mkdtemp(prefix='newskit-eval-')
    listing = os.path.join(tmp, 'files.txt')
    subprocess.run([sys.executable, mkgt, corpus, os.path.join(tmp, 'gt'), listing], check=True, capture_output=True)
    bodies = {}
    for f in glob.glob(os.path.join(tmp, 'gt', '*.json')):
        bodies[os.path.basename(f)[:-5]] = json.load(open(f, encoding='utf8'))['articleBody']
    truth = field_truth(corpus)
    files = sorted(set(os.path.normpath(p) for p in open(listing, encoding='utf8').read().split() if p) | set(truth))
    preds = run_newskit(binary, files)
    rows = []
    for f in files:
        t = truth.get(f, {})
        site = t.get('site') or os.path.relpath(os.path.dirname(f), corpus)
        if a.site and a.site not in site:
            continue
        art = preds.get(f)
        row = {'file': os.path.relpath(f, corpus), 'part': part('korean/' + os.path.relpath(f, corpus))}
        if t.get('negative'):
            row['notArticle'] = art is None
            rows.append((site, row))
            continue
        stem = os.path.basename(f)[:-5]
        if stem in bodies:
            tri = peers.tp_fp_fn(bodies[stem], (art or {}).get('text', ''))
            row['body'] = (peers._prec(*tri), peers._rec(*tri))
            row['_tri'] = tri
        if t.get('title'):
            ok = art is not None and title_ok(t['title'], art)
            row['title'] = ok if ok else f"want {t['title']!r} got {(art or {}).get('title')!r}"
        if t.get('published') or t.get('published_day'):
            got = parse_instant((art or {}).get('publishedAt'))
            if t.get('published'):
                ok = same_minute(parse_instant(t['published']), got)
                want = t['published']
            else:
                ok = got is not None and got.astimezone(KST).date().isoformat() == t['published_day']
                want = t['published_day']
            row['published'] = ok if ok else f"want {want} got {(art or {}).get('publishedAt')}"
        if t.get('updated'):
            ok = same_minute(parse_instant(t['updated']), parse_instant((art or {}).get('updatedAt')))
            row['updated'] = ok if ok else f"want {t['updated']} got {(art or {}).get('updatedAt')}"
        if t.get('authors') is not None:
            want = sorted(norm_name(x) for x in t['authors'] if norm_name(x))
            got = sorted(norm_name(x.get('name')) for x in (art or {}).get('authors', []))
            ok = want == got
            more = [re.match(r'^(.+?)(?:기자)?외(\d+)명$', w) for w in want]
            if len(want) == 1 and more[0]:  # fundus writes '박준석기자외1명': that name and N more
                ok = more[0].group(1) in got and len(got) == 1 + int(more[0].group(2))
            row['authors'] = ok if ok else f"want {want} got {got}"
        rows.append((site, row))

    def acc(v):
        return f"{sum(v) / len(v):.2f} ({sum(v)}/{len(v)})" if v else '-'

    header = f"{'site':28} {'pages':>5} {'body P':>7} {'body R':>7} {'body F1':>7}  {'title':>11} {'published':>11} {'updated':>11} {'authors':>11}"
    for name in ['train', 'validation', 'all']:
        chosen = [(site, row) for site, row in rows if name == 'all' or row['part'] == name]
        print(f"== {name} ({len(chosen)} pages)")
        print(header)
        total = defaultdict(list)
        per_site = defaultdict(lambda: defaultdict(list))
        for site, row in chosen:
            for k, v in row.items():
                if k in ('file', 'part'):
                    continue
                per_site[site][k].append(v)
        for site in sorted(per_site):
            s = per_site[site]
            # Scores for this part only, rebuilt from its rows: a field is right when its value is True.
            fields = {k: [v is True for v in s.get(k, [])] for k in ('title', 'published', 'updated', 'authors', 'notArticle')}
            tris = [r['_tri'] for st, r in chosen if st == site and '_tri' in r]
            for k, v in fields.items():
                total[k] += v
            total['body'] += tris
            n = max([len(v) for v in fields.values()] + [len(tris)])
            if tris:
                m = peers.prf(tris)
                bodytxt = f"{m['precision']:7.3f} {m['recall']:7.3f} {m['f1']:7.3f}"
            else:
                bodytxt = f"{'-':>7} {'-':>7} {'-':>7}"
            extra = f"  not-an-article {acc(fields['notArticle'])}" if fields['notArticle'] else ''
            print(f"{site:28} {n:5d} {bodytxt}  {acc(fields['title']):>11} {acc(fields['published']):>11} {acc(fields['updated']):>11} {acc(fields['authors']):>11}{extra}")
        m = peers.prf(total['body']) if total['body'] else {'precision': 0, 'recall': 0, 'f1': 0}
        print(f"{'ALL':28} {len(chosen):5d} {m['precision']:7.3f} {m['recall']:7.3f} {m['f1']:7.3f}  {acc(total['title']):>11} "
              f"{acc(total['published']):>11} {acc(total['updated']):>11} {acc(total['authors']):>11}  not-an-article {acc(total['notArticle'])}")
    if a.pages:
        for site, row in rows:
            if a.part == 'all' or row['part'] == a.part:
                print(site, json.dumps({k: v for k, v in row.items() if k != '_tri'}, ensure_ascii=False))


if __name__ == '__main__':
    main()
