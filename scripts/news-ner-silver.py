#!/usr/bin/env python3
"""News sentences tagged in NewsKit's own convention, for training the entity tagger beside KLUE-NER.

    python3 scripts/news-ner-silver.py OUT.tsv [--bin PATH]

Reads the hand annotations of Tests/NewsKitAdaptersTests/Fixtures/entities (the five seeds and ten
Korean corpus pages: every person, organization and place each names, with the forms it uses),
extracts each page's text with `newskit-demo extract --no-enrich`, and tags every occurrence of an
annotated form (longest first, not inside a longer Hangul word on its left) in KLUE-NER's TSV
format (`## id<TAB>sentence`, then `CHAR<TAB>TAG` lines, a blank line between sentences).

KLUE tags generic bodies (경찰, 정부) as organizations; these annotations name only named bodies,
as NewsKit's entities do. The pages of Fixtures/entities-unseen are never read here: they are
the test of the result.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), 'shared')
FIXTURES = os.path.join(ROOT, 'Tests', 'NewsKitAdaptersTests', 'Fixtures', 'entities')
TAG = {'person': 'PS', 'organization': 'OG', 'place': 'LC'}


def hangul(c):
    return '\uac00' <= c <= '\ud7a3'


def sentences(text):
    for line in text.split('\n'):
        for s in re.split(r'(?<=[.?!])\s+', line):
            s = s.strip()
            if len(s) >= 8:
                yield s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--bin', default=None)
    a = ap.parse_args()
    binary = a.bin or os.path.join(subprocess.run(['swift', 'build', '-c', 'release', '--show-bin-path'], cwd=ROOT,
                                                  capture_output=True, text=True).stdout.strip(), 'newskit-demo')
    count = 0
    with open(a.out, 'w', encoding='utf8') as out:
        for f in sorted(glob.glob(os.path.join(FIXTURES, '*.json'))):
            ann = json.load(open(f, encoding='utf8'))
            inp = ann['input']
            path = os.path.join(ROOT, 'Examples', inp) if inp.startswith('seeds/') else os.path.join(SHARED, inp)
            if not os.path.exists(path):
                print(f'skipped {inp}: missing', file=sys.stderr)
                continue
            r = subprocess.run([binary, 'extract', '--no-enrich', '--format', 'jsonl', path], capture_output=True, text=True)
            try:
                o = json.loads(r.stdout.splitlines()[0])
            except (ValueError, IndexError):
                print(f'skipped {inp}: not extracted', file=sys.stderr)
                continue
            forms = []
            for e in ann['entities']:
                for form in [e['name']] + e.get('aliases', []):
                    if len(form) >= 2:
                        forms.append((form, TAG[e['type']]))
            forms.sort(key=lambda t: -len(t[0]))
            for k, s in enumerate(sentences((o.get('title') or '') + '\n' + (o.get('text') or ''))):
                tags = ['O'] * len(s)
                for form, t in forms:
                    start = 0
                    while (i := s.find(form, start)) >= 0:
                        start = i + 1
                        if i > 0 and hangul(s[i - 1]) and hangul(form[0]):
                            continue
                        if any(x != 'O' for x in tags[i:i + len(form)]):
                            continue
                        tags[i] = 'B-' + t
                        for j in range(i + 1, i + len(form)):
                            tags[j] = 'I-' + t
                out.write(f'## {os.path.basename(f)[:-5]}-{k}\t{s}\n')
                for c, t in zip(s, tags):
                    out.write(f'{c}\t{t}\n')
                out.write('\n')
                count += 1
    print(f'wrote {count} sentences to {a.out}', file=sys.stderr)


if __name__ == '__main__':
    main()
