#!/usr/bin/env python3
"""Counts over whole parts (no page listed): related teasers on the Korean pages, and author
credits on aeb-dev, for one or more builds of newskit-demo.

    python3 scripts/eval-related.py [--bin PATH]... (default: the release build)

Korean pages, per part of the fixed split (scripts/split.py): teasers; teasers whose URL is not
absolute (relative, or starting with a space); teasers whose title has under six letters.
aeb-dev: authors; author names still holding `By` or a comma; authors with a role.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), 'shared')
sys.path.insert(0, HERE)
from split import part  # noqa: E402


def articles(binary, files):
    r = subprocess.run([binary, 'extract', '--no-enrich', '--format', 'jsonl', *files], capture_output=True, text=True)
    for line in r.stdout.splitlines():
        try:
            yield json.loads(line)
        except ValueError:
            continue


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', action='append', default=[])
    a = ap.parse_args()
    binaries = a.bin or [os.path.join(subprocess.run(['swift', 'build', '-c', 'release', '--show-bin-path'], cwd=ROOT,
                                                     capture_output=True, text=True).stdout.strip(), 'newskit-demo')]
    korean = os.path.join(SHARED, 'corpus', 'korean')
    aeb = sorted(glob.glob(os.path.join(SHARED, 'corpus', 'aeb-dev', 'html', '*.html')))
    for binary in binaries:
        print(f'== {binary}')
        for name in ('train', 'validation'):
            files = [f for f in glob.glob(os.path.join(korean, '**', '*.html'), recursive=True)
                     if part('korean/' + os.path.relpath(f, korean)) == name]
            teasers = relative = short = 0
            for o in articles(binary, files):
                for t in o.get('related') or []:
                    teasers += 1
                    url = t.get('url') or ''
                    relative += bool(url) and not url.startswith('http')
                    short += bool(t.get('title')) and sum(c.isalnum() for c in t['title']) < 6
            print(f'korean {name:10} {len(files):3d} pages: teasers {teasers}, not absolute {relative}, titles under 6 letters {short}')
        authors = raw = roles = 0
        for o in articles(binary, aeb):
            for au in o.get('authors') or []:
                authors += 1
                raw += au['name'].startswith('By ') or ',' in au['name']
                roles += bool(au.get('role'))
        print(f'aeb-dev {len(aeb)} pages: authors {authors}, names with By or a comma {raw}, with a role {roles}')


if __name__ == '__main__':
    main()
