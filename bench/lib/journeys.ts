/**
 * The report journey as reporters make it (13 updates, 14 for those who share their phone):
 * /start, "Report an incident", kind, category, the story as text, the county typed, the place
 * typed, when (now), an evidence photo, done, danger (yes for every 10th), anonymous or
 * contactable (every 2nd shares the phone through Telegram's contact button), Confirm.
 * Buttons are pressed by their callback_data pattern on the bot's newest inline keyboard, so the
 * bench follows what the bot really offered (its draft id is in that data) and fails loudly if the
 * wizard changes shape. The floor bot gets updates of the same kinds and sizes.
 */
import { COUNTIES } from '../../src/domain';
import type { Step } from './load';

const STORIES = [
  'Polisi walimkamata jirani yangu bila sababu na wakadai hongo ya shilingi elfu tano ili wamwachilie. Walikuwa watatu, mmoja alikuwa na bunduki.',
  'Two men were handing out money outside the polling station and telling people in the queue whom to vote for. The presiding officer saw it and did nothing.',
  'At about 10am officers at the roadblock demanded 500 shillings from every matatu driver and beat one who refused. His passengers saw everything.',
];
const PLACES = ['Kilimani police station', 'Kituo cha kupigia kura, Shule ya Msingi Olympic', 'Roadblock near the market on the Thika road', 'Gikomba market'];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length];

/** Every 10th reporter has someone in danger; every 2nd shares the phone number. */
export const inDanger = (i: number) => i % 10 === 3;
export const sharesPhone = (i: number) => i % 2 === 1;

export const REFERENCE_RE = /R-[A-Z0-9]{4}-[A-Z0-9]{4}/;

/** The journey through the real bot; `until` stops before that step (a conversation left in progress). */
export function botJourney(until?: string): Step[] {
  const steps: Step[] = [
    { name: 'start', build: (d, c) => d.text(c, '/start') },
    { name: 'menu', build: (d, c) => d.press(c, /^m:report$/) },
    { name: 'kind', build: (d, c, i) => d.press(c, i % 2 ? /:kind:police$/ : /:kind:election$/) },
    { name: 'cat', build: (d, c) => d.press(c, /:cat:(?!back$|x$)\w+$/) },
    { name: 'desc', build: (d, c, i) => d.text(c, pick(STORIES, i)) },
    { name: 'county', build: (d, c, i) => d.text(c, pick(COUNTIES, i * 7).name) },
    { name: 'place', build: (d, c, i) => d.text(c, pick(PLACES, i)) },
    { name: 'when', build: (d, c) => d.press(c, /:when:now$/) },
    { name: 'photo', build: (d, c) => d.photo(c, 'outside the station') },
    { name: 'evDone', build: (d, c) => d.press(c, /:ev:done$/) },
    { name: 'danger', build: (d, c, i) => d.press(c, inDanger(i) ? /:danger:y$/ : /:danger:n$/) },
    { name: 'anon', build: (d, c, i) => d.press(c, sharesPhone(i) ? /:anon:c$/ : /:anon:a$/) },
    { name: 'contact', build: (d, c, i) => (sharesPhone(i) ? d.contact(c, `+2547${String(10_000_000 + i).slice(-8)}`) : SKIP) },
    { name: 'confirm', build: (d, c) => d.press(c, /:review:ok$/) },
  ];
  const end = until ? steps.findIndex((s) => s.name === until) : -1;
  return end >= 0 ? steps.slice(0, end) : steps;
}

/** The same kinds and sizes of update for the floor bot (which offers no buttons to follow). */
export function floorJourney(): Step[] {
  const press = (data: string): Step['build'] => (d, c) => d.press(c, { anyData: data });
  return [
    { name: 'start', build: (d, c) => d.text(c, '/start') },
    { name: 'menu', build: press('m:report') },
    { name: 'kind', build: press('w:AAAAAAAAAAAA:kind:election') },
    { name: 'cat', build: press('w:AAAAAAAAAAAA:cat:e_bribery') },
    { name: 'desc', build: (d, c, i) => d.text(c, pick(STORIES, i)) },
    { name: 'county', build: (d, c, i) => d.text(c, pick(COUNTIES, i * 7).name) },
    { name: 'place', build: (d, c, i) => d.text(c, pick(PLACES, i)) },
    { name: 'when', build: press('w:AAAAAAAAAAAA:when:now') },
    { name: 'photo', build: (d, c) => d.photo(c, 'outside the station') },
    { name: 'evDone', build: press('w:AAAAAAAAAAAA:ev:done') },
    { name: 'danger', build: press('w:AAAAAAAAAAAA:danger:n') },
    { name: 'anon', build: press('w:AAAAAAAAAAAA:anon:c') },
    { name: 'contact', build: (d, c, i) => (sharesPhone(i) ? d.contact(c, `+2547${String(10_000_000 + i).slice(-8)}`) : SKIP) },
    { name: 'confirm', build: press('w:AAAAAAAAAAAA:review:ok') },
  ];
}

/** A step that sends nothing for this reporter (see runReporters). */
export const SKIP = '';
