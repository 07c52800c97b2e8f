#!/usr/bin/env python3
"""trafilatura's evaluation (../shared/corpus/trafilatura-eval-dev) per part of the fixed split.

    python3 scripts/eval-traf.py [--bin PATH] [--peers trafilatura-fast,readability]

Builds, for the training and the validation part (scripts/split.py, keyed by the set's URL
keys), a folder holding that part's evaldata.json and links to its pages, and runs
../shared/bench/traf_eval.py on each (NewsKit and the peers, scored as trafilatura does).
Tune on training; quote validation.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), 'shared')
sys.path.insert(0, HERE)
from split import part  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default=None)
    ap.add_argument('--peers', default='', help='peers to run beside NewsKit (traf_eval.py names); none by default')
    a = ap.parse_args()
    corpus = os.path.join(SHARED, 'corpus', 'trafilatura-eval-dev')
    evaluator = os.path.join(SHARED, 'bench', 'traf_eval.py')
    for path in (corpus, evaluator):
        if not os.path.exists(path):
            sys.exit(f'eval-traf: {path} is missing (../shared beside the project root)')
    binary = a.bin or os.path.join(subprocess.run(['swift', 'build', '-c', 'release', '--show-bin-path'], cwd=ROOT,
                                                  capture_output=True, text=True).stdout.strip(), 'newskit-demo')
    if not os.path.exists(binary):
        sys.exit(f'eval-traf: {binary} is missing; run `swift build -c release` first')
    data = json.load(open(os.path.join(corpus, 'evaldata.json'), encoding='utf8'))
    for name in ('train', 'validation'):
        chosen = {k: v for k, v in data.items() if part('trafilatura-eval-dev/' + k) == name}
        with tempfile.TemporaryDirectory(prefix=f'newskit-traf-{name}-') as tmp:
            os.symlink(os.path.join(corpus, 'html'), os.path.join(tmp, 'html'))
            json.dump(chosen, open(os.path.join(tmp, 'evaldata.json'), 'w', encoding='utf8'))
            out = os.path.join(tmp, 'result.json')
            subprocess.run([sys.executable, evaluator, tmp, binary, '--peers', a.peers, '--out', out],
                           check=True, capture_output=True, text=True)
            result = json.load(open(out, encoding='utf8'))
            for tool, m in result.items():
                if isinstance(m, dict) and 'f1' in m:
                    print(f"trafilatura-eval {name:10} {len(chosen):3d} pages  {tool:18} P {m['precision']:.3f}  "
                          f"R {m['recall']:.3f}  F1 {m['f1']:.3f}  missing {m.get('missing', 0)}")


if __name__ == '__main__':
    main()
