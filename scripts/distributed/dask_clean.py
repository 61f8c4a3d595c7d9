#!/usr/bin/python3
"""Clean JSONL articles on a Dask cluster by piping partitions through decruft.

The input is what ``decruft pack`` writes: one JSON object per line,
``{"id", "path"?, "text", ...}`` (docs/jsonl.md). The files become a
``dask.bag`` (``read_text``: one partition per file, or ``--partitions``)
and go through two stages, each a ``map_partitions`` that pipes the
partition's lines through a decruft process on a worker:

1. **learn**: ``decruft templates learn --jsonl -o -`` per partition (with
   the options of those after ``--`` that it takes: ``--rules``,
   ``--config``, ``--no-config``, ``--max-size``); the driver gathers the
   indexes (one line of JSON each) and adds them up with
   ``decruft templates merge`` (counts add, so the merged index is the one a
   single batch of all the articles would learn);
2. **clean**: ``decruft --jsonl --templates merged.json --no-templates`` per
   partition, written out with ``to_textfiles`` as ``part-NNNNN.jsonl`` in
   input order (one output line per input line, ``error`` lines included).

The workers need the decruft command (``--decruft``) and a filesystem for
temporary files only: the indexes travel through Dask. The driver reads the
output parts back to count the error lines (a local ``--out``). With ``--no-templates``
among the decruft options the learning stage is skipped; a ``--templates FILE``
among them (on the driver) is otherwise added to the learned index, as a
batch adds it to what it learns.

Exit code: 0 when every line was cleaned, 3 when some lines came out as
error lines (the others were written), 2 for bad usage, 1 when a stage failed
(a decruft process that exited otherwise, a lost worker).

Example (a scheduler on this machine; see docs/scaling.md)::

    /usr/bin/python3 scripts/distributed/dask_clean.py \\
        --scheduler tcp://127.0.0.1:8786 --out parts/ articles-*.jsonl \\
        -- --disable call-to-action
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time

import dask
import dask.bag as db
from dask.distributed import Client


def run_decruft(command, args, lines, cwd):
    """Pipe ``lines`` (strings ending with a newline) through ``command args``; return its stdout.

    decruft exits 0, or 3 when some lines came out as error lines (they are
    in the output); anything else is a failure of the partition.
    """
    data = "".join(line if line.endswith("\n") else line + "\n" for line in lines).encode("utf-8")
    result = subprocess.run(command + args, input=data, capture_output=True, cwd=cwd, check=False)
    if result.returncode not in (0, 3):
        stderr = result.stderr.decode("utf-8", "replace").strip()
        raise RuntimeError(f"{shlex.join(command + args)} exited {result.returncode}: {stderr}")
    return result.stdout.decode("utf-8")


def learn_partition(lines, command, options, cwd):
    """Stage 1 on a worker: the site-template index of one partition, as its JSON text (one line)."""
    return [run_decruft(command, ["templates", "learn", "--jsonl", "-o", "-", "--quiet", *options], list(lines), cwd)]


# What `decruft templates learn` takes of the options a clean takes: the rest
# (--disable, --frontmatter …) changes what is removed, not what is learned.
LEARN_OPTIONS = {"--rules": True, "--config": True, "--no-config": False, "--max-size": True}


def learn_options(options):
    """The options of ``options`` (a clean's) that ``decruft templates learn`` takes, in order."""
    kept = []
    index = 0
    while index < len(options):
        option = options[index]
        name = option.split("=", 1)[0]
        if name in LEARN_OPTIONS:
            takes_value = LEARN_OPTIONS[name] and "=" not in option
            kept += options[index : index + (2 if takes_value else 1)]
            index += 2 if takes_value else 1
        else:
            index += 1
    return kept


def clean_partition(lines, command, options, index_text, cwd):
    """Stage 2 on a worker: the output lines of one partition (without their newlines)."""
    lines = list(lines)
    with tempfile.TemporaryDirectory(prefix="decruft-clean-") as work:
        args = ["--jsonl", *options]
        if index_text is not None:
            index = os.path.join(work, "merged.json")
            with open(index, "w", encoding="utf-8") as file:
                file.write(index_text)
            args += ["--templates", index, "--no-templates"]
        out = run_decruft(command, args, lines, cwd)
    return out.splitlines()


def merge_indexes(command, texts, cwd, given=()):
    """Add the partitions' indexes (and the ``given`` index files) up with ``decruft templates merge`` on the driver; the merged JSON text."""
    with tempfile.TemporaryDirectory(prefix="decruft-merge-") as work:
        files = [os.path.abspath(file) for file in given]
        for number, text in enumerate(texts):
            path = os.path.join(work, f"index-{number:05d}.json")
            with open(path, "w", encoding="utf-8") as file:
                file.write(text)
            files.append(path)
        merged = os.path.join(work, "merged.json")
        result = subprocess.run(
            command + ["templates", "merge", *files, "-o", merged], capture_output=True, cwd=cwd, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"decruft templates merge exited {result.returncode}: {result.stderr.decode('utf-8', 'replace').strip()}")
        with open(merged, encoding="utf-8") as file:
            return file.read()


def parse_arguments(argv):
    if "--" in argv:
        split = argv.index("--")
        argv, options = argv[:split], argv[split + 1 :]
    else:
        options = []
    parser = argparse.ArgumentParser(
        description="Clean JSONL articles (decruft pack) on a Dask cluster: learn per partition, merge, clean per partition.",
        epilog="Options after -- go to every decruft process (for example -- --disable call-to-action).",
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="the scheduler's address, e.g. tcp://127.0.0.1:8786")
    where.add_argument("--scheduler-file", help="the file `dask scheduler --scheduler-file` wrote")
    parser.add_argument("--out", required=True, help="folder for the output parts (part-NNNNN.jsonl)")
    parser.add_argument("--decruft", default="decruft", help="the decruft command on the workers (default: decruft)")
    parser.add_argument("--cwd", default=None, help="working directory of the decruft processes on the workers")
    parser.add_argument("--partitions", type=int, default=None, help="repartition the bag into this many partitions")
    parser.add_argument("--workers", type=int, default=1, help="wait until this many workers have joined (default: 1)")
    parser.add_argument("inputs", nargs="+", help="JSONL files (globs allowed, as dask.bag.read_text takes them)")
    arguments = parser.parse_args(argv)
    if arguments.partitions is not None and arguments.partitions < 1:
        parser.error("--partitions must be at least 1")
    arguments.options = options
    return arguments


def split_templates(options):
    """``options`` without ``--templates FILE`` (or ``--templates=FILE``), and the FILEs it named."""
    rest, files = [], []
    index = 0
    while index < len(options):
        option = options[index]
        if option == "--templates" and index + 1 < len(options):
            files.append(options[index + 1])
            index += 2
            continue
        if option.startswith("--templates="):
            files.append(option.split("=", 1)[1])
        else:
            rest.append(option)
        index += 1
    return rest, files


def main(argv):
    arguments = parse_arguments(argv)
    command = shlex.split(arguments.decruft)
    options = arguments.options
    learn = "--no-templates" not in options
    given = []
    if learn:
        # As in a batch, a --templates index given is added to what is learned: merged with the parts' indexes.
        options, given = split_templates(options)
    started = time.perf_counter()
    if arguments.scheduler_file:
        client = Client(scheduler_file=arguments.scheduler_file, timeout="60s")
    else:
        client = Client(arguments.scheduler, timeout="60s")
    with client:
        client.wait_for_workers(arguments.workers, timeout=120)
        workers = len(client.scheduler_info()["workers"])
        bag = db.read_text(arguments.inputs, encoding="utf-8")
        if arguments.partitions is not None:
            bag = bag.repartition(arguments.partitions)
        partitions = bag.npartitions
        index_text = None
        if learn:
            indexes = bag.map_partitions(learn_partition, command, learn_options(options), arguments.cwd).compute()
            learned = time.perf_counter()
            index_text = merge_indexes(command, indexes, arguments.cwd, given)
            print(
                f"learn: {len(indexes)} partition indexes in {learned - started:.1f} s, merged in "
                f"{time.perf_counter() - learned:.1f} s",
                file=sys.stderr,
            )
        os.makedirs(arguments.out, exist_ok=True)
        index_arg = dask.delayed(index_text) if index_text is not None else None
        cleaned = bag.map_partitions(clean_partition, command, options, index_arg, arguments.cwd)
        cleaned.to_textfiles(
            os.path.join(arguments.out, "*.jsonl"),
            name_function=lambda number: f"part-{number:05d}",
            encoding="utf-8",
            last_endline=True,
        )
    lines = errors = 0
    for name in sorted(os.listdir(arguments.out)):
        if not name.endswith(".jsonl"):
            continue
        with open(os.path.join(arguments.out, name), encoding="utf-8") as file:
            for line in file:
                lines += 1
                if "error" in json.loads(line):
                    errors += 1
    print(
        f"dask: {lines} lines in {partitions} partitions on {workers} workers in "
        f"{time.perf_counter() - started:.1f} s, {errors} error lines",
        file=sys.stderr,
    )
    return 3 if errors else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except RuntimeError as error:
        print(f"dask_clean: {error}", file=sys.stderr)
        sys.exit(1)
