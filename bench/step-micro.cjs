/**
 * A micro-benchmark of the pure wizard `step()` on the bench's own typed answers (bench/lib/journeys.ts): begin, kind,
 * category, danger, the story, the county, the place, Now; 12 journeys a round. What the closed loop cannot tell apart
 * (a few microseconds per update) it can: run it on two builds' `dist/` alternately.
 *
 *   node bench/step-micro.cjs <root with dist/> [rounds]
 */
const { resolve } = require('node:path');

const root = resolve(process.argv[2] ?? '.');
const rounds = Number(process.argv[3] ?? 800);
const { step } = require(`${root}/dist/bot/wizard/step.js`);
const { COUNTIES } = require(`${root}/dist/domain/index.js`);

// As in bench/lib/journeys.ts.
const STORIES = [
  'Polisi walimkamata jirani yangu bila sababu na wakadai hongo ya shilingi elfu tano ili wamwachilie. Walikuwa watatu, mmoja alikuwa na bunduki.',
  'Two men were handing out money outside the polling station and telling people in the queue whom to vote for. The presiding officer saw it and did nothing.',
  'At about 10am officers at the roadblock demanded 500 shillings from every matatu driver and beat one who refused. His passengers saw everything.',
];
const PLACES = ['Kilimani police station', 'Kituo cha kupigia kura, Shule ya Msingi Olympic', 'Roadblock near the market on the Thika road', 'Gikomba market'];
const NOW = new Date('2026-12-07T15:00:00Z');
const STORED = { ok: true, reportId: 'r1', reference: 'RPT-1', created: true, priority: 1 };

const took = { story: 0n, county: 0n, place: 0n, all: 0n };
let journeys = 0;
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < 12; i++) {
    const id = `d${String(i).padStart(11, '0')}`;
    const kind = i % 2 ? 'police' : 'election';
    let state = {};
    const go = (input) => {
      const start = process.hrtime.bigint();
      const result = step(state, input, NOW);
      const spent = process.hrtime.bigint() - start;
      state = result.state;
      took.all += spent;
      return spent;
    };
    go({ type: 'begin', newDraftId: id });
    go({ type: 'button', draftId: id, step: 'kind', value: kind });
    go({ type: 'button', draftId: id, step: 'cat', value: kind === 'police' ? 'p_bribery' : 'e_bribery' });
    go({ type: 'button', draftId: id, step: 'danger', value: i % 10 === 3 ? 'y' : 'n' });
    if (i % 10 === 3) go({ type: 'urgentStored', draftId: id, result: STORED });
    took.story += go({ type: 'text', text: STORIES[i % 3] });
    if (state.draft?.step === 'hurt') go({ type: 'button', draftId: id, step: 'hurt', value: 'none' });
    took.county += go({ type: 'text', text: COUNTIES[(i * 7) % COUNTIES.length].name });
    took.place += go({ type: 'text', text: PLACES[i % 4] });
    go({ type: 'button', draftId: id, step: 'when', value: 'now' });
    if (state.draft?.step !== 'review') throw new Error(`journey ${i} ended at ${state.draft?.step}, not the review`);
    journeys++;
  }
}
const us = (ns) => (Number(ns) / journeys / 1000).toFixed(1);
process.stdout.write(`${root}: story ${us(took.story)} us, county ${us(took.county)} us, place ${us(took.place)} us, whole journey ${us(took.all)} us (${journeys} journeys)\n`);
