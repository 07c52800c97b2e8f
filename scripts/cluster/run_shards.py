#!/usr/bin/env python3
"""Runs a NewsKit extraction as N shards on a Dask distributed cluster, all into one PostgreSQL.

    python3 scripts/cluster/run_shards.py --scheduler tcp://127.0.0.1:8786 --shards 8 \
        --demo .build/release/newskit-demo --sink postgresql://newskit@127.0.0.1:5432/postgres \
        [--retries 3] [--] PATH... | --warc FILE...

One task per shard: `newskit-demo extract PATH... --shard I/N --sink URI` on whichever worker
Dask gives it. A task that fails (no summary line, a sink error, a signal; pages that gave no
article are not a failure of the shard) or whose worker dies is run again
(`retries`; Dask also moves a dead worker's tasks to the others). Running a shard twice is safe:
the sink resumes (skips what PostgreSQL already stores) and upserts by article id, so every
article is stored once however often a shard runs. Prints one line per shard and exits 1 when a
shard failed after its retries.

Why Dask and not Ray (docs/scale.md): the tasks are whole processes that need no shared objects,
so the smallest engine that schedules, retries and survives a dead worker is enough; Dask's
distributed scheduler is a pure-Python package (one pip install, ~10 MB), starts a scheduler and
workers as plain processes (`dask scheduler`, `dask worker`), and runs on a laptop, on SSH hosts or
under Slurm/Kubernetes with the same client code.
"""

import argparse
import subprocess
import sys
import time

from dask.distributed import Client, as_completed


def run_shard(demo, paths, warcs, index, count, sink, extra):
    """Runs one shard in a subprocess; raises (so Dask retries) when it exits non-zero."""
    args = [demo, "extract"] + list(paths)
    for w in warcs:
        args += ["--warc", w]
    args += ["--shard", f"{index}/{count}", "--sink", sink] + list(extra)
    started = time.time()
    done = subprocess.run(args, capture_output=True, text=True)
    summary = [l for l in done.stderr.splitlines() if "newskit-demo extract: extracted" in l]
    # Exit 1 with a summary line means some pages gave no article (named on stderr) after every
    # other page was stored: the shard is done. Anything else (no summary, sink errors, a signal)
    # is a failure, and Dask runs the shard again.
    finished = done.returncode == 0 or (done.returncode == 1 and summary and "sink error" not in summary[-1])
    if not finished:
        raise RuntimeError(f"shard {index}/{count} exited {done.returncode}: {done.stderr[-800:]}")
    return index, time.time() - started, summary[-1] if summary else done.stderr[-300:]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scheduler", required=True, help="the Dask scheduler's address, tcp://HOST:PORT")
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--demo", required=True, help="the newskit-demo binary (the same path on every worker)")
    parser.add_argument("--sink", required=True, help="a postgres:// URI every shard writes to")
    parser.add_argument("--retries", type=int, default=3)
    parser.add_argument("--warc", action="append", default=[], help="archives instead of PATHs (split by file)")
    parser.add_argument("--extra", action="append", default=[], help="an extra newskit-demo argument (repeatable)")
    parser.add_argument("paths", nargs="*")
    a = parser.parse_args()
    if not a.paths and not a.warc:
        parser.error("give PATHs or --warc FILEs")
    client = Client(a.scheduler)
    futures = [client.submit(run_shard, a.demo, a.paths, a.warc, i, a.shards, a.sink, a.extra,
                             retries=a.retries, pure=False, key=f"shard-{i}-of-{a.shards}")
               for i in range(a.shards)]
    failed = 0
    for future in as_completed(futures):
        try:
            index, seconds, summary = future.result()
            print(f"shard {index}/{a.shards} done in {seconds:.1f} s: {summary}", flush=True)
        except Exception as e:  # noqa: BLE001 - a shard's failure is reported, the others go on
            failed += 1
            print(f"shard failed after {a.retries} retries: {e}", flush=True)
    client.close()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
