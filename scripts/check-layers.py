#!/usr/bin/env python3
"""Check that the folders inside NewsKitCore stack: no file uses a type declared in a folder above its own.

Usage:
    scripts/check-layers.py

The modules are held apart by the compiler (Package.swift); inside NewsKitCore the folders are a
layering too (README, "What is where"), which only a check like this one holds. The order, lowest
first, is LAYERS below. A file may use the types of its own folder and of the folders before it.

How: every type declared at the top level of a file (struct, enum, class, protocol, actor,
typealias) belongs to its folder; a file whose code (comments left out) names a type of a later
folder is reported as `path: Type (Folder)`. Extensions do not declare types, so a folder may
extend a lower folder's type. Exit status 1 if there is any upward reference, 0 if none.
Python 3 standard library only.
"""

import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORE = os.path.join(ROOT, "Sources", "NewsKit", "Core")
LAYERS = ["Model", "Text", "Input", "Dates", "Document", "Korean", "Extraction", "Adapter",
          "Recognition", "Enrichment", "Sinks", "Pipeline"]
DECLARATION = re.compile(
    r"^(?:(?:public|package|internal|private|fileprivate|final|indirect)\s+)*"
    r"(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z]\w*)", re.M)


def code_of(path):
    """The file's text without its comments (line comments and block comments)."""
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return "\n".join(line.split("//")[0] for line in text.split("\n"))


def main():
    folders = sorted(d for d in os.listdir(CORE) if os.path.isdir(os.path.join(CORE, d)))
    unknown = [d for d in folders if d not in LAYERS]
    if unknown:
        print(f"check-layers: folders not in LAYERS (add them where they stand): {', '.join(unknown)}")
        return 1
    declared = {}
    for layer in LAYERS:
        for path in glob.glob(os.path.join(CORE, layer, "*.swift")):
            for match in DECLARATION.finditer(open(path, encoding="utf-8").read()):
                declared[match.group(1)] = layer
    problems = 0
    for index, layer in enumerate(LAYERS):
        above = {name for name, owner in declared.items() if LAYERS.index(owner) > index}
        for path in sorted(glob.glob(os.path.join(CORE, layer, "*.swift"))):
            code = code_of(path)
            for name in sorted(above):
                if re.search(r"\b" + name + r"\b", code):
                    print(f"{os.path.relpath(path, ROOT)}: {name} ({declared[name]})")
                    problems += 1
    print(f"check-layers: {problems} upward reference(s) among {len(LAYERS)} folders")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
