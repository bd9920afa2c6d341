#!/usr/bin/env bash
# Runs each argument as a shell command, all at once, and prints each one's output whole when all
# have ended (never interleaved), under a line saying whether it passed. Fails if any failed.
# Why: tsc and eslint each use one thread. On 2 cores the type check, eslint and the build side by
# side take about the time of the longest, where one after another they took the sum (130 s).
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pids=()
for i in $(seq 0 $(($# - 1))); do
  cmd=${*:$((i + 1)):1}
  bash -c "$cmd" > "$dir/$i.log" 2>&1 &
  pids+=("$!")
done
status=0
for i in "${!pids[@]}"; do
  cmd=${*:$((i + 1)):1}
  if wait "${pids[$i]}"; then echo "--- passed: $cmd"; else echo "--- FAILED: $cmd"; status=1; fi
  cat "$dir/$i.log"
done
exit $status
