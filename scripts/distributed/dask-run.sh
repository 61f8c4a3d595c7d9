#!/usr/bin/env bash
# Clean a folder on a real Dask cluster (a scheduler and worker processes
# talking over TCP on 127.0.0.1) through decruft's JSONL stream mode, and
# prove the result equals a plain batch of the same folder, byte for byte
# (Markdown and JSON records):
#
#   decruft pack .                 -> P JSONL files (lines dealt round-robin)
#   dask scheduler + W dask worker -> dask_clean.py: learn per partition,
#                                     merge, clean per partition (--jsonl)
#   decruft unpack                 -> a folder
#   decruft . --out …              -> a folder;  diff -r the two (both from inside FOLDER)
#
# Usage: scripts/distributed/dask-run.sh [options] [FOLDER] [-- decruft options…]
#   FOLDER            the articles (default: the sample input/ of the checkout)
#   --generate N      clean N generated articles instead (scripts/lib/generate.js; one site per kind)
#   --workers W       dask worker processes, one thread each (default 2)
#   --partitions P    JSONL files the packed folder is split into (default 4)
#   --keep DIR        keep the work folder (JSONL, outputs) in DIR instead of a temporary one
# Options after -- go to the batch and to each step of the run that takes them
# (for example -- --disable call-to-action, or -- --max-size 8K). Every step
# runs from inside FOLDER: give files they name (--rules, --templates …) as
# absolute paths.
#
# Needs: Node (the checkout built: npm ci), Debian's python3-dask and
# python3-distributed (the `dask` command; Python: $PYTHON, default
# /usr/bin/python3). Prints the wall time and the worker count; exits 0
# when the outputs are identical, 1 on any difference or failure, 2 for bad
# usage. The cluster is stopped on exit, whatever happens.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"
dask_command="${DASK:-dask}"
decruft=(node "$root/bin/decruft.js")

usage() { # usage [exit code]: 0 for --help (on stdout), 2 for bad usage (on stderr)
  if [ "${1:-2}" -eq 0 ]; then
    sed -n '/^# Usage:/,/^# absolute paths/p' "$0" | sed 's/^# \{0,1\}//'
  else
    sed -n '/^# Usage:/,/^# absolute paths/p' "$0" | sed 's/^# \{0,1\}//' >&2
  fi
  exit "${1:-2}"
}

folder=""
generate=""
workers=2
partitions=4
keep=""
options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --generate) generate="${2:?--generate needs a count}"; shift 2 ;;
    --workers) workers="${2:?--workers needs a count}"; shift 2 ;;
    --partitions) partitions="${2:?--partitions needs a count}"; shift 2 ;;
    --keep) keep="${2:?--keep needs a folder}"; shift 2 ;;
    -h | --help) usage 0 ;;
    --) shift; options=("$@"); break ;;
    -*) echo "dask-run: unknown option $1" >&2; usage ;;
    *) [ -z "$folder" ] || usage; folder="$1"; shift ;;
  esac
done
for count in "$workers" "$partitions" ${generate:+"$generate"}; do
  [[ "$count" =~ ^[1-9][0-9]*$ ]] || { echo "dask-run: expected a positive count, got $count" >&2; exit 2; }
done
if [ -n "$generate" ] && [ -n "$folder" ]; then echo "dask-run: give a FOLDER or --generate, not both" >&2; exit 2; fi

# Each step gets the options it takes: pack lists and reads the folder as the batch does (--config,
# --no-config, --generator, --max-size); unpack writes what the batch writes (--md, --json); the
# clean takes the rest and those of pack (the driver gives `templates learn` what it takes).
pack_options=()
unpack_options=()
clean_options=()
i=0
while [ "$i" -lt "${#options[@]}" ]; do
  option="${options[$i]}"
  case "${option%%=*}" in
    --md | --json) unpack_options+=("$option") ;;
    --no-config) pack_options+=("$option"); clean_options+=("$option") ;;
    --config | --generator | --max-size)
      pack_options+=("$option"); clean_options+=("$option")
      if [[ "$option" != *=* ]] && [ $((i + 1)) -lt "${#options[@]}" ]; then
        i=$((i + 1))
        pack_options+=("${options[$i]}"); clean_options+=("${options[$i]}")
      fi
      ;;
    *) clean_options+=("$option") ;;
  esac
  i=$((i + 1))
done

if [ ! -f "$root/dist/index.js" ]; then
  echo "dask-run: $root is not built: run npm ci (or npm run build) first" >&2
  exit 1
fi
if ! command -v "$dask_command" >/dev/null 2>&1 || ! "$python" -c 'import dask.bag, distributed' 2>/dev/null; then
  echo "dask-run: needs Dask distributed: the \`dask\` command and $python with dask.bag and distributed" >&2
  echo "          (Debian/Ubuntu: apt-get install python3-dask python3-distributed)" >&2
  exit 1
fi

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  work="$(cd "$keep" && pwd)"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/decruft-dask.XXXXXX")"
fi
cluster=()
stop_cluster() {
  local pid
  for pid in "${cluster[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${cluster[@]}"; do wait "$pid" 2>/dev/null || true; done
  cluster=()
}
cleanup() {
  stop_cluster
  if [ -z "$keep" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# The articles' folder is the working directory of every decruft process, and `.` their operand:
# a batch keys a site without a frontmatter URL by its folder's path from the working directory
# (`dir:posts/2024`), a stream by its line's `path`, which `decruft pack` writes relative to the
# folder. From inside the folder the two agree.
if [ -n "$generate" ]; then
  folder="$work/articles"
  DECRUFT_ROOT="$root" node --input-type=module - "$generate" "$folder" <<'EOF'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
const {generateCorpus} = await import(pathToFileURL(join(process.env.DECRUFT_ROOT, 'scripts/lib/generate.js')).href)
const [count, folder] = process.argv.slice(2)
for (const article of generateCorpus(Number(count))) {
  mkdirSync(join(folder, article.kind), {recursive: true})
  writeFileSync(join(folder, article.kind, article.name), article.text)
}
EOF
else
  folder="${folder:-$root/input}"
  [ -d "$folder" ] || { echo "dask-run: no folder $folder" >&2; exit 2; }
fi
cd "$folder"

started=$(date +%s.%N)
seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}'; }

# 1. Pack, and deal the lines round-robin into P JSONL files (dask.bag reads each file as a
#    partition): no partition holds a whole site, as in a corpus not sorted by site, so only the
#    merged index knows the sites' templates.
mkdir -p "$work/jsonl" "$work/parts"
# pack exits 3 when it refused some files (too large, unreadable): the batch fails them too.
status=0
"${decruft[@]}" pack . -o "$work/articles.jsonl" "${pack_options[@]}" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
  echo "dask-run: decruft pack failed (exit $status)" >&2
  exit 1
fi
articles=$(wc -l <"$work/articles.jsonl")
split -n "r/$partitions" -d -a 5 --additional-suffix=.jsonl "$work/articles.jsonl" "$work/jsonl/articles-"

# 2. The cluster: a scheduler on a free TCP port of 127.0.0.1 and W worker processes of one thread each.
cluster_started=$(date +%s.%N)
"$dask_command" scheduler --host 127.0.0.1 --port 0 --no-dashboard --scheduler-file "$work/scheduler.json" \
  >"$work/scheduler.log" 2>&1 &
cluster+=($!)
for _ in $(seq 1 600); do
  [ -s "$work/scheduler.json" ] && break
  kill -0 "${cluster[0]}" 2>/dev/null || { cat "$work/scheduler.log" >&2; echo "dask-run: the scheduler exited" >&2; exit 1; }
  sleep 0.1
done
[ -s "$work/scheduler.json" ] || { cat "$work/scheduler.log" >&2; echo "dask-run: the scheduler did not start" >&2; exit 1; }
for number in $(seq 1 "$workers"); do
  "$dask_command" worker --scheduler-file "$work/scheduler.json" --host 127.0.0.1 --nworkers 1 --nthreads 1 \
    --no-dashboard --name "decruft-$number" --local-directory "$work/worker-$number" >"$work/worker-$number.log" 2>&1 &
  cluster+=($!)
done

# 3. The distributed run (the driver waits until all W workers have joined).
dask_status=0
"$python" "$root/scripts/distributed/dask_clean.py" --scheduler-file "$work/scheduler.json" --workers "$workers" \
  --decruft "$(printf '%q ' "${decruft[@]}")" --cwd "$PWD" --out "$work/parts" "$work"/jsonl/*.jsonl \
  -- "${clean_options[@]}" || dask_status=$?
dask_seconds=$(seconds_since "$cluster_started")
stop_cluster
if [ "$dask_status" -ne 0 ] && [ "$dask_status" -ne 3 ]; then
  echo "dask-run: the Dask run failed (exit $dask_status); logs in $work (use --keep to keep them)" >&2
  exit 1
fi
[ "$dask_status" -eq 0 ] || status=3
# unpack writes no file for an error line (as a batch writes none for a failed file) and exits 3 then.
unpack_status=0
cat "$work"/parts/*.jsonl | "${decruft[@]}" unpack - -o "$work/dask-out" "${unpack_options[@]}" || unpack_status=$?
if [ "$unpack_status" -ne 0 ] && [ "$unpack_status" -ne 3 ]; then
  echo "dask-run: decruft unpack failed (exit $unpack_status)" >&2
  exit 1
fi
[ "$unpack_status" -eq 0 ] || status=3

# 4. The plain batch of the same folder, from the same working directory.
batch_started=$(date +%s.%N)
batch_status=0
"${decruft[@]}" . --out "$work/batch-out" --quiet "${options[@]}" || batch_status=$?
batch_seconds=$(seconds_since "$batch_started")
if [ "$batch_status" -ne 0 ] && [ "$batch_status" -ne 3 ]; then
  echo "dask-run: the batch failed (exit $batch_status)" >&2
  exit 1
fi

# 5. The same bytes, the same verdict.
echo "dask-run: $articles articles in $partitions partitions on $workers dask workers (1 thread each):" \
  "$dask_seconds s with the cluster's start (batch: $batch_seconds s; total $(seconds_since "$started") s)"
if ! diff -r "$work/batch-out" "$work/dask-out"; then
  echo "dask-run: the Dask run's output differs from the batch's" >&2
  exit 1
fi
if [ "$status" -ne "$batch_status" ]; then
  echo "dask-run: the Dask run's steps exited $status (pack, driver, unpack: 3 when some article failed), the batch $batch_status" >&2
  exit 1
fi
files=$(find "$work/batch-out" -type f | wc -l)
echo "dask-run: identical: $files files (Markdown and records) of the Dask run equal the batch's"
