#!/usr/bin/env bash
# `npm test`: every suite, then the scale-out suite on its own. That suite runs five app processes
# (two bots, three workers) against one MongoDB test server; beside the other suites on a 2-core
# machine everything was oversubscribed about threefold and a Confirm (about 16 MongoDB and Redis
# round trips in a row, triage linking included) passed the Bot API double's 10 s (seen in full
# runs; alone it passes). With arguments, plain jest with them (`npm test -- test/unit`).
set -euo pipefail
if [ $# -gt 0 ]; then exec npx jest "$@"; fi
RIPOTI_SKIP_SCALE=1 npx jest
npx jest --runInBand test/e2e/scale
