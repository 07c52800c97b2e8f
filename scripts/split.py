#!/usr/bin/env python3
"""The fixed training / validation split of every page set in ../shared/corpus.

A page's part follows from its key alone (its path below the set's folder, or its key in the
set's truth file), through SHA-1 with a fixed salt: 30 % of each set is validation. Nothing is
chosen by hand and a page never changes part, so anyone can recompute the split; a new page
falls into a part without moving the others.

Tune on `train`; report `validation`, and do not read its pages one by one.

    python3 scripts/split.py SET_KEY...         prints each key's part
    from split import part; part("korean/fundus_kr/x.html")   # 'train' or 'validation'
"""
import hashlib
import sys

SALT = 'newskit-split-v1:'
VALIDATION_SHARE = 0.30


def part(key: str) -> str:
    """'validation' for 30 % of keys, 'train' for the rest, the same every time."""
    digest = hashlib.sha1((SALT + key).encode('utf8')).digest()
    value = int.from_bytes(digest[:4], 'big') / 2 ** 32
    return 'validation' if value < VALIDATION_SHARE else 'train'


if __name__ == '__main__':
    for k in sys.argv[1:]:
        print(part(k), k)
