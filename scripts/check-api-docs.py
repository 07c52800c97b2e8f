#!/usr/bin/env python3
"""List the public symbols of NewsKit's library modules whose doc comments are missing or incomplete.

Usage:
    scripts/check-api-docs.py [--module M]... [--exclude PATH_PREFIX]... [--skip-build]

It runs `swift package dump-symbol-graph --minimum-access-level public` (which builds the package
first if needed), reads the symbol graphs of NewsKitHTML, NewsKitCore, NewsKitFetching,
NewsKitSQLite and NewsKitAdapters (with their `Module@OtherModule.symbols.json` extension files)
and reports every public symbol declared in this package's sources that:

  * has no doc comment of its own, or one without a summary line;
  * is a function, method, initializer or subscript with parameters and documents none of them,
    or leaves one out (`- Parameters:` with `  - name:` items, or `- Parameter name:`);
  * returns something other than Void (initializers excepted) without `- Returns:`;
  * throws (or rethrows) without `- Throws:`.

Enum cases and properties need only a summary. Not reported: symbols without a source location
(compiler-synthesized Codable, Hashable, CaseIterable members), members the symbol graph copies
onto a type from a protocol extension (`::SYNTHESIZED::`, documented where they are written), and
members that implement a protocol requirement and inherit its doc comment (the graph gives them
the requirement's comment, from another file or module).

One line per problem, `path:line: Kind Name: what is missing`, then a count per module.
Exit status 1 if there is any problem, 0 if none, 2 if the symbol graphs cannot be made or read.
Python 3 standard library only.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import time
from urllib.parse import unquote, urlparse

MODULES = ["NewsKitHTML", "NewsKitCore", "NewsKitFetching", "NewsKitSQLite", "NewsKitPostgres", "NewsKitAdapters"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CALLABLE_KINDS = {
    "swift.func", "swift.func.op", "swift.method", "swift.type.method",
    "swift.init", "swift.subscript", "swift.type.subscript",
}
VOID_RETURNS = {"()", "Void", "Never", "Swift.Void"}


def parse_arguments():
    parser = argparse.ArgumentParser(
        description="Report public symbols of the NewsKit library modules whose doc comments "
                    "are missing or lack - Parameters:, - Returns: or - Throws:.")
    parser.add_argument("--module", action="append", choices=MODULES, metavar="M",
                        help="check only this module (repeatable; default: all of %s)" % ", ".join(MODULES))
    parser.add_argument("--exclude", action="append", default=[], metavar="PATH_PREFIX",
                        help="leave out symbols declared in files whose path (relative to the "
                             "package root) starts with this prefix (repeatable)")
    parser.add_argument("--skip-build", action="store_true",
                        help="reuse the symbol graphs already in .build/<triple>/symbolgraph/")
    return parser.parse_args()


def dump_symbol_graphs(modules):
    """Runs the dump and returns the folder it wrote to (or None if its output does not say).

    The dump also tries the package's test modules and fails when they are not built (after a
    plain `swift build`); that failure matters only if a graph this script reads was not written.
    """
    command = ["swift", "package", "dump-symbol-graph", "--minimum-access-level", "public"]
    started = time.time()
    result = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    match = re.search(r"Files written to (\S+)", result.stdout)
    folder = match.group(1).rstrip(".") if match else None
    if result.returncode != 0:
        stale = [m for m in modules
                 if folder is None or not os.path.exists(os.path.join(folder, m + ".symbols.json"))
                 or os.path.getmtime(os.path.join(folder, m + ".symbols.json")) < started - 1]
        if stale:
            sys.stderr.write(result.stdout)
            sys.stderr.write("check-api-docs: `%s` failed with status %d; no fresh graph for %s\n"
                             % (" ".join(command), result.returncode, ", ".join(stale)))
            sys.exit(2)
    return folder


def find_graph_folder():
    """The most recently written `.build/<triple>/symbolgraph` folder."""
    folders = [f for f in glob.glob(os.path.join(ROOT, ".build", "*", "symbolgraph")) if os.path.isdir(f)]
    if not folders:
        sys.exit("check-api-docs: no .build/*/symbolgraph folder; run without --skip-build")
    return max(folders, key=os.path.getmtime)


def graph_files(folder, module):
    files = [os.path.join(folder, module + ".symbols.json")]
    files += sorted(glob.glob(os.path.join(folder, module + "@*.symbols.json")))
    return [f for f in files if os.path.exists(f)]


def relative_path(uri):
    path = unquote(urlparse(uri).path)
    return os.path.relpath(path, ROOT)


_source_cache = {}


def source_lines(relpath):
    if relpath not in _source_cache:
        try:
            with open(os.path.join(ROOT, relpath), encoding="utf-8") as handle:
                _source_cache[relpath] = handle.read().split("\n")
        except OSError:
            _source_cache[relpath] = None
    return _source_cache[relpath]


def has_own_doc(symbol, graph_module):
    """True when the symbol's doc comment is written on the symbol itself.

    A member implementing a protocol requirement it does not document gets the requirement's
    comment in the graph: from another module (no `uri`, or another `module`), or from the
    requirement's place in this module. Its own comment ends just above its declaration, with
    at most attributes and blank lines in between.
    """
    doc = symbol.get("docComment")
    location = symbol["location"]
    if doc is None:
        return False
    if doc.get("module") != graph_module or doc.get("uri") != location["uri"]:
        return False
    ranges = [line["range"] for line in doc.get("lines", []) if "range" in line]
    if not ranges:
        return False
    doc_end = ranges[-1]["end"]["line"]
    declaration_line = location["position"]["line"]
    if doc_end >= declaration_line:
        return False
    lines = source_lines(relative_path(location["uri"]))
    if lines is None:
        return True
    for between in lines[doc_end + 1:declaration_line]:
        text = between.strip()
        if text and not text.startswith("@"):
            return False
    return True


def is_inherited(symbol, graph_module):
    """True when the graph gave the symbol a doc comment written elsewhere (a protocol requirement's)."""
    return symbol.get("docComment") is not None and not has_own_doc(symbol, graph_module)


def top_level_keywords(fragments):
    """Keywords of a declaration outside any parentheses, brackets or angle brackets.

    So `func f(_ body: () throws -> Void)` does not count as throwing; `func f() throws` does.
    """
    depth = 0
    keywords = []
    for fragment in fragments:
        if fragment.get("kind") == "keyword":
            if depth == 0:
                keywords.append(fragment.get("spelling", ""))
        elif fragment.get("kind") == "text":
            for character in fragment.get("spelling", "").replace("->", ""):
                if character in "([<":
                    depth += 1
                elif character in ")]>":
                    depth = max(0, depth - 1)
    return keywords


def throws(symbol):
    keywords = top_level_keywords(symbol.get("declarationFragments", []))
    return "throws" in keywords or "rethrows" in keywords


def parameter_names(symbol):
    """Each parameter as (name used in the body, names a doc comment may use), in declaration order."""
    names = []
    for parameter in symbol.get("functionSignature", {}).get("parameters", []):
        internal = parameter.get("internalName") or parameter.get("name")
        accepted = {parameter.get("name"), parameter.get("internalName")} - {None, "_"}
        if internal and accepted:
            names.append((internal, accepted))
    return names


def return_type(symbol):
    fragments = symbol.get("functionSignature", {}).get("returns", [])
    return "".join(f.get("spelling", "") for f in fragments).strip()


def doc_text(symbol):
    return [line.get("text", "") for line in symbol["docComment"].get("lines", [])]


def documented_parameters(lines):
    """Names given in `- Parameter x:` lines and in the items of a `- Parameters:` list."""
    names = set()
    in_list = False
    for line in lines:
        stripped = line.strip()
        single = re.match(r"^[-*+]\s+[Pp]arameter\s+([^\s:]+)\s*:", stripped)
        if single:
            names.add(single.group(1))
            in_list = False
            continue
        if re.match(r"^[-*+]\s+[Pp]arameters\s*:", stripped):
            in_list = True
            continue
        if in_list:
            item = re.match(r"^\s+[-*+]\s+([^\s:]+)\s*:", line)
            if item:
                names.add(item.group(1))
            elif re.match(r"^[-*+]\s", stripped) and not line.startswith((" ", "\t")):
                in_list = False
    return names


def has_callout(lines, name):
    pattern = re.compile(r"^\s*[-*+]\s+%s\s*:" % name, re.IGNORECASE)
    return any(pattern.match(line) for line in lines)


def problems_of(symbol, graph_module):
    """What the symbol's documentation lacks (an empty list when nothing)."""
    if not has_own_doc(symbol, graph_module):
        return ["no doc comment"]
    lines = doc_text(symbol)
    problems = []
    summary = next((line.strip() for line in lines if line.strip()), "")
    if not summary or re.match(r"^[-*+]\s", summary):
        problems.append("no summary line")
    kind = symbol["kind"]["identifier"]
    if kind not in CALLABLE_KINDS:
        return problems
    parameters = parameter_names(symbol)
    if parameters:
        documented = documented_parameters(lines)
        if not documented:
            problems.append("no - Parameters: (%s)" % ", ".join(name for name, _ in parameters))
        else:
            missing = [name for name, accepted in parameters if not (accepted & documented)]
            if missing:
                problems.append("- Parameters: lacks %s" % ", ".join(missing))
    if kind != "swift.init" and return_type(symbol) not in VOID_RETURNS and return_type(symbol):
        if not has_callout(lines, "Returns"):
            problems.append("no - Returns:")
    if throws(symbol) and not has_callout(lines, "Throws"):
        problems.append("no - Throws:")
    return problems


def main():
    arguments = parse_arguments()
    modules = arguments.module or MODULES
    excludes = [os.path.relpath(p, ROOT) + (os.sep if p.endswith(os.sep) else "") if os.path.isabs(p)
                else (p[2:] if p.startswith("./") else p) for p in arguments.exclude]
    folder = None if arguments.skip_build else dump_symbol_graphs(modules)
    if folder is None or not os.path.isdir(folder):
        folder = find_graph_folder()

    seen = set()
    counts = {}
    reports = []
    for module in modules:
        files = graph_files(folder, module)
        if not files:
            sys.stderr.write("check-api-docs: no symbol graph for %s in %s\n" % (module, folder))
            sys.exit(2)
        counts[module] = 0
        for path in files:
            with open(path, encoding="utf-8") as handle:
                graph = json.load(handle)
            graph_module = graph["module"]["name"]
            for symbol in graph["symbols"]:
                location = symbol.get("location")
                if location is None or "::SYNTHESIZED::" in symbol["identifier"]["precise"]:
                    continue
                relpath = relative_path(location["uri"])
                if relpath.startswith("..") or relpath.startswith(".build" + os.sep):
                    continue
                if any(relpath.startswith(e) for e in excludes):
                    continue
                if is_inherited(symbol, graph_module):
                    continue
                line = location["position"]["line"] + 1
                name = ".".join(symbol["pathComponents"])
                key = (relpath, line, symbol["identifier"]["precise"])
                if key in seen:
                    continue
                seen.add(key)
                problems = problems_of(symbol, graph_module)
                if problems:
                    counts[module] += 1
                    reports.append((relpath, line, "%s:%d: %s %s: %s" % (
                        relpath, line, symbol["kind"]["displayName"], name, "; ".join(problems))))

    for _, _, text in sorted(reports):
        print(text)
    total = sum(counts.values())
    print()
    for module in modules:
        print("%-16s %d" % (module, counts[module]))
    print("%-16s %d" % ("total", total))
    if excludes:
        print("excluded: %s" % ", ".join(arguments.exclude))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
