#!/usr/bin/env python3
"""Fit the generic extractor's block classifier on the TRAINING part of ../shared/corpus.

    python3 scripts/fit-blocks.py [--bin PATH] [--out FILE] [--no-search]

Needs numpy (`pip install numpy`); the library itself never runs Python.

1. Features: `newskit-demo dom --blocks` prints, for every text block of a page, the vector the
   library computes (BlockFeatures) and whether the container pick chose the block.
2. Labels, from each set's truth, training pages only (scripts/split.py):
   - korean and aeb-dev: a block is article text when its text is in the page's true body (a block
     under 15 characters only when it is a whole line of it);
   - trafilatura-eval-dev: a block that holds one of the page's `with` snippets is article text,
     one that holds a `without` snippet is not; other blocks carry no label.
   Each set weighs the same in total, and within a set each page the same.
3. Two L2-regularized logistic regressions on standardized features (Newton's method): one for the
   blocks the container pick chose, one for those it did not.
4. The two thresholds (leave a chosen block out below `dropBelow`, take an unchosen one in above
   `addAbove`) are chosen on a grid by running the real extractor with the candidate weights
   (NEWSKIT_BLOCK_WEIGHTS) and scoring the training parts with the evaluation scripts: the mean
   of the three training F1s, where a set's loss against the container pick alone counts twice.
   Validation is never read here.

Writes Sources/NewsKit/Core/Extraction/block-classifier.json (or --out).
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), 'shared')
CORPUS = os.path.join(SHARED, 'corpus')
sys.path.insert(0, HERE)
from split import part  # noqa: E402

OUT = os.path.join(ROOT, 'Sources', 'NewsKit', 'Core', 'Extraction', 'block-classifier.json')


def norm(t):
    return re.sub(r'\s+', ' ', t or '').strip()


def training_pages():
    """[(set, path, truth)] for every training page; truth is ('body', text) or ('snippets', with, without)."""
    pages = []
    gt = json.load(open(os.path.join(CORPUS, 'aeb-dev', 'ground-truth.json'), encoding='utf8'))
    for f in sorted(glob.glob(os.path.join(CORPUS, 'aeb-dev', 'html', '*.html'))):
        k = os.path.basename(f)[:-5]
        if k in gt and part('aeb-dev/' + k) == 'train':
            pages.append(('aeb-dev', f, ('body', gt[k].get('articleBody', ''))))
    korean = os.path.join(CORPUS, 'korean')
    tmp = tempfile.mkdtemp(prefix='newskit-fit-')
    listing = os.path.join(tmp, 'files.txt')
    subprocess.run([sys.executable, os.path.join(SHARED, 'bench', 'make_korean_gt.py'), korean, os.path.join(tmp, 'gt'), listing],
                   check=True, capture_output=True)
    bodies = {os.path.basename(g)[:-5]: json.load(open(g, encoding='utf8'))['articleBody']
              for g in glob.glob(os.path.join(tmp, 'gt', '*.json'))}
    for f in sorted(set(os.path.normpath(p) for p in open(listing, encoding='utf8').read().split() if p)):
        stem = os.path.basename(f)[:-5]
        if stem in bodies and part('korean/' + os.path.relpath(f, korean)) == 'train':
            pages.append(('korean', f, ('body', bodies[stem])))
    traf = os.path.join(CORPUS, 'trafilatura-eval-dev')
    for k, v in json.load(open(os.path.join(traf, 'evaldata.json'), encoding='utf8')).items():
        if part('trafilatura-eval-dev/' + k) == 'train':
            pages.append(('trafilatura-eval-dev', os.path.join(traf, 'html', v['file']), ('snippets', v['with'], v['without'])))
    return pages


def block_rows(binary, paths):
    """{path: [row]} from `dom --blocks`, and the feature names."""
    rows, names = {}, None
    for i in range(0, len(paths), 200):
        r = subprocess.run([binary, 'dom', '--blocks', *paths[i:i + 200]], capture_output=True, text=True)
        for line in r.stdout.splitlines():
            o = json.loads(line)
            if 'features' in o:
                names = o['features']
                continue
            rows.setdefault(os.path.normpath(o['path']), []).append(o)
    return rows, names


def label(truth, text):
    t = norm(text)
    if not t:
        return None
    if truth[0] == 'body':
        body = norm(truth[1])
        if len(t) >= 15:
            return 1 if t in body else 0
        lines = {norm(l) for l in truth[1].split('\n')}
        return 1 if t in lines else 0
    with_, without = truth[1], truth[2]
    if any(norm(w) in t for w in with_ if norm(w)):
        return 1
    if any(norm(w) in t for w in without if norm(w)):
        return 0
    return None


def fit(X, y, w, l2=1.0, iterations=30):
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1
    Z = np.hstack([(X - mean) / scale, np.ones((len(X), 1))])
    beta = np.zeros(Z.shape[1])
    reg = np.full(Z.shape[1], l2)
    reg[-1] = 0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-Z @ beta))
        g = Z.T @ (w * (p - y)) + reg * beta
        H = (Z * (w * p * (1 - p))[:, None]).T @ Z + np.diag(reg)
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return mean, scale, beta[:-1], beta[-1]


def training_f1(binary, weights_path):
    env = dict(os.environ, NEWSKIT_BLOCK_WEIGHTS=weights_path)
    scores = {}
    out = subprocess.run([sys.executable, os.path.join(HERE, 'eval.py'), '--bin', binary], capture_output=True, text=True, env=env).stdout
    m = re.search(r'== train.*?\nALL\s+\d+\s+\S+\s+\S+\s+(\S+)', out, re.S)
    scores['korean'] = float(m.group(1))
    out = subprocess.run([sys.executable, os.path.join(HERE, 'eval.py'), '--aeb', '--bin', binary], capture_output=True, text=True, env=env).stdout
    scores['aeb-dev'] = float(re.search(r'aeb-dev train\s*:.*?F1 (\S+)', out).group(1))
    out = subprocess.run([sys.executable, os.path.join(HERE, 'traf-pages.py'), '--bin', binary, '--worst', '0'],
                         capture_output=True, text=True, env=env).stdout
    scores['trafilatura-eval-dev'] = float(re.search(r'F1 (\S+)', out).group(1))
    return scores


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default=None)
    ap.add_argument('--out', default=OUT)
    ap.add_argument('--no-search', action='store_true', help='keep the thresholds of the current file')
    ap.add_argument('--l2', type=float, default=1.0)
    ap.add_argument('--unused', default='position',
                    help='features to give no weight, comma-separated (default: position, which on a page of a few '
                         'blocks says nothing of the layout it stands for on real pages)')
    a = ap.parse_args()
    binary = a.bin or os.path.join(subprocess.run(['swift', 'build', '-c', 'release', '--show-bin-path'], cwd=ROOT,
                                                  capture_output=True, text=True).stdout.strip(), 'newskit-demo')
    pages = training_pages()
    rows, names = block_rows(binary, [p for _, p, _ in pages])
    per_set = {}
    for s, p, truth in pages:
        labelled = [(r['x'], lab) for r in rows.get(os.path.normpath(p), []) if (lab := label(truth, r['text'])) is not None]
        if labelled:
            per_set.setdefault(s, []).append(labelled)
    data = {'inside': ([], [], []), 'outside': ([], [], [])}
    chosen_at = names.index('in_content')
    for s, page_list in per_set.items():
        for labelled in page_list:
            for x, lab in labelled:
                X, y, w = data['inside' if x[chosen_at] > 0.5 else 'outside']
                X.append(x)
                y.append(lab)
                w.append(1.0 / len(per_set) / len(page_list) / len(labelled))
    counts = {s: (len(v), sum(len(l) for l in v)) for s, v in per_set.items()}
    model = {
        'about': 'Block classifier of the generic extractor, fitted by scripts/fit-blocks.py on the training part of ../shared/corpus '
                 '(scripts/split.py); refit with that script, try a file with NEWSKIT_BLOCK_WEIGHTS=FILE.',
        'features': names,
        'trainedOn': {s: {'pages': n, 'blocks': b} for s, (n, b) in counts.items()},
    }
    for side, (X, y, w) in data.items():
        X, y, w = np.array(X, float), np.array(y, float), np.array(w, float)
        for name in filter(None, a.unused.split(',')):
            X[:, names.index(name)] = 0
        w *= len(w) / w.sum()
        print(f'{side}: {len(y)} labelled blocks, positive share {y.mean():.2f}', file=sys.stderr)
        mean, scale, weights, bias = fit(X, y, w, l2=a.l2)
        for n, v in sorted(zip(names, weights), key=lambda t: -abs(t[1]))[:12]:
            print(f'  {n:24} {v:+.3f}', file=sys.stderr)
        model[side] = {'mean': [round(float(v), 6) for v in mean], 'scale': [round(float(v), 6) for v in scale],
                       'weights': [round(float(v), 6) for v in weights], 'bias': round(float(bias), 6)}
    current = json.load(open(a.out, encoding='utf8')) if os.path.exists(a.out) else {}
    best = (current.get('dropBelow', 0.0), current.get('addAbove', 1.0))
    if not a.no_search:
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'w.json')
            results = []
            json.dump({**model, 'dropBelow': 0.0, 'addAbove': 1.01}, open(path, 'w'))
            baseline = training_f1(binary, path)
            print('  without the classifier: ' + '  '.join(f'{k} {v:.3f}' for k, v in baseline.items()), file=sys.stderr)
            for drop in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5):
                for add in (1.0, 0.9, 0.8, 0.7, 0.6, 0.5):
                    json.dump({**model, 'dropBelow': drop, 'addAbove': add}, open(path, 'w'))
                    s = training_f1(binary, path)
                    # The mean F1, with any set's loss against the container pick alone counted twice.
                    mean_f1 = (sum(s.values()) - sum(max(0.0, baseline[k] - v) for k, v in s.items())) / len(s)
                    results.append((mean_f1, drop, add, s))
                    print(f'  dropBelow {drop:.2f} addAbove {add:.2f}: ' + '  '.join(f'{k} {v:.3f}' for k, v in s.items())
                          + f'  objective {mean_f1:.4f}', file=sys.stderr)
            results.sort(key=lambda r: -r[0])
            best = (results[0][1], results[0][2])
    model['dropBelow'], model['addAbove'] = best
    json.dump(model, open(a.out, 'w', encoding='utf8'), indent=1)
    print(f'wrote {a.out}: dropBelow {best[0]}, addAbove {best[1]}', file=sys.stderr)


if __name__ == '__main__':
    main()
