import { generate } from '../test/fixtures/triage/generate';
import { quality, replay } from './triage';
const th = Number(process.argv[2] ?? 0.55);
const seeds = (process.argv[3] ?? '2,3,4,5,6,7,8').split(',').map(Number);
let P = 0, TP = 0, T = 0;
for (const s of seeds) {
  const { pairs, truePairs } = replay(generate(s));
  const q = quality(pairs, truePairs, th);
  P += q.predicted; TP += q.tp; T += truePairs;
  console.log(s, q.precision.toFixed(3), q.recall.toFixed(3), q.fp, q.fn);
}
console.log('all', (TP / P).toFixed(3), (TP / T).toFixed(3));
