/**
 * The report journey as reporters make it (10 updates, 11 for those who share their phone):
 * /start, language and kind on the first message (on a later journey: the menu's *Report an
 * incident*, then the kind), category, danger (yes for every 10th), the
 * story as text, the county typed, the place typed, when (now), an evidence photo at the review,
 * then Send anonymously, or (every 2nd) "Send with my phone number" and Telegram's contact button.
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

/**
 * The place a reporter types. By default one of four, whatever the county: reports of
 * neighbouring counties then name one place at one time, which the linker takes as one event
 * across a county line (a border-town surge: up to 10 links per report). With
 * `BENCH_PLACES=by-county` each county's four places have names of their own (the county's name
 * fused to the place's, so no word is shared across counties, as in everyday traffic), while
 * within a county two reporters share a place exactly when they did before.
 */
function placeOf(i: number): string {
  const place = pick(PLACES, i);
  if (process.env.BENCH_PLACES !== 'by-county') return place;
  const county = pick(COUNTIES, i * 7).name.replace(/[^A-Za-z]/g, '');
  return place.replace(/\b(Kilimani|Olympic|Thika|Gikomba)\b/, (name) => `${county}${name.toLowerCase()}`);
}

/** Every 10th reporter has someone in danger; every 2nd shares the phone number. */
export const inDanger = (i: number) => i % 10 === 3;
export const sharesPhone = (i: number) => i % 2 === 1;

export const REFERENCE_RE = /R-[A-Z0-9]{4}-[A-Z0-9]{4}/;

/** The language each reporter taps on the first message (as `chatsFor` in bench/run.ts sets their Telegram language). */
const langOf = (i: number) => (i % 3 === 0 ? 'sw' : 'en');

const kindOf = (i: number) => (i % 2 ? 'police' : 'election');

/**
 * The journey through the real bot; `until` stops before that step (a conversation left in
 * progress). `confirm` is the update that files the report: Send anonymously, or for those who
 * share their phone (after "Send with my phone number"), the shared contact.
 *
 * Only the first message offers the languages (with the kinds); a reporter who already chose one
 * gets the main menu on /start, so a second journey taps *Report an incident*, then the kind
 * (one update more: 11, or 12 with the phone).
 */
export function botJourney(until?: string): Step[] {
  const steps: Step[] = [
    { name: 'start', build: (d, c) => d.text(c, '/start') },
    {
      name: 'kind',
      build: (d, c, i) => d.press(c, new RegExp(`^s:${langOf(i)}:${kindOf(i)}$`)) ?? d.press(c, /^m:report$/),
    },
    { name: 'kind2', build: (d, c, i) => (d.offers(c, /:kind:\w+$/) ? d.press(c, new RegExp(`:kind:${kindOf(i)}$`)) : SKIP) },
    { name: 'cat', build: (d, c) => d.press(c, /:cat:(?!back$|x$)\w+$/) },
    { name: 'danger', build: (d, c, i) => d.press(c, inDanger(i) ? /:danger:y$/ : /:danger:n$/) },
    { name: 'desc', build: (d, c, i) => d.text(c, pick(STORIES, i)) },
    { name: 'county', build: (d, c, i) => d.text(c, pick(COUNTIES, i * 7).name) },
    { name: 'place', build: (d, c, i) => d.text(c, placeOf(i)) },
    { name: 'when', build: (d, c) => d.press(c, /:when:now$/) },
    { name: 'photo', build: (d, c) => d.photo(c, 'outside the station') },
    { name: 'phone', build: (d, c, i) => (sharesPhone(i) ? d.press(c, /:review:sc$/) : SKIP) },
    { name: 'confirm', build: (d, c, i) => (sharesPhone(i) ? d.contact(c, `+2547${String(10_000_000 + i).slice(-8)}`) : d.press(c, /:review:sa$/)) },
  ];
  const end = until ? steps.findIndex((s) => s.name === until) : -1;
  return end >= 0 ? steps.slice(0, end) : steps;
}

/** The same kinds and sizes of update for the floor bot (which offers no buttons to follow). */
export function floorJourney(): Step[] {
  const press = (data: string): Step['build'] => (d, c) => d.press(c, { anyData: data });
  /** Journeys begun per chat: from the second on, the menu tap then the kind, as with the bot. */
  const begun = new Map<number, number>();
  return [
    {
      name: 'start',
      build: (d, c) => {
        begun.set(c.chat.id, (begun.get(c.chat.id) ?? 0) + 1);
        return d.text(c, '/start');
      },
    },
    { name: 'kind', build: (d, c, i) => ((begun.get(c.chat.id) ?? 0) > 1 ? press('m:report')(d, c, i) : press('s:en:election')(d, c, i)) },
    { name: 'kind2', build: (d, c, i) => ((begun.get(c.chat.id) ?? 0) > 1 ? press('w:AAAAAAAAAAAA:kind:election')(d, c, i) : SKIP) },
    { name: 'cat', build: press('w:AAAAAAAAAAAA:cat:e_bribery') },
    { name: 'danger', build: press('w:AAAAAAAAAAAA:danger:n') },
    { name: 'desc', build: (d, c, i) => d.text(c, pick(STORIES, i)) },
    { name: 'county', build: (d, c, i) => d.text(c, pick(COUNTIES, i * 7).name) },
    { name: 'place', build: (d, c, i) => d.text(c, placeOf(i)) },
    { name: 'when', build: press('w:AAAAAAAAAAAA:when:now') },
    { name: 'photo', build: (d, c) => d.photo(c, 'outside the station') },
    { name: 'phone', build: (d, c, i) => (sharesPhone(i) ? press('w:AAAAAAAAAAAA:review:sc')(d, c, i) : SKIP) },
    { name: 'confirm', build: (d, c, i) => (sharesPhone(i) ? d.contact(c, `+2547${String(10_000_000 + i).slice(-8)}`) : press('w:AAAAAAAAAAAA:review:sa')(d, c, i)) },
  ];
}

/** A step that sends nothing for this reporter (see runReporters). */
export const SKIP = '';
