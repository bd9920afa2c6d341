/**
 * Preloaded into the bot (`BENCH_BOT_NODE_ARGS="--require ./bench/alloc-sampler.cjs"`): samples
 * what the process allocates, collected objects included (a heap snapshot or `--heap-prof` shows
 * only what is still alive, not what the collector keeps clearing), from START to STOP seconds
 * after start (`BENCH_ALLOC_WINDOW=START,STOP`, default 5,11: after the bench's warm-up, inside a
 * `--journeys 3` run at 200 reporters). Writes bench/profiles/alloc-<pid>.json; read it with
 * `npx tsx bench/alloc-summary.ts <file>`.
 */
'use strict';
const inspector = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const [startS, stopS] = (process.env.BENCH_ALLOC_WINDOW || '5,11').split(',').map(Number);
const session = new inspector.Session();
session.connect();
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));

async function sample() {
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await new Promise((resolve) => setTimeout(resolve, (stopS - startS) * 1000).unref());
  const { profile } = await post('HeapProfiler.stopSampling');
  const dir = join(__dirname, 'profiles');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `alloc-${process.pid}.json`), JSON.stringify(profile));
}

setTimeout(() => sample().catch((err) => process.stderr.write(`alloc-sampler: ${err.message}\n`)), startS * 1000).unref();
