/**
 * Whole conversations typed the way reporters type, in English and Swahili, around four points:
 * a correction at the review that names the old county ("Sorry it was Kisumu not Nakuru"), a
 * county with a place after it ("nrb cbd", "ksm kondele"), a place typed with the day ("jana
 * Kayole", "wiki iliyopita pale stage"), the category told in a sentence ("a policeman asked me for
 * 500 bob"), and words typed at the P3 question (a county there is the county). Each ends
 * with the report sent: its county, place, day, category and story are what the reporter said,
 * nothing they typed is lost, and a Swahili writer reads no English.
 */
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { allTexts, clockAwayFromMidnight, englishFragments, expectNoEnglish, lastText, questionText, referenceIn, SEND_ANONYMOUSLY, walkTo, type Stop } from './helpers';

let h: BotHarness;
/** The bot's clock and the dates expected from it, read at test time (a run across Nairobi midnight would see two days). */
const clock = clockAwayFromMidnight();
beforeAll(async () => {
  h = await startBotHarness('bot_typed_journeys', { now: clock });
});
afterAll(async () => {
  await h?.close();
});

const STORY = 'Police asked me for a bribe at the junction.';
const BTN = { en: { today: 'Today', no: 'No', yes: '✅ Yes, change it' }, sw: { today: 'Leo', no: 'Hapana', yes: '✅ Ndio, ibadilishe' } };
type Act = string | { press: 'today' | 'no' | 'yes' } | { label: string };
type Expect = { unsaid?: string; dangerNow?: boolean; county?: number; place?: string; when?: string; incidentAt?: () => Date; timeOfDay?: string; category?: string; pollingStation?: { name: string }; ward?: { name: string }; story?: string[]; notStory?: string[]; warned?: string; injuries?: { hurt: string } };
/** `first`: the acts begin the chat, before /start (the first message is the story). */
type Play = [lang: 'en' | 'sw', at: Stop | 'first', acts: Act[], expected: Expect];

const DAY_MS = 86_400_000;
const EAT_MS = 3 * 3_600_000;
/** The start (Nairobi time) of `weekday` (0 Sunday) in the Monday-Sunday week before this one, worked out here apart from the bot's code, at test time. */
const ofLastWeek = (weekday: number) => (): Date => {
  const today = Math.floor((clock().getTime() + EAT_MS) / DAY_MS) * DAY_MS - EAT_MS;
  const monday = today - ((new Date(today + EAT_MS).getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(monday - 7 * DAY_MS + ((weekday + 6) % 7) * DAY_MS);
};

/** The start (Nairobi time) of the day `n` days before today, worked out here apart from the bot's code. */
const daysAgo = (n: number) => (): Date => new Date(Math.floor((clock().getTime() + EAT_MS) / DAY_MS) * DAY_MS - EAT_MS - n * DAY_MS);

/** The start (Nairobi time) of `weekday` (0 Sunday) in this Monday-Sunday week. */
const ofThisWeek = (weekday: number) => (): Date => new Date(ofLastWeek(weekday)().getTime() + 7 * DAY_MS);

/** The latest `weekday` up to today: this week's, or last week's while this week's is still to come. */
const latest = (weekday: number) => (): Date => {
  const thisWeek = ofThisWeek(weekday)();
  return thisWeek.getTime() <= clock().getTime() ? thisWeek : ofLastWeek(weekday)();
};

/** A day's date as the bot's buttons show it (DD/MM/YYYY, Nairobi), worked out here at test time. */
const shown = (day: () => Date) => new Date(day().getTime() + EAT_MS).toISOString().slice(0, 10).split('-').reverse().join('/');
/** The Saturday before the latest Sunday: the weekend "wikendi" means. */
const weekendSaturday = () => new Date(latest(0)().getTime() - DAY_MS);

const PLAYS: Play[] = [
  // 1. A correction at the review that names the county corrected away from.
  ['en', 'review', ['Sorry it was Kisumu not Nakuru', 'yes', 'Kondele market'], { county: 42, place: 'Kondele market', story: [STORY], notStory: ['Sorry'] }],
  ['sw', 'review', ['samahani ilikuwa Kisumu si Nakuru', 'ndio', 'soko la Kondele'], { county: 42, place: 'soko la Kondele', notStory: ['samahani'] }],
  ['sw', 'review', ['sio Nakuru, ni Kisumu', { press: 'yes' }, 'Kondele'], { county: 42, place: 'Kondele' }],
  ['en', 'review', ['no it was in Kisumu not Nakuru', 'yes', 'Nyalenda stage'], { county: 42, place: 'Nyalenda stage' }],
  ['sw', 'review', ['hapana ilikuwa Kitengela sio Nakuru', 'ndio', 'karibu na soko'], { county: 34, place: 'karibu na soko, Kitengela' }],
  ['en', 'review', ['Kisumu, not Nakuru', 'yes', 'Kondele'], { county: 42, place: 'Kondele' }],
  ['sw', 'review', ['kaunti ni Kisumu', 'ndio', 'Kondele'], { county: 42, place: 'Kondele', notStory: ['kaunti ni Kisumu'] }],
  ['en', 'review', ['the county is Kisumu', 'no'], { county: 32, story: [STORY, 'the county is Kisumu'] }],
  ['sw', 'review', ['ilikuwa jana sio leo', 'ndio'], { county: 32, when: 'yesterday', notStory: ['ilikuwa jana'] }],
  ['sw', 'review', ['pia walinipiga'], { county: 32, story: [STORY, 'pia walinipiga'] }],
  ['sw', 'review', ['ilikuwa Kisumu', 'ndio', 'Kondele'], { county: 42, place: 'Kondele', notStory: ['ilikuwa Kisumu'] }],
  ['en', 'review', ['sorry ni Kisumu', 'yes', 'Kondele'], { county: 42, place: 'Kondele' }],
  // What is happening typed at "is someone in danger?", without a yes or a no: kept, the question asked again.
  ['sw', 'danger', ['bado wako nje wanangoja', { press: 'no' }, 'walinipiga jana usiku', 'Nakuru', 'stage ya Mololine', { press: 'today' }], { county: 32, story: ['bado wako nje wanangoja\nwalinipiga jana usiku'] }],
  // A day corrected with the no ("no, it was the day before yesterday, not yesterday"): the no kept, the day taken and said, never asked; it was dropped.
  ['sw', 'danger', ['hapana ilikuwa juzi sio jana', STORY, 'Nakuru', 'stage ya Mololine'], { dangerNow: false, county: 32, when: 'date', incidentAt: daysAgo(2), warned: 'Sitakuuliza siku tena', notStory: ['juzi'] }],
  ['en', 'danger', ['no, it was the day before yesterday', STORY, 'Nakuru', 'Free area'], { dangerNow: false, county: 32, when: 'date', incidentAt: daysAgo(2), warned: 'I will not ask for the day again' }],
  // The day said with the yes ("ndio jana"): the yes with its numbers, and the day taken and said, not asked later; it was lost.
  ['sw', 'danger', ['ndio jana', STORY, 'Nakuru', 'stage ya Mololine'], { dangerNow: true, county: 32, when: 'yesterday', incidentAt: daysAgo(1), warned: 'Sitakuuliza siku tena', notStory: ['jana'] }],
  ['en', 'danger', ['yes, yesterday', STORY, 'Nakuru', 'Free area'], { dangerNow: true, county: 32, when: 'yesterday', incidentAt: daysAgo(1), warned: 'I will not ask for the day again' }],
  // A town said with the yes ("ndio Mathare"): the numbers and the alert as for a bare yes, and the town kept as the place, never asked; it was dropped.
  ['sw', 'danger', ['ndio Mathare', 'Polisi walimkamata kaka yangu kwa stage.', 'Nairobi', { press: 'today' }], { dangerNow: true, county: 47, place: 'Mathare', warned: '999 · 112 · 911', notStory: ['Mathare'], unsaid: 'Tafadhali jibu swali lililo hapa chini kwanza' }],
  ['en', 'danger', ['yes, in Mathare', STORY, 'Nairobi', { press: 'today' }], { dangerNow: true, county: 47, place: 'Mathare', warned: '999 · 112 · 911', notStory: ['Mathare'], unsaid: 'Please answer the question below first' }],
  // A time that is no day said with the no ("no, it happened last week"): the no kept, the words kept, the day still asked and read in that week; it was read as this week's.
  ['en', 'danger', ['no, it happened last week', STORY, 'Nakuru', 'Free area', 'Tuesday'], { dangerNow: false, county: 32, when: 'date', incidentAt: ofLastWeek(2), story: ['it happened last week'], notStory: ['no,'] }],
  ['sw', 'danger', ['hapana, ilitokea wiki iliyopita', 'Polisi walimkamata kaka yangu kwa stage.', 'Nakuru', 'stage ya Mololine', 'Jumanne'], { dangerNow: false, county: 32, when: 'date', incidentAt: ofLastWeek(2), story: ['ilitokea wiki iliyopita'], notStory: ['hapana'] }],
  // What happened, said with the no ("no, they let him go yesterday"): the no kept, the words kept in the story and said so, as with a yes; they were dropped.
  ['sw', 'danger', ['hapana, walimwachilia jana', 'Polisi walimkamata kaka yangu kwa stage.', 'Nakuru', 'stage ya Mololine', { press: 'today' }], { dangerNow: false, county: 32, story: ['walimwachilia jana\nPolisi walimkamata kaka yangu'], notStory: ['hapana'], warned: 'Nimehifadhi ulichotuma' }],
  ['en', 'danger', ['no, they let him go but took his phone', STORY, 'Nakuru', 'Free area', { press: 'today' }], { dangerNow: false, county: 32, story: [`they let him go but took his phone\n${STORY}`], notStory: ['no,'], warned: 'I have kept what you sent' }],
  // What was done, said with the yes ("ndio, walinipiga jana Kayole"): the yes with its numbers, and the words kept in the story; they were lost.
  ['sw', 'danger', ['ndio, walinipiga jana Kayole', 'Polisi walinipiga kwa rungu.', 'Nairobi', 'stage ya Kayole', { press: 'today' }], { dangerNow: true, county: 47, story: ['walinipiga jana Kayole\nPolisi walinipiga kwa rungu'], notStory: ['ndio,'], warned: '999 · 112 · 911' }],
  ['en', 'danger', ['yes, they beat me yesterday in Kayole', STORY, 'Nairobi', 'Kayole stage', { press: 'today' }], { dangerNow: true, county: 47, story: [`they beat me yesterday in Kayole\n${STORY}`], notStory: ['yes,'], warned: '999 · 112 · 911' }],
  // An everyday yes or no at "is someone in danger?" ("yap", "sio sasa", "they left"): the answer, never "not understood" and asked again; "I think so" is asked again, never taken for the yes nor kept as the story.
  ['sw', 'danger', ['yap', 'Polisi walimkamata kaka yangu kwa stage.', 'Nakuru', 'stage ya Mololine', { press: 'today' }], { dangerNow: true, county: 32, warned: '999 · 112 · 911', notStory: ['yap'] }],
  ['sw', 'danger', ['sio sasa', 'Polisi walimkamata kaka yangu kwa stage.', 'Nakuru', 'stage ya Mololine', { press: 'today' }], { dangerNow: false, county: 32, notStory: ['sio sasa'] }],
  ['en', 'danger', ['they left', STORY, 'Nakuru', 'Free area', { press: 'today' }], { dangerNow: false, county: 32, story: [STORY], notStory: ['they left'] }],
  ['en', 'danger', ['i think so', { press: 'no' }, STORY, 'Nakuru', 'Free area', { press: 'today' }], { dangerNow: false, county: 32, story: [STORY], notStory: ['i think so'] }],
  // Danger told later, after "no" at its question: the numbers at once, staff alerted, the words kept; it was only added to the story.
  ['sw', 'county', ['bado wako nje wanatafuta mimi', 'Nakuru', 'stage ya Mololine', { press: 'today' }], { dangerNow: true, county: 32, story: [STORY, 'bado wako nje wanatafuta mimi'], warned: '999 · 112 · 911' }],
  ['sw', 'review', ['wamerudi tena wako nje sasa hivi'], { dangerNow: true, story: [STORY, 'wamerudi tena wako nje sasa hivi'], warned: 'amearifiwa sasa hivi' }],
  // A town no list knows, typed after "I do not know the county" was asked for the nearest town: kept as the place, the county tapped or typed next, the place not asked again; it was "I do not know that county" and lost.
  ['en', 'county', ["I don't know the county", 'Ndabibi', 'Nakuru', { press: 'today' }], { county: 32, place: 'Ndabibi', warned: 'I do not know where “Ndabibi” is, so I have kept it as the place.' }],
  ['sw', 'county', ['sijui', 'Ndabibi', 'Nakuru', { press: 'today' }], { county: 32, place: 'Ndabibi', warned: 'nimeiandika kama mahali' }],
  // ... and typed unasked, where the county is asked: the county said unknown, the name kept as the place; it was "I do not know that county" and lost.
  ['en', 'county', ['Ndabibi', 'Nakuru', { press: 'today' }], { county: 32, place: 'Ndabibi', warned: 'I do not know a county called “Ndabibi”, so I have kept it as the place.' }],
  ['sw', 'county', ['Ndabibi', 'Nakuru', { press: 'today' }], { county: 32, place: 'Ndabibi', warned: 'Sijui kaunti inayoitwa “Ndabibi”, kwa hivyo nimeiandika kama mahali.' }],
  // A spot of several words no list knows ("Kambi ya Moto"): kept as the place as "Ndabibi" is; it went into the story ("Soko Mjinga" was kept already).
  ['sw', 'county', ['Kambi ya Moto', 'Nakuru', { press: 'today' }], { county: 32, place: 'Kambi ya Moto', notStory: ['Kambi ya Moto'], warned: 'Sijui kaunti inayoitwa “Kambi ya Moto”' }],
  ['en', 'county', ['Soko Mjinga', 'Nakuru', { press: 'today' }], { county: 32, place: 'Soko Mjinga', warned: 'I do not know a county called “Soko Mjinga”' }],
  // "Hapa Githurai": as "Githurai" alone, both its counties offered; it was "I do not know that county".
  ['sw', 'county', ['hapa Githurai', 'Kiambu', 'stage', { press: 'today' }], { county: 22, place: 'stage, Githurai', notStory: ['Githurai'] }],
  // A town named with a word for town ("mji wa Kangundo", "Kangundo town centre"): read as the town, its county offered; it was the story, or "I do not know that county".
  ['sw', 'county', ['mji wa Kangundo', 'ndio', 'karibu na stage', { press: 'today' }], { county: 16, place: 'karibu na stage, Kangundo', notStory: ['mji wa Kangundo'] }],
  ['en', 'county', ['Kangundo town centre', 'yes', 'near the stage', { press: 'today' }], { county: 16, place: 'near the stage, Kangundo', notStory: ['Kangundo town'] }],
  // A trading centre people name ("Mai Mahiu"): its county known, where in it asked.
  ['sw', 'county', ['Mai Mahiu', 'karibu na stage', { press: 'today' }], { county: 32, place: 'karibu na stage, Mai Mahiu', warned: 'Mai Mahiu iko katika kaunti ya Nakuru' }],
  // 2. The county, or its short form, with a place after it.
  ['en', 'county', ['nrb cbd', 'near Archives', { press: 'today' }], { county: 47, place: 'near Archives, Nairobi CBD' }],
  ['sw', 'county', ['nrb cbd', 'sijui', { press: 'today' }], { county: 47, place: 'Nairobi CBD' }],
  ['en', 'county', ['nrb kayole', { press: 'today' }], { county: 47, place: 'kayole' }],
  ['sw', 'county', ['msa likoni', { press: 'today' }], { county: 1, place: 'likoni' }],
  ['sw', 'county', ['ksm kondele stage', { press: 'today' }], { county: 42, place: 'kondele stage' }],
  ['en', 'county', ['Nairobi, Kayole near the chief camp', { press: 'today' }], { county: 47, place: 'Kayole near the chief camp' }],
  ['sw', 'county', ['nku', 'stage ya Mololine', { press: 'today' }], { county: 32, place: 'stage ya Mololine' }],
  ['en', 'county', ['in Nairobi at Kayole', 'yes', 'near the chief camp', { press: 'today' }], { county: 47, place: 'near the chief camp, Kayole' }],
  ['sw', 'county', ['niko nairobi kayole', 'ndio', 'stage ya matatu', { press: 'today' }], { county: 47, place: 'stage ya matatu, Kayole' }],
  ['en', 'county', ['Nairobi cbd near archives', { press: 'today' }], { county: 47, place: 'cbd near archives' }],
  ['sw', 'county', ['nrb cbd, archives', { press: 'today' }], { county: 47, place: 'archives, Nairobi CBD' }],
  ['sw', 'county', ['Mombasa road', 'Nairobi', 'Mombasa road karibu na GM', { press: 'today' }], { county: 47, place: 'Mombasa road karibu na GM' }],
  // The story going on in short messages at the county question: kept, the county asked again.
  ['en', 'county', ['he said he will plant bhang on me', 'Nakuru', 'Free area', { press: 'today' }], { county: 32, place: 'Free area', story: [STORY, 'he said he will plant bhang on me'] }],
  ['sw', 'county', ['alisema atanibambikia bangi', 'Nakuru', 'Free area', { press: 'today' }], { county: 32, place: 'Free area', story: [STORY, 'alisema atanibambikia bangi'] }],
  // The county corrected where the place is asked: changed, and the place asked within it.
  ['sw', 'place', ['samahani ilikuwa Kisumu', 'Kondele', { press: 'today' }], { county: 42, place: 'Kondele', notStory: ['samahani'] }],
  ['en', 'place', ['sorry it was Kisumu not Nakuru', 'Kondele stage', { press: 'today' }], { county: 42, place: 'Kondele stage', notStory: ['sorry'] }],
  // The county corrected where the day is asked: the county asked again (or changed), then the place, then the day; never "could not read that date".
  ['sw', 'when', ['nimekosea kaunti', 'Kisumu', 'Kondele', { press: 'today' }], { county: 42, place: 'Kondele', when: 'today', notStory: ['nimekosea'] }],
  ['en', 'when', ['sorry wrong county, it was Kisumu', 'Kondele stage', { press: 'today' }], { county: 42, place: 'Kondele stage', when: 'today', notStory: ['wrong county'] }],
  // ... with the day said before it: both taken, the day not asked again.
  ['sw', 'when', ['sorry ni juzi Nairobi', 'Kayole'], { county: 47, place: 'Kayole', when: 'date', notStory: ['sorry', 'juzi'] }],
  ['sw', 'when', ['sorry ni juzi usiku Nairobi', 'Kayole'], { county: 47, place: 'Kayole', when: 'date', timeOfDay: 'usiku', notStory: ['sorry', 'juzi'] }],
  // ... with its hour too ("saa nne usiku", 22:00), with or without a "sorry": the county after it still read.
  ['sw', 'when', ['juzi saa nne usiku Nairobi', 'Kayole'], { county: 47, place: 'Kayole', when: 'date', timeOfDay: 'saa nne usiku', notStory: ['juzi'] }],
  ['sw', 'when', ['sorry ni juzi saa nne usiku Nairobi', 'Kayole'], { county: 47, place: 'Kayole', when: 'date', timeOfDay: 'saa nne usiku', notStory: ['sorry', 'juzi'] }],
  ['sw', 'review', ['sorry ni juzi Kisumu', 'ndio', 'Kondele'], { county: 42, place: 'Kondele', when: 'date', notStory: ['sorry'], warned: 'Nibadilishe kaunti iwe Kisumu na tarehe iwe' }],
  ['sw', 'review', ['juzi saa nne usiku Kisumu', 'ndio', 'Kondele'], { county: 42, place: 'Kondele', when: 'date', timeOfDay: 'saa nne usiku', notStory: ['juzi'], warned: 'Nibadilishe kaunti iwe Kisumu na tarehe iwe' }],
  // The new place, then the one given said not to be it ("samahani ni Kayole si Umoja"): the place changed; it was "could not read that date" and lost.
  ['sw', 'when', ['samahani ni Free Area si Naivasha road', { press: 'today' }], { county: 32, place: 'Free Area', when: 'today', notStory: ['samahani', 'Free Area'] }],
  ['en', 'when', ['sorry it was Free Area not Naivasha road', { press: 'today' }], { county: 32, place: 'Free Area', when: 'today', notStory: ['sorry'] }],
  ['sw', 'review', ['samahani ni Free Area si Naivasha road junction', 'ndio'], { county: 32, place: 'Free Area', notStory: ['samahani'], warned: 'Nibadilishe mahali pawe “Free Area”?' }],
  // The place, not the county, said wrong at the day question: only the place asked again, the county kept.
  ['sw', 'when', ['nimekosea mahali', 'stage ya Mololine', { press: 'today' }], { county: 32, place: 'stage ya Mololine', when: 'today', notStory: ['nimekosea'] }],
  ['en', 'when', ['sorry wrong place', 'Free area', { press: 'today' }], { county: 32, place: 'Free area', when: 'today', notStory: ['wrong place'] }],
  // ... the town given for the county too ("Where in Kitengela exactly?" is not asked again): where, afresh, within the county.
  ['sw', 'county', ['Kitengela', 'stage ya matatu', 'nimekosea mahali', 'Isinya', { press: 'today' }], { county: 34, place: 'Isinya', when: 'today', notStory: ['nimekosea'] }],
  // A phone number typed where the place is asked: no place; in the story, where the review warns of it.
  // What was done, then where, at the place question: the place is where, the sentence in the story once.
  ['en', 'place', ['they stopped me at Globe roundabout', { press: 'today' }], { place: 'Globe roundabout', story: [`${STORY}\nthey stopped me at Globe roundabout`] }],
  ['sw', 'place', ['walinishika nikitoka kazi pale Kencom', { press: 'today' }], { place: 'Kencom', story: [`${STORY}\nwalinishika nikitoka kazi pale Kencom`] }],
  // ... told of whom it was done to ("I was stopped", "tulisimamishwa"), or with more of what was done after where.
  ['en', 'place', ['I was stopped at Globe roundabout', { press: 'today' }], { place: 'Globe roundabout', story: [`${STORY}\nI was stopped at Globe roundabout`] }],
  ['sw', 'place', ['tulisimamishwa kwa roadblock ya Kangemi', { press: 'today' }], { place: 'roadblock ya Kangemi', story: [`${STORY}\ntulisimamishwa kwa roadblock ya Kangemi`] }],
  ['en', 'place', ['they beat me at the stage and took my phone', { press: 'today' }], { place: 'the stage', story: [`${STORY}\nthey beat me at the stage and took my phone`] }],
  ['sw', 'place', ['walinipiga pale stage wakachukua simu', { press: 'today' }], { place: 'stage', story: [`${STORY}\nwalinipiga pale stage wakachukua simu`] }],
  // ... where led into by "in" (dropped, as "at" is) or "near", "karibu na" (kept, as a corrected place keeps it).
  ['en', 'place', ['they beat me in Kibera', { press: 'today' }], { place: 'Kibera', story: [`${STORY}\nthey beat me in Kibera`] }],
  ['sw', 'place', ['walinipiga karibu na stage ya Githurai', { press: 'today' }], { place: 'karibu na stage ya Githurai', story: [`${STORY}\nwalinipiga karibu na stage ya Githurai`] }],
  // ... with the hour between (today or yesterday by the clock, as the date question reads an hour alone): the day not asked.
  ['en', 'place', ['they stopped me at 10pm at Globe'], { place: 'Globe', timeOfDay: 'at 10pm', story: [`${STORY}\nthey stopped me at 10pm at Globe`] }],
  ['sw', 'place', ['walinisimamisha saa nne usiku pale Globe'], { place: 'Globe', timeOfDay: 'saa nne usiku', story: [`${STORY}\nwalinisimamisha saa nne usiku pale Globe`] }],
  // What was done to me with no place: the story, and the place asked again, said to be still needed.
  ['sw', 'place', ['tulisimamishwa kwa nguvu', 'Kencom', { press: 'today' }], { place: 'Kencom', story: [`${STORY}\ntulisimamishwa kwa nguvu`], warned: 'Bado tunahitaji kujua tukio lilitokea wapi.' }],
  ['en', 'place', ['I was beaten badly', 'Kencom', { press: 'today' }], { place: 'Kencom', story: [`${STORY}\nI was beaten badly`], warned: 'We still need to know where it happened.' }],
  ['en', 'place', ['call me 0712345678', 'Kondele stage', { press: 'today' }], { place: 'Kondele stage', story: [STORY, 'call me 0712345678'] }],
  // "Ndio" at "Mlolongo is in Machakos county. Where exactly in Mlolongo?" is no place (it was stored as "ndio, Mlolongo");
  // a day typed where the place is asked ("juzi asubuhi") answers when, kept (it was lost), and the place is asked again.
  ['sw', 'county', ['Mlolongo', 'ndio', 'roadblock ya Mlolongo', { press: 'today' }], { county: 16, place: 'roadblock ya Mlolongo', notStory: ['ndio'] }],
  ['sw', 'place', ['juzi asubuhi', 'Free Area'], { county: 32, place: 'Free Area', when: 'date', timeOfDay: 'asubuhi', notStory: ['juzi'] }],
  // A road named by a rank ("Inspector road") is the place, not an officer named: it went to the story and the place was asked again.
  ['en', 'place', ['Inspector Road, Nakuru', { press: 'today' }], { county: 32, place: 'Inspector Road, Nakuru', notStory: ['Inspector'] }],
  ['sw', 'place', ['Inspector road', { press: 'today' }], { county: 32, place: 'Inspector road', notStory: ['Inspector'] }],
  // A county's short form where the place is asked is the county, as the county question reads it: No to "Change the county?" keeps its town's name ("Kisumu"), never "ksm", and not said to be as typed.
  ['en', 'place', ['it was msa', 'no', { press: 'today' }], { county: 32, place: 'Mombasa', unsaid: 'as you wrote it' }],
  ['sw', 'place', ['ilikuwa ksm', 'hapana', { press: 'today' }], { county: 32, place: 'Kisumu', unsaid: 'kama ulivyoandika' }],
  // ... and at the county question ("jana", "yesterday"): the day kept (it was "I do not know that county"), the county asked again, the day not asked after the place.
  ['sw', 'county', ['jana', 'Nakuru', 'Free Area'], { county: 32, place: 'Free Area', when: 'yesterday', notStory: ['jana'], warned: 'Sawa, ilikuwa “jana”. Ilitokea katika kaunti gani?' }],
  ['en', 'county', ['yesterday', 'Nakuru', 'Free Area'], { county: 32, place: 'Free Area', when: 'yesterday', notStory: ['yesterday'], warned: 'Noted: it was “yesterday”. In which county did it happen?' }],
  // A place typed where the day is asked ("stage ya Mololine", "at Globe roundabout"): the place changed, as "samahani ni Kayole si Umoja" changes it,
  // and the day asked again; it was "could not read that date" and the words lost.
  ['sw', 'when', ['stage ya Mololine', { press: 'today' }], { county: 32, place: 'stage ya Mololine', when: 'today', notStory: ['Mololine'] }],
  ['en', 'when', ['at Globe roundabout', { press: 'today' }], { county: 32, place: 'Globe roundabout', when: 'today', notStory: ['Globe'] }],
  ['sw', 'when', ['pale Kencom', { press: 'today' }], { county: 32, place: 'Kencom', when: 'today', notStory: ['Kencom'] }],
  // The hour before the day ("saa tano usiku juzi"), "it was on 5th": read at the date question.
  ['sw', 'when', ['saa tano usiku juzi'], { when: 'date', timeOfDay: 'saa tano usiku', notStory: ['juzi'] }],
  ['en', 'when', ['it was on 5th'], { when: 'date', notStory: ['5th'] }],
  // 3. A place typed with the day.
  ['en', 'when', ['yesterday at Kayole stage'], { when: 'yesterday', story: [STORY, 'yesterday at Kayole stage'] }],
  ['sw', 'when', ['jana Kayole'], { when: 'yesterday', story: [STORY, 'jana Kayole'] }],
  ['sw', 'when', ['jana jioni pale stage ya Kayole'], { when: 'yesterday', story: ['jana jioni pale stage ya Kayole'] }],
  ['en', 'when', ['last Saturday near the market'], { when: 'date', story: ['last Saturday near the market'] }],
  ['sw', 'when', ['juzi usiku huko Kondele'], { when: 'date', story: ['juzi usiku huko Kondele'] }],
  ['en', 'when', ['this morning at the roadblock'], { when: 'today', story: ['this morning at the roadblock'] }],
  ['sw', 'when', ['jana walinipiga tena'], { when: 'yesterday', story: ['jana walinipiga tena'] }],
  ['sw', 'when', ['jana tu'], { when: 'yesterday', story: [STORY], notStory: ['jana tu'] }],
  ['en', 'when', ['yesterday at Naivasha road junction'], { when: 'yesterday', notStory: ['yesterday at'] }],
  // A place typed with a time that is not a day ("last week"), or with "I don't remember": the day asked for, the place kept.
  ['sw', 'when', ['wiki iliyopita pale stage', 'Jumamosi iliyopita'], { when: 'date', story: [STORY, 'wiki iliyopita pale stage'] }],
  ['en', 'when', ['last week at the stage', 'last Saturday'], { when: 'date', story: [STORY, 'last week at the stage'] }],
  ['sw', 'when', ['sikumbuki, pale stage', 'jana'], { when: 'yesterday', story: ['sikumbuki, pale stage'] }],
  ['sw', 'when', ['sikumbuki, ilikuwa pale stage', 'jana'], { when: 'yesterday', story: [STORY, 'sikumbuki, ilikuwa pale stage'] }],
  // 4. The category told in a sentence: offered, taken on "yes" or a tap, the sentence kept as the story.
  ['en', 'cat', ['a policeman asked me for 500 bob to let me go', 'yes', { press: 'no' }, 'Nakuru', 'the junction', { press: 'today' }], { category: 'p_bribery', story: ['a policeman asked me for 500 bob to let me go'] }],
  ['en', 'cat', ['they beat my brother at the station and broke his arm', 'yes', { press: 'no' }, { label: 'Yes, they got medical help' }, { label: 'Not yet' }, 'Nakuru', 'Central police station', { press: 'today' }], { category: 'p_force', story: ['they beat my brother at the station'] }],
  ['sw', 'cat', ['polisi walimpiga kaka yangu kituoni usiku wa jana', 'ndio', { press: 'no' }, { label: 'Ndio, bado hajapata matibabu' }, { label: 'Bado' }, 'Nakuru', 'kituo cha polisi cha Central', { press: 'today' }], { category: 'p_force', story: ['polisi walimpiga kaka yangu'] }],
  ['sw', 'cat', ['askari aliitisha elfu moja ndio aniachilie pale barabarani', 'ndio', { press: 'no' }, 'Nakuru', 'barabara ya Naivasha', { press: 'today' }], { category: 'p_bribery', story: ['askari aliitisha elfu moja'] }],
  ['sw', 'cat', ['walimkamata mwanangu bila sababu wakampeleka seli', 'ndio', { press: 'no' }, 'Nakuru', 'Central', { press: 'today' }], { category: 'p_arrest', story: ['walimkamata mwanangu'] }],
  ['en', 'cat', ['traffic cops took 1000 from our driver at the roadblock', 'yes', { press: 'no' }, 'Nakuru', 'Mai Mahiu road', { press: 'today' }], { category: 'p_bribery', story: ['traffic cops took 1000'] }],
  // The story typed at the kind question that names one category of one kind: offered, taken on "ndio" or "yes".
  ['sw', 'kind', ['askari aliitisha elfu moja ndio aniachilie pale barabarani', 'ndio', { press: 'no' }, 'Nakuru', 'barabara ya Naivasha', { press: 'today' }], { category: 'p_bribery', story: ['askari aliitisha elfu moja'] }],
  ['en', 'kind', ['they were giving out money to voters at the school', 'yes', { press: 'no' }, 'Nakuru', 'Kaptembwo primary school', { press: 'today' }], { category: 'e_bribery', story: ['giving out money to voters'] }],
  // The story as the very first message, naming one category of one kind: offered at once, taken on "ndio" or "yes".
  ['sw', 'first', ['askari aliitisha elfu moja ndio aniachilie pale barabarani', 'ndio', { press: 'no' }, 'Nakuru', 'barabara ya Naivasha', { press: 'today' }], { category: 'p_bribery', story: ['askari aliitisha elfu moja'] }],
  ['en', 'first', ['a policeman asked me for 500 bob to let me go at the junction', 'yes', { press: 'no' }, 'Nakuru', 'the junction', { press: 'today' }], { category: 'p_bribery', story: ['asked me for 500 bob'] }],
  // ALL CAPS, no punctuation, police named: the police list at once (never offered election violence), every answer in capitals read.
  ['sw', 'first', ['POLISI WALINIPIGA JANA USIKU PALE KAYOLE WAKACHUKUA SIMU YANGU NA PESA', { label: 'Polisi kuitisha hongo au pesa' }, { press: 'no' }, 'NAIROBI', 'KAYOLE STAGE', 'JANA USIKU'], { category: 'p_bribery', county: 47, when: 'yesterday', story: ['POLISI WALINIPIGA'] }],
  // A boda boda rider's story in five short messages, in Sheng: every part kept, the last one too ("wakaniachilia").
  ['sw', 'desc', ['karao walinisimamisha', 'wakaitisha elfu mbili', 'nikawapa mia tano', 'wakaniachilia', 'Kiambu', 'Githurai', 'jana'], { county: 22, place: 'Githurai', when: 'yesterday', story: ['karao walinisimamisha\nwakaitisha elfu mbili\nnikawapa mia tano\nwakaniachilia'] }],
  // A rider introducing himself ("Mimi ni Kamau") in a story he sends anonymously: warned at the review that staff will read the name.
  ['sw', 'desc', ['Mimi ni Kamau, askari walinisimamisha wakaitisha elfu mbili', 'Kiambu', 'Githurai', 'jana'], { county: 22, place: 'Githurai', when: 'yesterday', story: ['Mimi ni Kamau'], warned: 'umeandika jina, “Kamau”' }],
  // ... or as the very first message: a report begins, told they can send it without their name (it was the bare menu).
  ['sw', 'first', ['sitaki jina langu lijulikane', 'askari aliitisha elfu moja ndio aniachilie pale barabarani', 'ndio', { press: 'no' }, 'Nakuru', 'barabara ya Naivasha', { press: 'today' }], { category: 'p_bribery', notStory: ['jina langu'], warned: 'Unaweza kuripoti bila kutaja jina lako' }],
  ['en', 'first', ['i dont want my name to be known', 'a policeman asked me for 500 bob to let me go', 'yes', { press: 'no' }, 'Nakuru', 'the junction', { press: 'today' }], { category: 'p_bribery', notStory: ['my name'], warned: 'You can stay anonymous' }],
  // A wish to stay anonymous said halfway: told how, never the story or the county.
  ['sw', 'county', ['sitaki jina langu lijulikane', 'Nakuru', 'stage ya Mololine', { press: 'today' }], { county: 32, place: 'stage ya Mololine', notStory: ['jina langu'] }],
  // ... and the mind changed halfway: told how to send with her number; neither wish kept as the story.
  ['sw', 'county', ['sitaki jina langu lijulikane', 'Nairobi', 'nimebadilisha mawazo, nataka kutoa jina langu', 'kituo cha polisi cha Kilimani', { press: 'today' }], { county: 47, place: 'kituo cha polisi cha Kilimani', notStory: ['jina langu', 'mawazo'] }],
  // A parent: arrested and not seen since is offered as a disappearance, not an arrest.
  ['sw', 'first', ['Mwanangu alikamatwa na polisi siku tatu zilizopita na hatujamwona tangu hapo', 'ndio', { press: 'no' }, 'Kisumu', 'kituo cha polisi cha Kondele', 'siku tatu zilizopita'], { category: 'p_disappear', county: 42, when: 'date', story: ['hatujamwona tangu hapo'] }],
  // A day in words, misspelt, or after "mwezi uliopita": read as meant, never "could not read that date".
  ['sw', 'when', ['mwezi uliopita', 'tarehe mbili'], { when: 'date', notStory: ['mwezi uliopita'] }],
  ['en', 'when', ['yestaday usku'], { when: 'yesterday' }],
  // Words typed at the P3 question: kept in the story, the question asked again.
  ['sw', 'cat', ['polisi walimpiga kaka yangu kituoni usiku wa jana', 'ndio', { press: 'no' }, { label: 'Ndio, bado hajapata matibabu' }, 'nilipelekwa hospitali ya Nakuru', { label: 'Bado' }, 'Nakuru', 'kituo cha polisi cha Central', { press: 'today' }], { category: 'p_force', story: ['polisi walimpiga kaka yangu', 'nilipelekwa hospitali ya Nakuru'] }],
  // A county typed ahead at the injury questions ("Nakuru", "nairobi"): the county, never the story; the county question not asked again.
  ['en', 'cat', ['they beat my brother at the station and broke his arm', 'yes', { press: 'no' }, { label: 'Yes, they got medical help' }, 'Nakuru', { label: 'Not yet' }, 'Central police station', { press: 'today' }], { category: 'p_force', county: 32, place: 'Central police station', notStory: ['Nakuru'] }],
  ['en', 'cat', ['they beat my brother at the station and broke his arm', 'yes', { press: 'no' }, 'nairobi', { label: 'Yes, they got medical help' }, { label: 'Not yet' }, 'Kayole stage', { press: 'today' }], { category: 'p_force', county: 47, place: 'Kayole stage', notStory: ['nairobi'] }],
  // ... then the place and the day, still at "was anyone hurt?": kept for their questions, never the story; neither asked again.
  ['en', 'cat', ['they beat my brother at the station and broke his arm', 'yes', { press: 'no' }, 'Nairobi', 'Kayole stage', 'last night', { label: 'Yes, they got medical help' }, { label: 'Not yet' }], { category: 'p_force', county: 47, place: 'Kayole stage', when: 'yesterday', notStory: ['Kayole stage', 'last night'], warned: 'I will not ask where again' }],
  ['sw', 'cat', ['polisi walimpiga kaka yangu kituoni', 'ndio', { press: 'no' }, 'Nakuru', 'stage ya Mololine', 'jana usiku', { label: 'Ndio, bado hajapata matibabu' }, { label: 'Bado' }], { category: 'p_force', county: 32, place: 'stage ya Mololine', when: 'yesterday', notStory: ['Mololine', 'jana usiku'], warned: 'Sitakuuliza mahali tena' }],
  // A frightened short question at the county question: answered (it was "I do not know that county"), never the story.
  ['en', 'county', ['is this safe?', 'Nakuru', 'the junction', { press: 'today' }], { county: 32, place: 'the junction', notStory: ['safe'], warned: 'Only Ripoti staff read your report' }],
  // ... or as the rest of a short story, the injury questions next: the county, never asked again.
  ['sw', 'cat', ['walimpiga kaka yangu', 'ndio', { press: 'no' }, 'Nakuru', { label: 'Ndio, bado hajapata matibabu' }, { label: 'Bado' }, 'kituo cha polisi cha Central', { press: 'today' }], { category: 'p_force', county: 32, place: 'kituo cha polisi cha Central', story: ['walimpiga kaka yangu'], notStory: ['Nakuru'] }],
  // One word of what was done at the county question is the story; a place there is kept as the place, never asked again.
  ['sw', 'county', ['walinisimamisha', 'pale kwa kizuizi', 'Nakuru', { press: 'today' }], { county: 32, place: 'pale kwa kizuizi', story: [STORY, 'walinisimamisha'], notStory: ['kizuizi'] }],
  ['en', 'county', ['at the roadblock', 'Nakuru', { press: 'today' }], { county: 32, place: 'the roadblock', notStory: ['roadblock'] }],
  ['sw', 'county', ['pale Kencom', 'Nairobi', { press: 'today' }], { county: 47, place: 'Kencom', notStory: ['Kencom'] }],
  // ... however long, when it is plainly a place (no verb in it); with one ("near my house the police were waiting") it is the story.
  ['en', 'county', ['near the bus stage opposite the chief camp', 'Nairobi', { press: 'today' }], { county: 47, place: 'near the bus stage opposite the chief camp', notStory: ['chief camp'] }],
  ['sw', 'county', ['karibu na stage ya matatu mbele ya kanisa la Kilimani', 'Nairobi', { press: 'today' }], { county: 47, place: 'karibu na stage ya matatu mbele ya kanisa la Kilimani', notStory: ['kanisa'] }],
  // ... naming a county with a spot in it: the place, the county offered.
  ['en', 'county', ['at the junction near Nakuru county offices', 'yes', { press: 'today' }], { county: 32, place: 'the junction near Nakuru county offices', notStory: ['county offices'] }],
  ['sw', 'county', ['karibu na ofisi za kaunti ya Nakuru', 'ndio', { press: 'today' }], { county: 32, place: 'karibu na ofisi za kaunti ya Nakuru', notStory: ['ofisi za kaunti'] }],
  // ... or near a spot named by its own name beside the county's ("Kaptembwo" is an estate in Nakuru): the "near" kept.
  ['en', 'county', ['near Nakuru county Kaptembwo', 'yes', { press: 'today' }], { county: 32, place: 'near Nakuru county Kaptembwo', notStory: ['Kaptembwo'] }],
  // A place there that names a town: the whole of it is the place, and the town's county offered (another county may be chosen: Thika Road runs through Nairobi).
  ['sw', 'county', ['kwenye barabara ya Thika', 'ndio', { press: 'today' }], { county: 22, place: 'barabara ya Thika', notStory: ['barabara ya Thika'] }],
  ['en', 'county', ['at the roadblock on Thika Road', 'Nairobi', { press: 'today' }], { county: 47, place: 'at the roadblock on Thika Road', notStory: ['Thika Road'] }],
  // Outside or near a town: the whole phrase is the place, never the town itself ("Where in Naivasha exactly?" dropped the "outside");
  // as vague as a town alone, so where exactly is asked, and the spot kept with the phrase (or the phrase alone, for "sijui").
  ['sw', 'county', ['nje ya Naivasha', 'ndio', 'stage ya matatu', { press: 'today' }], { county: 32, place: 'stage ya matatu, nje ya Naivasha', notStory: ['Naivasha'], warned: 'Umeandika “nje ya Naivasha”, katika kaunti ya Nakuru. Ni wapi hasa?' }],
  ['en', 'county', ['outside Naivasha', 'yes', "I don't know", { press: 'today' }], { county: 32, place: 'outside Naivasha', notStory: ['Naivasha'], warned: 'Where exactly?' }],
  // ... a town that is also its county's name too: "nje ya" kept.
  ['sw', 'county', ['nje ya Nakuru', 'ndio', 'Shell ya Free Area', { press: 'today' }], { county: 32, place: 'Shell ya Free Area, nje ya Nakuru', notStory: ['Nakuru'] }],
  // The place said wrong where the place is asked, or at the review: the place asked again, the county kept.
  ['sw', 'place', ['nimekosea mahali', 'Free Area', { press: 'today' }], { county: 32, place: 'Free Area', notStory: ['nimekosea'] }],
  ['en', 'review', ['wrong place', 'Free Area'], { county: 32, place: 'Free Area', notStory: ['wrong place'] }],
  // ... or said with the new place: taken where the place or the day is asked, offered for a tap at the review.
  ['sw', 'when', ['nimekosea mahali, ni Free Area', { press: 'today' }], { county: 32, place: 'Free Area', when: 'today', notStory: ['nimekosea'] }],
  ['en', 'review', ['wrong place, it was near the Shell petrol station', 'yes'], { county: 32, place: 'near the Shell petrol station', notStory: ['wrong place'], warned: 'Change the place to “near the Shell petrol station”?' }],
  ['sw', 'review', ['nimekosea mahali, ni Free Area', 'ndio'], { county: 32, place: 'Free Area', notStory: ['nimekosea'], warned: 'Nibadilishe mahali pawe “Free Area”?' }],
  // ... said in a sentence of their own: the place only, never the clause of when ("when they came") or "I was".
  ['en', 'when', ['wrong place. I was at the stage when they came', { press: 'today' }], { county: 32, place: 'the stage', when: 'today', notStory: ['wrong place', 'they came'] }],
  ['sw', 'when', ['nimekosea mahali, nilikuwa stage walipokuja', { press: 'today' }], { county: 32, place: 'stage', when: 'today', notStory: ['nimekosea', 'walipokuja'] }],
  // ... with the day after the new place, at the review: both offered in one question, one tap changes both.
  ['en', 'review', ['wrong place, I was at the stage jana', 'yes'], { county: 32, place: 'the stage', when: 'yesterday', notStory: ['wrong place'], warned: 'Change the place to “the stage” and the date to yesterday' }],
  ['sw', 'review', ['nimekosea mahali, ilikuwa stage jana usiku', 'ndio'], { county: 32, place: 'stage', when: 'yesterday', timeOfDay: 'usiku', notStory: ['nimekosea'], warned: 'Nibadilishe mahali pawe “stage” na tarehe iwe jana' }],
  // ... with what was done there ("when they beat me"): the place taken, what was done added to the story.
  ['en', 'review', ['wrong place, I was at the stage when they beat me', 'yes'], { county: 32, place: 'the stage', story: [STORY, 'I was at the stage when they beat me'], notStory: ['wrong place'], warned: 'Change the place to “the stage”?' }],
  ['sw', 'review', ['nimekosea mahali, nilikuwa stage walipompiga', 'ndio'], { county: 32, place: 'stage', story: [STORY, 'nilikuwa stage walipompiga'], notStory: ['nimekosea'], warned: 'Nibadilishe mahali pawe “stage”?' }],
  ['en', 'when', ['wrong place, I was at the stage when they beat me', { press: 'today' }], { county: 32, place: 'the stage', when: 'today', story: [STORY, 'I was at the stage when they beat me'], notStory: ['wrong place'] }],
  ['sw', 'when', ['nimekosea mahali, nilikuwa stage walipompiga', { press: 'today' }], { county: 32, place: 'stage', when: 'today', story: [STORY, 'nilikuwa stage walipompiga'], notStory: ['nimekosea'] }],
  // "Mahali pa kupiga kura" is the polling place said wrong, not a place of that name: asked afresh, or the station named taken.
  ['sw', 'when', ['nilikosea mahali pa kupiga kura', 'shule ya msingi ya Kaptembwo', { press: 'today' }], { county: 32, place: 'shule ya msingi ya Kaptembwo', when: 'today', notStory: ['kupiga kura'] }],
  ['sw', 'when', ['nilikosea mahali pa kupiga kura, ilikuwa kituo cha kupigia kura cha Kaptembwo', { press: 'today' }], { county: 32, place: 'kituo cha kupigia kura cha Kaptembwo', when: 'today', notStory: ['nilikosea'] }],
  // A place with the day after it, where the place is asked: both taken, the day not asked.
  ['en', 'place', ['near the stage Juzi Jioni'], { county: 32, place: 'near the stage', when: 'date', timeOfDay: 'Jioni' }],
  ['sw', 'place', ['karibu na soko jana usiku'], { county: 32, place: 'karibu na soko', when: 'yesterday', timeOfDay: 'usiku' }],
  // ... so too where the county or the day is asked: never "I do not know that county" or "could not read that date", no word lost.
  ['en', 'county', ['near the stage Juzi Jioni', 'Nakuru'], { county: 32, place: 'near the stage', when: 'date', timeOfDay: 'Jioni' }],
  ['en', 'when', ['near the stage Juzi Jioni'], { county: 32, when: 'date', timeOfDay: 'Jioni', story: [STORY, 'near the stage Juzi Jioni'] }],
  // ... and so when the county is asked again ("nimekosea kaunti" at the place question): kept for the county chosen next.
  ['sw', 'place', ['nimekosea kaunti', 'pale kwa kizuizi', 'Kisumu', { press: 'today' }], { county: 42, place: 'pale kwa kizuizi', notStory: ['kizuizi', 'nimekosea'] }],
  ['en', 'place', ['wrong county', 'at the roadblock', 'Kisumu', { press: 'today' }], { county: 42, place: 'the roadblock', notStory: ['roadblock'] }],
  // Sheng: "maboi wa blue" are the police, "mbao" is 20 shillings: a police bribe offered.
  ['sw', 'first', ['maboi wa blue walinisimamisha pale stage wakachukua mbao', 'ndio', { press: 'no' }, 'Nakuru', 'stage ya Mololine', { press: 'today' }], { category: 'p_bribery', county: 32, story: ['maboi wa blue'] }],
  // A first line too short to tell what happened: "So far you told us" asks for the rest; the county or the day typed there is answered, never "please tell us what happened".
  ['en', 'first', ['police took my brother from our house', 'police', { label: 'Unlawful arrest or detention' }, { press: 'no' }, 'Kisumu', 'Nyalenda', 'last night'], { category: 'p_arrest', county: 42, place: 'Nyalenda', when: 'yesterday', story: ['police took my brother from our house'], notStory: ['Kisumu'] }],
  // Election day in Kenyan English: supporters fighting, a results form altered, "something small" at a roadblock; each offered, never the menu.
  ['en', 'first', ['ODM and UDA supporters fighting outside the polling station at Kondele', 'yes', { press: 'no' }, { label: 'No one was hurt' }, 'Kisumu', 'Kondele primary school', { press: 'today' }], { category: 'e_violence', county: 42, story: ['supporters fighting'] }],
  ['en', 'first', ['the form 34A was altered at the tallying centre', 'yes', { press: 'no' }, 'Nakuru', 'Nakuru tallying centre', { press: 'today' }], { category: 'e_tamper', county: 32, story: ['form 34A was altered'] }],
  ['en', 'first', ['the cops at the roadblock asked for something small', 'yes', { press: 'no' }, 'Nakuru', 'Salgaa roadblock', { press: 'today' }], { category: 'p_bribery', county: 32, story: ['something small'] }],
  // Paid to vote, the KIEMS kit down, papers marked before the vote, violence named: each offered (the kind was asked, then the list).
  ['en', 'first', ['people are being paid to vote at the polling station in kibra', 'yes', { press: 'no' }, 'Nairobi', 'Olympic primary', { press: 'today' }], { category: 'e_bribery', county: 47, story: ['paid to vote'] }],
  ['en', 'first', ['KIEMS kit failed at 7am and voting stopped for 3 hours at mwiki primary', 'yes', { press: 'no' }, 'Nairobi', 'Mwiki primary', { press: 'today' }], { category: 'e_polling', county: 47, story: ['KIEMS kit failed'] }],
  ['en', 'first', ['ballot papers already marked found in a bag at the tallying centre', 'yes', { press: 'no' }, 'Mombasa', 'Likoni tallying centre', { press: 'today' }], { category: 'e_tamper', county: 1 }],
  ['en', 'first', ['there was violence at the tallying centre people injured', 'yes', { press: 'no' }, { label: 'Yes, they got medical help' }, { label: 'Skip' }, 'Kisumu', 'Kisumu tallying centre', { press: 'today' }], { category: 'e_violence', county: 42 }],
  // A community told to go home, a chief campaigning, a release refused "without 5k": each offered (the kind was asked, then the list).
  ['en', 'first', ['at the rally yesterday the MP said luos should go back home', 'yes', { press: 'no' }, 'Nakuru', 'Afraha stadium', { press: 'today' }], { category: 'e_hate', county: 32 }],
  ['en', 'first', ['the chief of kiambaa location is campaigning for the governor using the chiefs office', 'yes', { press: 'no' }, 'Kiambu', 'Kiambaa', { press: 'today' }], { category: 'e_resources', county: 22 }],
  ['en', 'first', ['OCS refused to release my brother without 5k', 'yes', { press: 'no' }, 'Nakuru', 'Central police station', { press: 'today' }], { category: 'p_bribery', county: 32 }],
  // Teargassed voters, the kind typed: violence offered (it was the list); Swahili agents kept out by the presiding officer: an irregularity.
  ['en', 'first', ['police teargassed voters in the queue at moi avenue primary 2pm', 'election', 'yes', { press: 'no' }, { label: 'No one was hurt' }, 'Nairobi', 'Moi avenue primary', { press: 'today' }], { category: 'e_violence', county: 47, notStory: ['election'] }],
  ['sw', 'first', ['afisa msimamizi amekataa mawakala wetu kuingia kituoni', 'ndio', { press: 'no' }, 'Kisumu', 'shule ya msingi Kondele', { press: 'today' }], { category: 'e_polling', county: 42 }],
  // Told at the station she had voted already ("nimeshapiga kura na sijapiga"): personation; "sijapiga" (I have not) was a beating, election violence offered.
  ['sw', 'first', ['nimefika kituoni nikaambiwa nimeshapiga kura na sijapiga', 'ndio', { press: 'no' }, 'Nairobi', 'Kasarani primary', { press: 'today' }], { category: 'e_personation', county: 47 }],
  // A vote cast in the reporter's name, results changed on the portal: offered (the kind was asked, then the list).
  ['en', 'first', ['my vote was already cast by someone else when i reached the station', 'yes', { press: 'no' }, 'Nairobi', 'Kasarani primary', { press: 'today' }], { category: 'e_personation', county: 47 }],
  ['en', 'first', ['i saw the returning officer changing the results on the portal', 'yes', { press: 'no' }, 'Nairobi', 'Bomas', { press: 'today' }], { category: 'e_tamper', county: 47 }],
  ['sw', 'first', ['polisi walimkamata kaka yangu nyumbani', 'ndio', { press: 'no' }, 'usiku wa jana', 'Kisumu', 'Nyalenda', 'jana'], { category: 'p_arrest', county: 42, place: 'Nyalenda', when: 'yesterday', story: ['polisi walimkamata kaka yangu nyumbani\nusiku wa jana'] }],
  // "I wrote the county wrongly" changes the county; "walinigusa vibaya" (touched me wrongly) is the story, no correction.
  ['sw', 'review', ['nimeandika kaunti vibaya', 'Kisumu', 'Kondele'], { county: 42, place: 'Kondele', notStory: ['vibaya'] }],
  ['sw', 'review', ['walinigusa vibaya'], { county: 32, story: [STORY, 'walinigusa vibaya'] }],
  // A name in capitals in a story sent anonymously: warned at the review.
  ['sw', 'desc', ['MIMI NI KAMAU, ASKARI WALINISIMAMISHA WAKAITISHA ELFU MBILI', 'KIAMBU', 'GITHURAI', 'JANA'], { county: 22, place: 'GITHURAI', when: 'yesterday', warned: 'umeandika jina, “KAMAU”' }],
  // A polling station or ward typed at the review of an election report: its own field, never the story.
  ['en', 'kind', ['they were giving out money to voters at the school', 'yes', { press: 'no' }, 'Nairobi', 'Kasarani', { press: 'today' }, 'polling station ni Kasarani Primary School'], { category: 'e_bribery', county: 47, pollingStation: { name: 'Kasarani Primary School' }, notStory: ['polling station'] }],
  ['sw', 'kind', ['wanahonga wapiga kura pale shule ya msingi Kasarani leo asubuhi', 'ndio', { press: 'no' }, 'Nairobi', 'Kasarani', { press: 'today' }, 'wadi ya Roysambu'], { category: 'e_bribery', county: 47, ward: { name: 'Roysambu' }, notStory: ['wadi'] }],
  // ... misspelt too: the ward's right name, said back ("Sawa, nimeandika wadi: Roysambu.").
  ['sw', 'kind', ['wanahonga wapiga kura pale shule ya msingi Kasarani leo asubuhi', 'ndio', { press: 'no' }, 'Nairobi', 'Kasarani', { press: 'today' }, 'wadi ya Roysambo'], { category: 'e_bribery', county: 47, ward: { name: 'Roysambu' }, notStory: ['wadi'], warned: 'nimeandika wadi: Roysambu' }],
  ['en', 'kind', ['they were giving out money to voters at the school', 'yes', { press: 'no' }, 'Nairobi', 'Kasarani', { press: 'today' }, 'Kahawa Wset ward'], { category: 'e_bribery', county: 47, ward: { name: 'Kahawa West' }, notStory: ['Wset'], warned: 'Ward noted: Kahawa West.' }],
  // Not knowing where he was taken is a disappearance; a threat of burning houses a threat; money to be let go a bribe; "vote" an election.
  ['sw', 'first', ['polisi walimkamata kaka yangu jana na hatujui amepelekwa wapi', 'ndio', { press: 'no' }, 'Kisumu', 'Kondele', 'jana'], { category: 'p_disappear', county: 42, when: 'yesterday', story: ['hatujui amepelekwa wapi'] }],
  ['sw', 'cat', ['polisi walisema watatuchoma nyumba zetu tukiripoti', 'ndio', { press: 'no' }, 'Nakuru', 'stage ya Mololine', { press: 'today' }], { category: 'p_threats', story: ['watatuchoma nyumba'] }],
  ['sw', 'first', ['sanse wamenishika pale stage wanataka doo ndio waniachilie', 'ndio', { press: 'no' }, 'Nakuru', 'stage ya Mololine', { press: 'today' }], { category: 'p_bribery', story: ['wanataka doo'] }],
  ['en', 'kind', ['they were given 500 each to vote for him at the school', 'yes', { press: 'no' }, 'Nakuru', 'Kaptembwo primary school', { press: 'today' }], { category: 'e_bribery', story: ['given 500 each to vote'] }],
  // The kind misspelt, or with who they were: chosen, never "not understood" or the story.
  ['en', 'kind', ['plice', { label: 'Bribery or extortion by police' }, { press: 'no' }, STORY, 'Nakuru', 'the junction', { press: 'today' }], { category: 'p_bribery', notStory: ['plice'] }],
  ['en', 'kind', ['police officers', { label: 'Bribery or extortion by police' }, { press: 'no' }, STORY, 'Nakuru', 'the junction', { press: 'today' }], { category: 'p_bribery', story: [STORY], notStory: ['officers'] }],
  // A yes with a word more to the category offered ("ndio hiyo", "yes that's it"): taken, never added to the story.
  ['sw', 'first', ['askari aliitisha elfu moja ndio aniachilie pale barabarani', 'ndio hiyo', { press: 'no' }, 'Nakuru', 'barabara ya Naivasha', { press: 'today' }], { category: 'p_bribery', notStory: ['hiyo'] }],
  ['en', 'first', ['a policeman asked me for 500 bob to let me go at the junction', "yes that's it", { press: 'no' }, 'Nakuru', 'the junction', { press: 'today' }], { category: 'p_bribery', notStory: ['that'] }],
  // Raped in a cell: sexual abuse offered (the cell is where), and the PRC advice follows the injury question.
  ['sw', 'first', ['afisa wa polisi alinibaka kwenye seli usiku', 'ndio', { press: 'no' }, { label: 'Ndio, bado hajapata matibabu' }, { label: 'Bado' }, 'Nairobi', 'kituo cha polisi cha Kilimani', 'jana usiku'], { category: 'p_sexual', county: 47, when: 'yesterday', warned: 'ndani ya saa 72' }],
  // Shot by police and now in hospital: force offered (not killed); someone hurt noted, the P3 question next (it asked "was anyone hurt?", the line saying so is replaced by the answer tapped).
  ['en', 'first', ['pls help my son was shot by police during demos in mathare he is in hospital', 'yes', { press: 'no' }, { label: 'Not yet' }, 'Nairobi', 'Mathare', { press: 'today' }], { category: 'p_force', county: 47, injuries: { hurt: 'hurt' } }],
  ['sw', 'first', ['polisi walimpiga kaka yangu kwa rungu sokoni, sasa amelazwa Kenyatta', 'ndio', { press: 'no' }, { label: 'Bado' }, 'Nairobi', 'Gikomba', { press: 'today' }], { category: 'p_force', county: 47, injuries: { hurt: 'hurt' } }],
  // "Wanapeana pesa kwa wapiga kura": voter bribery offered at once (the kind was asked, then no category offered).
  ['sw', 'first', ['wanapeana pesa kwa wapiga kura nje ya shule ya msingi ya Kilimani kila mtu mia mbili', 'ndio', { press: 'no' }, 'Nairobi', 'shule ya msingi ya Kilimani', { press: 'today' }], { category: 'e_bribery', county: 47, story: ['wanapeana pesa'] }],
  // Caught and money demanded ("walinishika wakaniitisha 5k"), or money "or the cell": a police bribe offered at once.
  ['sw', 'first', ['jana usiku karibu na stage ya Kawangware polisi walinishika wakaniitisha 5k', 'ndio', { press: 'no' }, 'Nairobi', 'stage ya Kawangware', 'jana usiku'], { category: 'p_bribery', county: 47, when: 'yesterday', timeOfDay: 'usiku' }],
  ['sw', 'first', ['karao wamenishika hapa kwa stage wanataka kitu kidogo ama wanipeleke cell', 'ndio', { press: 'no' }, 'Nakuru', 'stage ya Mololine', { press: 'today' }], { category: 'p_bribery', story: ['kitu kidogo'] }],
  // A ballot box carried off: tampering offered at once, in English and Swahili.
  ['en', 'first', ['the presiding officer took the ballot box to his car before counting', 'yes', { press: 'no' }, 'Machakos', 'Kathiani polling centre', { press: 'today' }], { category: 'e_tamper', county: 16 }],
  ['sw', 'first', ['nimeona watu wakibeba masanduku ya kura kwa gari bila polisi', 'ndio', { press: 'no' }, 'Nyeri', 'Othaya', { press: 'today' }], { category: 'e_tamper', county: 19 }],
  // Sexual abuse told in five words: a report begun (it was the menu), sexual abuse offered.
  ['sw', 'first', ['afande alinitaka kimapenzi ndio aniachilie', 'ndio', { press: 'no' }, { label: '✅ Ni hayo tu' }, { label: 'Hakuna aliyeumia' }, { label: 'Ruka' }, 'Mombasa', 'Changamwe', 'juzi usiku'], { category: 'p_sexual', county: 1, when: 'date', story: ['alinitaka kimapenzi'] }],
  // "Hapana, wako salama sasa" (no, they are safe now) at the danger question: a no, never "sijaelewa", never the story.
  ['sw', 'first', ['polisi walipiga mabeshte zangu', 'ndio', 'hapana wako salama sasa', { label: '✅ Ni hayo tu' }, { label: 'Hakuna aliyeumia' }, 'Nairobi', 'Kencom', { press: 'today' }], { category: 'p_force', dangerNow: false, county: 47, notStory: ['salama'] }],
  // Beaten to death at the station: a killing offered (it was brutality, and "was anyone hurt?").
  ['sw', 'first', ['polisi walimpiga kaka yangu mpaka kufa kituoni', 'ndio', { press: 'no' }, { label: 'Hakuna mwingine aliyeumia' }, 'Kisumu', 'kituo cha polisi cha Kondele', 'jana'], { category: 'p_killing', county: 42, story: ['mpaka kufa'] }],
  // Someone else hurt, told in a sentence at "was anyone else hurt?": the yes (the P3 question follows), the words in the story once; it was asked again.
  ['sw', 'first', ['polisi walimpiga kaka yangu mpaka kufa kituoni', 'ndio', { press: 'no' }, 'mke wake pia alipigwa', { label: 'Ruka' }, 'Kisumu', 'kituo cha polisi cha Kondele', 'jana'], { category: 'p_killing', injuries: { hurt: 'hurt' }, story: ['mpaka kufa kituoni\nmke wake pia alipigwa'] }],
  // A missing daughter the police would not record: no "enforced disappearance" offered.
  ['en', 'first', ['police officers at the station refused to record my statement about my missing daughter', 'police', { label: 'Other police misconduct' }, { press: 'no' }, 'Nakuru', 'Central police station', { press: 'today' }], { category: 'p_other', county: 32, unsaid: 'It sounds like' }],
  // "Kila siku", "every day" (a matatu driver's daily bribe): the last day asked, the words kept in the story; never "could not read that date".
  ['sw', 'when', ['kila siku', 'jana'], { when: 'yesterday', story: [STORY, 'kila siku'], warned: 'andika siku ya mwisho lilipotokea' }],
  ['en', 'when', ['every day', 'yesterday'], { when: 'yesterday', story: [STORY, 'every day'], warned: 'type the last day it happened' }],
  // A day of last week, either way round: the Tuesday of the Monday-Sunday week before this one; it was "Which day?" again and again.
  ['en', 'when', ['last week on tuesday'], { when: 'date', incidentAt: ofLastWeek(2) }],
  ['sw', 'when', ['jumanne wiki iliyopita'], { when: 'date', incidentAt: ofLastWeek(2) }],
  ['sw', 'when', ['wiki iliyopita', 'jumanne'], { when: 'date', incidentAt: ofLastWeek(2) }],
  // A day of this week, either way round: this Monday (today or before, whatever the day); it was "Which day?" again and again.
  ['en', 'when', ['Monday this week'], { when: 'date', incidentAt: ofThisWeek(1) }],
  ['sw', 'when', ['jumatatu ya wiki hii'], { when: 'date', incidentAt: ofThisWeek(1) }],
  ['sw', 'when', ['wiki hii jumatatu'], { when: 'date', incidentAt: ofThisWeek(1) }],
  // A day the story names is offered at the date question, never asked as if unsaid: "ndio" or its button takes it; another day typed is that day.
  ['sw', 'desc', ['Jana usiku polisi walinikamata pale stage wakachukua simu yangu', 'Nairobi', 'stage ya Kayole', 'ndio'], { when: 'yesterday', timeOfDay: 'usiku', story: ['Jana usiku polisi walinikamata'], warned: 'Uliandika “Jana usiku”: je, ilikuwa jana,' }],
  ['en', 'desc', ['they beat us at the rally yesterday and took our banners', 'Nairobi', 'Kamukunji grounds', { label: 'Yesterday' }], { when: 'yesterday', story: ['rally yesterday'] }],
  ['en', 'desc', ['they beat us at the rally yesterday and took our banners', 'Nairobi', 'Kamukunji grounds', 'juzi'], { when: 'date', story: ['rally yesterday'] }],
  // Two days named: nothing offered, the question as it was.
  ['en', 'desc', ['he was arrested yesterday and beaten today at the station', 'Nairobi', 'Central police station', { press: 'today' }], { when: 'today', unsaid: 'You wrote' }],
  // ... one still to come this week ("this Sunday" typed on a Monday) is the one just past, told of what happened.
  ['en', 'when', ['Sunday this week'], { when: 'date', incidentAt: latest(0) }],
  ['sw', 'when', ['jumapili wiki hii'], { when: 'date', incidentAt: latest(0) }],
  ['sw', 'when', ['jumamosi hii'], { when: 'date', incidentAt: latest(6) }],
  // "The other day", "juzi juzi": asked which day (never "could not read that date"), then the day answered.
  ['en', 'when', ['the other day', 'yesterday'], { when: 'yesterday', warned: 'Which day?' }],
  ['sw', 'when', ['juzi juzi', 'jana'], { when: 'yesterday', warned: 'Ilikuwa siku gani?' }],
  // No day read twice running: what the question takes is said, the words kept in the story, never the same question a third time.
  ['en', 'when', ['last week', 'I forgot the day', 'Saturday last week'], { when: 'date', incidentAt: ofLastWeek(6), story: [STORY, 'I forgot the day'], warned: 'Tuesday last week, 3 days ago' }],
  ['sw', 'when', ['wiki iliyopita', 'sikumbuki siku', 'jumamosi'], { when: 'date', incidentAt: ofLastWeek(6), story: [STORY, 'sikumbuki siku'], warned: 'Jumanne wiki iliyopita, siku 3 zilizopita' }],
  // Sex asked for as the price of a release: sexual abuse offered (nothing was), the P3/PRC question after the injury one.
  ['en', 'first', ['policeman asked me for sex so that he can release my son', 'yes', { press: 'no' }, { label: 'No one was hurt' }, { label: 'Skip' }, 'Kisumu', 'Kondele police station', { press: 'today' }], { category: 'p_sexual', county: 42 }],
  // Taken to where no one knows, the police saying he is not there: an enforced disappearance offered (the list was).
  ['en', 'first', ['police took my brother to an unknown place and now they say he is not there', 'yes', { press: 'no' }, 'Kisumu', 'Kondele police station', { press: 'today' }], { category: 'p_disappear', county: 42 }],
  ['sw', 'first', ['nimepoteza kaka yangu, polisi walimchukua nyumbani', 'ndio', { press: 'no' }, 'Kisumu', 'Kondele', { press: 'today' }], { category: 'p_arrest', county: 42 }],
  // A door broken and a husband taken: an arrest. A suspect let go for money: an unlawful release, not a bribe.
  ['sw', 'first', ['polisi wamevunja mlango wakachukua mume wangu', 'ndio', { press: 'no' }, 'Kisumu', 'Nyalenda', { press: 'today' }], { category: 'p_arrest', county: 42 }],
  ['sw', 'cat', ['walimwachilia baada ya kupewa pesa', 'ndio', { press: 'no' }, 'Nakuru', 'Central', { press: 'today' }], { category: 'p_release', story: ['kupewa pesa'] }],
  // Ballot papers slipped into the box, outsiders told to go home, voters kept out, two papers, pangas: each offered.
  ['sw', 'first', ['wameweka karatasi za kura kwenye sanduku kabla ya upigaji kura', 'ndio', { press: 'no' }, 'Nyeri', 'Othaya', { press: 'today' }], { category: 'e_tamper', county: 19 }],
  ['en', 'first', ['the MCA told voters that outsiders should go back to their homes', 'yes', { press: 'no' }, 'Nakuru', 'Kaptembwo', { press: 'today' }], { category: 'e_hate', county: 32 }],
  ['sw', 'first', ['walituzuia kuingia kituo cha kupigia kura', 'ndio', { press: 'no' }, { label: 'Hakuna aliyeumia' }, 'Nakuru', 'Kaptembwo', { press: 'today' }], { category: 'e_violence', county: 32 }],
  ['en', 'first', ['a voter was given two ballot papers for president', 'yes', { press: 'no' }, 'Machakos', 'Kathiani polling centre', { press: 'today' }], { category: 'e_personation', county: 16 }],
  ['sw', 'first', ['vijana wenye mapanga wako kwenye kituo cha kupigia kura', 'ndio', { press: 'no' }, { label: 'Hakuna aliyeumia' }, 'Nyeri', 'Othaya', { press: 'today' }], { category: 'e_violence', county: 19 }],
  // Caught and "kitu kidogo" asked (Sheng spelling), votes stolen: each offered.
  ['sw', 'first', ['nmeshikwa na karao wakaitisha kitu kidogo', 'ndio', { press: 'no' }, 'Nakuru', 'Central', { press: 'today' }], { category: 'p_bribery', county: 32 }],
  ['sw', 'first', ['kura zinaibiwa pale shule ya msingi', 'ndio', { press: 'no' }, 'Nyeri', 'Othaya', { press: 'today' }], { category: 'e_tamper', county: 19 }],
  // The category corrected at the review: changed on Yes, "was anyone hurt?" asked for it, the words kept in the story.
  // ... or where the story is asked, before it: the category question again with the one named offered; it was the story, the report sent as a bribe.
  ['en', 'desc', ['sorry i chose wrong, it was arrest not bribe', 'yes', 'they arrested me at the market for selling without license', 'Nairobi', 'Gikomba', { press: 'today' }], { category: 'p_arrest', county: 47, place: 'Gikomba', story: ['they arrested me at the market'], notStory: ['chose wrong'] }],
  ['sw', 'first', ['polisi waliniitisha hongo ya 500', 'ndio', { press: 'no' }, 'Nakuru', 'Central', { press: 'today' }, 'si hongo ni kupigwa', { label: '✅ Ndio, ibadilishe' }, { label: 'Hakuna aliyeumia' }], { category: 'p_force', story: ['si hongo ni kupigwa'] }],
  ['en', 'first', ['a policeman asked me for a bribe of 500', 'yes', { press: 'no' }, 'Nakuru', 'Central', { press: 'today' }, 'not a bribe, they beat me', { label: '✅ Yes, change it' }, { label: 'No one was hurt' }], { category: 'p_force', story: ['not a bribe, they beat me'] }],
  // Where read out of a sentence at the place question: after what was done with no lead word, the day said first, a place named
  // first and told by what was done there, a place near the reporter. The sentence in the story once; "police post near us" the place.
  ['sw', 'place', ['walinisimamisha Thika road', { press: 'today' }], { place: 'Thika road', story: [`${STORY}\nwalinisimamisha Thika road`] }],
  ['en', 'place', ['they stopped me Thika road', { press: 'today' }], { place: 'Thika road', story: [`${STORY}\nthey stopped me Thika road`] }],
  ['sw', 'place', ['jana saa nne usiku walinisimamisha pale Globe'], { place: 'Globe', when: 'yesterday', timeOfDay: 'saa nne usiku', story: [`${STORY}\njana saa nne usiku walinisimamisha pale Globe`] }],
  ['en', 'place', ['the stage where I was arrested near Kencom', { press: 'today' }], { place: 'the stage near Kencom', story: [`${STORY}\nthe stage where I was arrested near Kencom`] }],
  ['en', 'place', ['police post near us', { press: 'today' }], { place: 'police post near us', notStory: ['police post'] }],
  // A town named at the kind or category question: kept as the place (said so), the question asked again, the place not asked after the county.
  ['sw', 'kind', ['Kayole', 'polisi', { label: 'Polisi kuitisha hongo au pesa' }, { press: 'no' }, 'Polisi waliniitisha hongo ya mia tano.', 'Nairobi', { press: 'today' }], { county: 47, place: 'Kayole', notStory: ['Kayole'], warned: 'Nimeandika mahali tukio lilipotokea: “Kayole”' }],
  ['en', 'cat', ['Githurai 45', 'bribe', { press: 'no' }, STORY, 'Kiambu', { press: 'today' }], { county: 22, place: 'Githurai 45', notStory: ['Githurai'], warned: 'Noted: it happened at “Githurai 45”' }],
  // "Yes" at the category list with nothing offered: told there is nothing to say yes to and what to tap (it was a bare "not understood").
  ['en', 'cat', ['yes', 'bribe', { press: 'no' }, STORY, 'Nakuru', 'Free area', { press: 'today' }], { county: 32, warned: 'There is nothing to say yes to yet' }],
  ['sw', 'cat', ['ndio', 'hongo', { press: 'no' }, STORY, 'Nakuru', 'Free area', { press: 'today' }], { county: 32, warned: 'Bado sijapendekeza chochote cha kukubali' }],
  // A day typed in a hurry in the story ("last nyt"): offered at the date question as "last night" is, "yes" takes it.
  ['en', 'desc', ['plz hlp police beat me last nyt at the stage', 'Nairobi', 'Kencom stage', 'yes'], { when: 'yesterday', warned: 'You wrote “last nyt”' }],
  // "Juzi" in the story: its date offered with a button of its own, which takes it.
  ['sw', 'desc', ['polisi walinipiga juzi usiku pale stage', 'Nairobi', 'Kencom stage', { label: `✅ Ndio, ${shown(daysAgo(2))}` }], { when: 'date', incidentAt: daysAgo(2), timeOfDay: 'usiku' }],
  // A place phrase at the category list ("kituo cha polisi cha Kasarani", "Kencom stage"): the place, said so, the list again; it went into the story.
  ['sw', 'cat', ['kituo cha polisi cha Kasarani', 'hongo', { press: 'no' }, 'Polisi waliniitisha hongo ya mia tano.', 'Nairobi', { press: 'today' }], { county: 47, place: 'kituo cha polisi cha Kasarani', notStory: ['Kasarani'] }],
  ['en', 'cat', ['Kencom stage', 'bribe', { press: 'no' }, STORY, 'Nairobi', { press: 'today' }], { county: 47, place: 'Kencom stage', notStory: ['Kencom'], warned: 'Noted: it happened at “Kencom stage”' }],
  // A county then a place where the story is asked, before any story: kept as the county and the place, the story asked again ("Free area" was the story).
  ['sw', 'desc', ['Nakuru', 'Free area', 'Polisi waliniitisha hongo ya mia tano kwa stage.', { press: 'today' }], { county: 32, place: 'Free area', story: ['Polisi waliniitisha hongo'], notStory: ['Free area', 'Nakuru'] }],
  // "Ni salama?", "nani ataona?" (is it safe? who will see?) at any question: who reads the report answered, the question asked again; never "sijaelewa", never the story.
  ['sw', 'danger', ['ni salama?', 'nani ataona ripoti yangu?', { press: 'no' }, 'walinipiga kwa stage', 'Nakuru', 'stage ya Mololine', { press: 'today' }], { county: 32, place: 'stage ya Mololine', notStory: ['salama', 'nani'], warned: 'husomwa na wahudumu wa Ripoti pekee' }],
  ['sw', 'county', ['polisi watajua ni mimi?', 'Nakuru', 'stage ya Mololine', { press: 'today' }], { county: 32, notStory: ['watajua'], warned: 'hakuna atakayeona jina lako' }],
  ['en', 'county', ['who will see this?', 'Nakuru', 'Free area', { press: 'today' }], { county: 32, place: 'Free area', notStory: ['who will'], warned: 'Only Ripoti staff read your report' }],
  // "Naogopa watanijua" (I'm afraid they will know me): how to stay unknown, the question asked again; it was "not understood", or the place.
  ['sw', 'county', ['naogopa watanijua', 'Nakuru', 'stage ya Mololine', { press: 'today' }], { county: 32, place: 'stage ya Mololine', notStory: ['naogopa'], warned: 'Si lazima ujulikane. Ripoti yako ikiwa tayari, bonyeza 🕶 Tuma bila kutaja jina langu' }],
  ['en', 'place', ["I'm scared they will find out it was me", 'Free area', { press: 'today' }], { county: 32, place: 'Free area', notStory: ['scared'], warned: 'You do not have to be known.' }],
  // ... at the story question: kept as the story begun (the fear may be part of it), answered, the rest asked for.
  ['sw', 'desc', ['naogopa watanijua', 'Polisi waliniitisha hongo ya mia tano kwa stage.', 'Nakuru', 'Free area', { press: 'today' }], { county: 32, place: 'Free area', story: ['naogopa watanijua\nPolisi waliniitisha hongo ya mia tano kwa stage.'], warned: 'Si lazima ujulikane' }],
  // A threat told at the place question is the story, not the place (it was stored as the place).
  ['en', 'place', ['the officer said I will be afraid', 'Free area', { press: 'today' }], { county: 32, place: 'Free area', story: [`${STORY}\nthe officer said I will be afraid`] }],
  // The county typed at the category list, a day at "was anyone hurt?": kept and said so (they were "sijaelewa" and lost), never asked again.
  ['sw', 'cat', ['Nairobi', { label: 'Kukamatwa kinyume cha sheria' }, { press: 'no' }, 'walinikamata bila sababu', 'Kayole', { press: 'today' }], { category: 'p_arrest', county: 47, place: 'Kayole', notStory: ['Nairobi'] }],
  ['sw', 'cat', ['polisi walimpiga kaka yangu kituoni usiku wa jana', 'ndio', { press: 'no' }, 'Nakuru', 'juzi', { label: 'Ndio, bado hajapata matibabu' }, { label: 'Bado' }, 'kituo cha polisi cha Central'], { category: 'p_force', county: 32, when: 'date', notStory: ['juzi'] }],
  // The county, a town, the day and two words of what is happening typed at "is someone in danger right now?" (a mother answering
  // what she expects to be asked): each kept and said so, the danger asked again; they were "sijaelewa" and lost, and asked for again.
  ['sw', 'danger', ['Nairobi', 'Mathare', 'jana usiku', 'anavuja damu', { press: 'no' }, 'polisi walimchukua mwanangu usiku wakampeleka kituoni'], { county: 47, place: 'Mathare', when: 'yesterday', timeOfDay: 'usiku', story: ['anavuja damu', 'walimchukua mwanangu'], notStory: ['Nairobi', 'Mathare', 'jana usiku'], warned: 'Nimeandika kaunti: Nairobi City.' }],
  // ... the story told first: after the no, neither the county nor the place is asked (the county was asked again, after "Sitakuuliza kaunti tena").
  ['sw', 'first', ['polisi walimchukua mwanangu usiku wakampeleka kituoni', 'ndio', 'Nairobi', 'Mathare', 'jana usiku', { press: 'no' }], { category: 'p_arrest', county: 47, place: 'Mathare', when: 'yesterday', notStory: ['Nairobi', 'Mathare'], unsaid: 'Ilitokea katika kaunti gani' }],
  ['en', 'danger', ['Uasin Gishu', 'last night', { press: 'no' }, STORY, 'Eldoret main stage'], { county: 27, place: 'Eldoret main stage', when: 'yesterday', notStory: ['Uasin', 'last night'], warned: 'County: Uasin Gishu, noted' }],
  // An officer's name and the car's plate typed where the place is asked: the story (IPOA asks for them), the place asked again; it was stored as the place.
  ['en', 'place', ['his name was Sgt Mwangi at Kenyatta avenue, car KDA 123A', 'Kenyatta avenue', { press: 'today' }], { county: 32, place: 'Kenyatta avenue', story: [`${STORY}\nhis name was Sgt Mwangi at Kenyatta avenue, car KDA 123A`], warned: 'We still need to know where it happened.' }],
  ['sw', 'place', ['jina lake ni Koplo Otieno, gari lao GK 456B', 'stage ya Mololine', { press: 'today' }], { county: 32, place: 'stage ya Mololine', story: ['jina lake ni Koplo Otieno, gari lao GK 456B'], warned: 'Bado tunahitaji kujua tukio lilitokea wapi.' }],
  // A chief's or county askari's act: the closest police category offered, and said plainly that they are not the police and where such cases go (it was the bare kind question).
  ['sw', 'first', ['chifu wetu alimpiga baba yangu mbele ya watu', 'ndio', { press: 'no' }, { label: 'Hakuna aliyeumia' }, 'Kiambu', 'Kiambaa', { press: 'today' }], { category: 'p_force', county: 22, warned: 'askari wa kaunti (kanjo) si polisi' }],
  // A chief's askari are the Administration Police, as the console reads them (IPOA): never told they are not the police (they were).
  ['sw', 'first', ['chifu wetu na askari wake walimpiga baba yangu', 'ndio', { press: 'no' }, { label: 'Hakuna aliyeumia' }, 'Kiambu', 'Kiambaa', { press: 'today' }], { category: 'p_force', county: 22, unsaid: 'askari wa kaunti (kanjo) si polisi' }],
  ['en', 'first', ['the chief and his askaris beat my father', 'yes', { press: 'no' }, { label: 'No one was hurt' }, 'Kiambu', 'Kiambaa', { press: 'today' }], { category: 'p_force', county: 22, unsaid: 'are not the police' }],
  ['en', 'first', ['county askaris took my mboga and beat me', 'yes', { press: 'no' }, { label: 'No one was hurt' }, 'Nakuru', 'Wakulima market', { press: 'today' }], { category: 'p_force', county: 32, warned: 'Commission on Administrative Justice' }],
  // A private guard's act ("askari wa gate", "watchman"): the police kind and closest category offered, and said that guards are not the police and a crime can be reported at a police station; "askari" alone is the police, no such line.
  ['sw', 'first', ['askari wa gate alinipiga kofi nikitoka supermarket', 'ndio', { press: 'no' }, { label: 'Hakuna aliyeumia' }, 'Nakuru', 'Westside mall', { press: 'today' }], { category: 'p_force', county: 32, warned: 'Walinzi na askari wa gate au wa kampuni za ulinzi si polisi', unsaid: 'Machifu' }],
  ['en', 'first', ['the watchman at our gate beat my son with a rungu', 'yes', { press: 'no' }, { label: 'No one was hurt' }, 'Nakuru', 'Milimani estate', { press: 'today' }], { category: 'p_force', county: 32, warned: 'Security guards and watchmen (askari wa gate, askari wa kampuni) are not the police', unsaid: 'Chiefs' }],
  ['sw', 'first', ['askari walimpiga baba yangu mbele ya watu', 'ndio', { press: 'no' }, { label: 'Hakuna aliyeumia' }, 'Nakuru', 'Central', { press: 'today' }], { category: 'p_force', county: 32, unsaid: 'si polisi. Hata hivyo' }],
  // A phone robbed by the police, an officer's house or a charge: extortion, sexual abuse offered ("yes" was "not understood").
  ['sw', 'first', ['askari walinipora simu', 'ndio', { press: 'no' }, 'Nakuru', 'Central', { press: 'today' }], { category: 'p_bribery', county: 32 }],
  ['en', 'first', ['a police officer at the roadblock said i must go with him to his house or he will charge me', 'yes', { press: 'no' }, { label: 'No one was hurt' }, { label: 'Skip' }, 'Kiambu', 'Juja roadblock', { press: 'today' }], { category: 'p_sexual', county: 22 }],
  // A day said where the story is asked ("ilikuwa jana"): kept and said, the story asked again, the day not asked; it was the whole story.
  ['sw', 'desc', ['ilikuwa jana', STORY, 'Nakuru', 'stage ya Mololine'], { county: 32, place: 'stage ya Mololine', when: 'yesterday', incidentAt: daysAgo(1), warned: 'Sitakuuliza siku tena', notStory: ['ilikuwa jana'] }],
  ['en', 'desc', ['it was yesterday', STORY, 'Nakuru', 'Free area'], { county: 32, place: 'Free area', when: 'yesterday', incidentAt: daysAgo(1), warned: 'I will not ask for the day again', notStory: ['it was yesterday'] }],
  // "Wikendi" at the date question: the weekend's Saturday and Sunday offered to tap; it was "could not read that date".
  ['sw', 'when', ['wikendi', { label: `Jumapili ${shown(latest(0))}` }], { when: 'date', incidentAt: latest(0) }],
  ['en', 'when', ['the weekend', { label: `Saturday ${shown(weekendSaturday)}` }], { when: 'date', incidentAt: weekendSaturday }],
];

const press = (lang: 'en' | 'sw', which: 'today' | 'no' | 'yes') => BTN[lang][which];

describe('typed journeys, in both languages', () => {
  it.each(PLAYS.map((p, i) => [i + 1, ...p] as const))('%i (%s, at %s): %j', async (i, lang, at, acts, expected) => {
    const u = h.tg.user({ firstName: `Typed ${i}`, languageCode: lang });
    if (at !== 'first') await walkTo(u, at, lang);
    const before = allTexts(u).length;
    for (const act of acts) await (typeof act === 'string' ? u.sendText(act) : u.press('label' in act ? act.label : press(lang, act.press)));
    await u.press(SEND_ANONYMOUSLY[lang]);
    const texts = allTexts(u).slice(before);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    const { story = [], notStory = [], warned, unsaid, incidentAt, ...fields } = expected;
    if (warned) expect(texts.join('\n')).toContain(warned);
    if (unsaid) expect(texts.join('\n')).not.toContain(unsaid);
    expect(report).toMatchObject({ ...fields, ...(incidentAt ? { incidentAt: incidentAt() } : {}), ...(fields.category ? {} : { category: 'p_bribery' }) });
    for (const words of story) expect(report?.description.text).toContain(words);
    for (const words of notStory) expect(report?.description.text).not.toContain(words);
    // Never asked the same question three times in a row, nor twice "Which day?", never "not understood" for these.
    expect(texts.filter((t) => /Which day\?|Ilikuwa siku gani\?/.test(t)).length).toBeLessThan(2);
    expect(texts.filter((t) => /not understand|sijaelewa|I do not know that county|sijui kaunti hiyo|could not read that date|Sikuweza kuelewa tarehe/i.test(t))).toEqual([]);
    if (lang === 'sw') expectNoEnglish(texts, englishFragments());
  });
});

describe('"nitatuma voice note" (a voice note is coming) where the story is asked', () => {
  // It was taken as the whole story and the county asked; the voice note sent next was filed as evidence behind it.
  it.each([
    ['sw', 'nitatuma voice note', 'Unaweza kuandika au kutuma ujumbe wa sauti', '🎤 Ujumbe wa sauti umepokelewa.', 'Karibu na stage'],
    ['en', 'wait', 'You can type it or send a voice note', '🎤 Voice note received.', 'Near the stage'],
  ] as const)('(%s) %j: asked again for the story, and the voice note sent next is the story', async (lang, words, askedAgain, received, place) => {
    const u = h.tg.user({ firstName: 'Voice coming', languageCode: lang });
    await walkTo(u, 'desc', lang);
    const before = allTexts(u).length;
    await u.sendText(words);
    expect(lastText(u)).toContain(askedAgain);
    const fileId = await u.sendVoice({ durationSec: 35 });
    expect(allTexts(u).join('\n')).toContain(received);
    await u.sendText('Nakuru');
    await u.sendText(place);
    await u.press(BTN[lang].today);
    await u.press(SEND_ANONYMOUSLY[lang]);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report?.description.text).toBeUndefined();
    expect(report?.description.voice).toMatchObject({ kind: 'voice', fileId, durationSec: 35 });
    expect(report?.evidence ?? []).toEqual([]);
    if (lang === 'sw') expectNoEnglish(allTexts(u).slice(before), englishFragments());
  });
});

describe('asked whether it is safe before anything is told', () => {
  it.each([
    ['sw', 'ni salama kuripoti hapa?', 'husomwa na wahudumu wa Ripoti pekee', '📝 Ripoti tukio'],
    ['sw', 'nani ataona ripoti yangu?', 'hakuna atakayeona jina lako', '📝 Ripoti tukio'],
    ['en', 'is it safe to report here?', 'we are not the police', '📝 Report an incident'],
  ] as const)('(%s) %j: who reads a report answered, with the menu (it was the bare menu)', async (lang, text, answer, button) => {
    const u = h.tg.user({ firstName: 'Asks first', languageCode: lang });
    await u.sendText(text);
    expect(lastText(u)).toContain(answer);
    expect(u.buttons()).toContain(button);
    if (lang === 'sw') expectNoEnglish(allTexts(u));
  });
});

describe('asked who sees it in the middle of a report', () => {
  // "Who sees this?" was answered "no one has read your question" (and, typed for the story, became the story).
  it.each([
    ['en', 'desc', 'who sees this?', 'Only Ripoti staff read your report', 'Please answer the question below first.', [STORY, 'Nakuru', 'Free area', { press: 'today' }]],
    ['sw', 'county', 'wataona jina langu?', 'husomwa na wahudumu wa Ripoti pekee', 'Tafadhali jibu swali lililo hapa chini kwanza.', ['Nakuru', 'stage ya Mololine', { press: 'today' }]],
    ['en', 'review', 'can the police see this?', 'Only Ripoti staff read your report', 'Choose below how to send it.', []],
  ] as const)('(%s, at %s) %j: who reads a report answered, the question asked again; the report sent with none of it in the story', async (lang, at, text, answer, again, rest) => {
    const u = h.tg.user({ firstName: 'Asks midway', languageCode: lang });
    await walkTo(u, at, lang);
    // The question as asked, without the echo of the answer before it ("✓ No").
    const asked = questionText(u).replace(/^✓[^\n]*\n\n/, '');
    const before = allTexts(u).length;
    await u.sendText(text);
    expect(lastText(u)).toContain(answer);
    expect(lastText(u)).toContain(again);
    expect(questionText(u).endsWith(asked)).toBe(true);
    for (const act of rest as readonly Act[]) await (typeof act === 'string' ? u.sendText(act) : u.press('label' in act ? act.label : press(lang, act.press)));
    await u.press(SEND_ANONYMOUSLY[lang]);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ county: 32, description: { text: STORY } });
    if (lang === 'sw') expectNoEnglish(allTexts(u).slice(before));
  });
});

/** The line that says what Ripoti is for, in each language: a greeting or "is this Ripoti?" is answered with it. */
const ABOUT = { en: 'This is Ripoti: here you can report police misconduct or an election incident safely, anonymously if you wish.', sw: 'Hii ni Ripoti: hapa unaweza kuripoti utovu wa nidhamu wa polisi au tukio la uchaguzi kwa usalama, bila kutaja jina lako ukipenda.' };
const REPORT_BUTTON = { en: '📝 Report an incident', sw: '📝 Ripoti tukio' };

describe('asked to call the police in the middle of a report', () => {
  // "Can you call the police?" at the danger question got "not sent yet ... no one calls you" or "no one has read your question": never 999 or 112.
  it.each([
    ['en', 'can you call the police?', 'Ripoti cannot call the police or an ambulance for you', 'call 999 or 112 yourself', 'Is someone in danger right now?'],
    ['sw', 'tumeni polisi tafadhali', 'Ripoti haiwezi kukuitia polisi wala ambulensi', 'piga simu 999 au 112 wewe mwenyewe', 'Je, kuna mtu yuko hatarini sasa hivi?'],
  ] as const)('(%s) %j at the danger question: Ripoti cannot, call 999 or 112; the question asked again', async (lang, text, cannot, call, question) => {
    const u = h.tg.user({ firstName: 'Asks for police', languageCode: lang });
    await walkTo(u, 'danger', lang);
    await u.sendText(text);
    expect(lastText(u)).toContain(cannot);
    expect(lastText(u)).toContain(call);
    expect(lastText(u)).toContain(question);
  });
});

describe('a greeting or "is this Ripoti?" before anything is told', () => {
  it.each([
    // [typed, the phone's language, the language written in, the reply's first words]
    ['hello', 'sw', 'en', 'Hello 👋'],
    ['Hi', 'en', 'en', 'Hello 👋'],
    ['good morning', 'sw', 'en', 'Hello 👋'],
    ['habari', 'en', 'sw', 'Karibu 👋'],
    ['niaje', 'en', 'sw', 'Karibu 👋'],
    ['Mambo', 'sw', 'sw', 'Karibu 👋'],
    ['sasa', 'en', 'sw', 'Karibu 👋'],
    ['is this ripoti?', 'sw', 'en', ABOUT.en],
    ['is this the police reporting line?', 'en', 'en', ABOUT.en],
    ['ni ripoti hii?', 'en', 'sw', ABOUT.sw],
    ['hii ni nini?', 'en', 'sw', ABOUT.sw],
  ] as const)('%j (phone in %s): a warm answer in %s that says what Ripoti is for, with the menu (it was the bare menu)', async (text, phone, lang, opens) => {
    const u = h.tg.user({ firstName: 'Greets', languageCode: phone });
    await u.sendText(text);
    expect(lastText(u).startsWith(opens)).toBe(true);
    expect(lastText(u)).toContain(ABOUT[lang]);
    expect(u.buttons()).toContain(REPORT_BUTTON[lang]);
    if (lang === 'sw') expectNoEnglish(allTexts(u));
  });

  it('"Hello, police beat my son yesterday" is no bare greeting: the report begins with the story, as before', async () => {
    const u = h.tg.user({ firstName: 'Greets with a story', languageCode: 'en' });
    await u.sendText('Hello, police beat my son yesterday');
    expect(lastText(u)).toContain('I have kept what you sent: it will be the story of your report');
    expect(allTexts(u).join('\n')).not.toContain(ABOUT.en);
  });

  it('a bare "habari" from a phone in English, then a whole report in Swahili with no English in it', async () => {
    const u = h.tg.user({ firstName: 'Habari first', languageCode: 'en' });
    await u.sendText('habari');
    expect(lastText(u)).toContain(ABOUT.sw);
    await u.press(REPORT_BUTTON.sw);
    await u.press('Utovu wa nidhamu wa polisi');
    await u.press('Polisi kuitisha hongo au pesa');
    await u.press('Hapana');
    await u.sendText('Polisi walinitaka nitoe hongo kwenye kizuizi cha barabara.');
    await u.sendText('Nakuru');
    await u.sendText('Barabara ya Naivasha');
    await u.press('Leo');
    await u.press(SEND_ANONYMOUSLY.sw);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ language: 'sw', county: 32, category: 'p_bribery', anonymous: true });
    expect(report?.description.text).toBe('Polisi walinitaka nitoe hongo kwenye kizuizi cha barabara.');
    expectNoEnglish(allTexts(u));
  });
});

describe('a greeting typed in the middle of a report', () => {
  const GREETED = 'Hello 👋 Your report is not sent yet. Please answer the question below first.';

  it('"hello" at the story, the county, the place, the day and the review (en): answered, the question asked again, never the story or an answer', async () => {
    const u = h.tg.user({ firstName: 'Hello mid-report', languageCode: 'en' });
    await walkTo(u, 'desc', 'en');
    const before = allTexts(u).length;
    const greetThen = async (greeting: string, question: string, greeted = GREETED) => {
      await u.sendText(greeting);
      expect(lastText(u)).toContain(greeted);
      expect(lastText(u)).toContain(question);
    };
    await greetThen('hello', 'Tell us what happened');
    await u.sendText(STORY);
    await greetThen('Hi there', 'In which county');
    await u.sendText('Nakuru');
    await greetThen('hey', 'Where in Nakuru');
    await u.sendText('Naivasha road junction');
    await greetThen('good morning', 'When did it happen?');
    await u.press('Today');
    // The review has no question below it: the ways to send are named instead.
    await greetThen('hello', 'Please check your report', 'Hello 👋 Your report is not sent yet. Choose below how to send it.');
    await u.press(SEND_ANONYMOUSLY.en);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ county: 32, place: 'Naivasha road junction', language: 'en' });
    expect(report?.description.text).toBe(STORY);
    // Never started again, never "not understood".
    const texts = allTexts(u).slice(before);
    expect(texts.filter((t) => /not understand|I do not know that county|Choose what you want to report/i.test(t))).toEqual([]);
  });

  it('"habari" at the story (sw): answered in Swahili, never taken as the story', async () => {
    const u = h.tg.user({ firstName: 'Habari mid-report', languageCode: 'sw' });
    await walkTo(u, 'desc', 'sw');
    // The first /start offers both languages, each in itself: what follows is read.
    const before = allTexts(u).length;
    await u.sendText('habari');
    expect(lastText(u)).toContain('Habari 👋 Ripoti yako bado haijatumwa. Tafadhali jibu swali lililo hapa chini kwanza.');
    expect(lastText(u)).toContain('Tueleze kilichotokea');
    await u.sendText('Polisi walinitaka nitoe hongo.');
    expect(lastText(u)).toContain('kaunti gani');
    expectNoEnglish(allTexts(u).slice(before));
  });
});

describe('"has it been sent?", "how long?", "when will you call me?" in the middle of a report', () => {
  /** The answer's first and last lines, as a reporter reads them. */
  const ANSWER = {
    en: { notSent: 'Your report is not sent yet: no one has it until you send it at the end.', after: 'may write to you here, in this chat. No one calls you unless you send it with your phone number.', again: 'Please answer the question below first.' },
    sw: { notSent: 'Ripoti yako bado haijatumwa: hakuna anayeipata hadi uitume mwishoni.', after: 'huenda akakuandikia hapa, katika mazungumzo haya. Hakuna atakayekupigia simu usipoituma pamoja na nambari yako ya simu.', again: 'Tafadhali jibu swali lililo hapa chini kwanza.' },
  };
  const ASKED = { desc: { en: 'Tell us what happened', sw: 'Tueleze kilichotokea' }, place: { en: 'Where in Nakuru', sw: 'Ni wapi hasa ndani ya Nakuru' }, county: { en: 'In which county', sw: 'kaunti gani' } } as const;
  const PLACE = 'Naivasha road junction';

  it.each([
    // [language, where asked, what they type]: before, the story or the place was the question itself, and elsewhere "not understood".
    ['en', 'desc', 'has it been sent?'],
    ['en', 'desc', 'how long will it take?'],
    ['en', 'place', 'when will you call me?'],
    ['en', 'place', 'did you get it?'],
    ['en', 'county', 'will someone call me?'],
    ['sw', 'desc', 'imefika?'],
    ['sw', 'desc', 'itachukua muda gani?'],
    ['sw', 'place', 'mtanijibu lini?'],
    ['sw', 'place', 'mumepata?'],
    ['sw', 'county', 'mmeona ripoti yangu?'],
  ] as const)('(%s, at %s) %j: not sent yet, staff reply here once sent, the question asked again; the report sent with the story and place as told', async (lang, at, text) => {
    const u = h.tg.user({ firstName: 'Asks about sending', languageCode: lang });
    await walkTo(u, at, lang);
    const before = allTexts(u).length;
    await u.sendText(text);
    const reply = lastText(u);
    for (const line of Object.values(ANSWER[lang])) expect(reply).toContain(line);
    expect(reply).toContain(ASKED[at][lang]);
    const today: Act = { press: 'today' };
    const rest: Act[] = { desc: [STORY, 'Nakuru', PLACE, today], county: ['Nakuru', PLACE, today], place: [PLACE, today] }[at];
    for (const act of rest) await (typeof act === 'string' ? u.sendText(act) : u.press('label' in act ? act.label : press(lang, act.press)));
    await u.press(SEND_ANONYMOUSLY[lang]);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report).toMatchObject({ county: 32, place: PLACE, description: { text: STORY } });
    if (lang === 'sw') expectNoEnglish(allTexts(u).slice(before));
  });

  it.each([
    ['en', 'has it been sent?', 'Your report is not sent yet: choose below how to send it.'],
    ['sw', 'imetumwa?', 'Ripoti yako bado haijatumwa: chagua hapa chini jinsi ya kuituma.'],
  ] as const)('(%s, at the review) %j: not sent yet, how to send it, what happens once sent; nothing added to the story', async (lang, text, notSent) => {
    const u = h.tg.user({ firstName: 'Asks at the review', languageCode: lang });
    await walkTo(u, 'review', lang);
    await u.sendText(text);
    expect(lastText(u)).toContain(notSent);
    expect(lastText(u)).toContain(ANSWER[lang].after);
    expect(u.buttons()).toContain(SEND_ANONYMOUSLY[lang]);
    await u.press(SEND_ANONYMOUSLY[lang]);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report?.description.text).toBe(STORY);
  });

  it.each([
    ['en', ['did you get it?', 'how long will it take?', 'will someone call me?', 'has it been sent?'], ['What do you want to report?', 'what happened?', 'Is someone in danger right now?', 'When did it happen?']],
    ['sw', ['mumepata?', 'itachukua muda gani?', 'mtanipigia lini?', 'imefika?'], ['Unataka kuripoti nini?', 'nini kilitokea?', 'kuna mtu yuko hatarini sasa hivi?', 'Ilitokea lini?']],
  ] as const)('(%s) asked at the kind, the category, the danger and the day: answered each time, the same question again; nothing kept as an answer', async (lang, texts, questions) => {
    const stops = ['kind', 'cat', 'danger', 'when'] as const;
    for (const [i, stop] of stops.entries()) {
      const u = h.tg.user({ firstName: `Asks at ${stop}`, languageCode: lang });
      await walkTo(u, stop, lang);
      const asked = questionText(u).replace(/^✓[^\n]*\n\n/, '');
      await u.sendText(texts[i]);
      expect(lastText(u)).toContain(ANSWER[lang].notSent);
      expect(lastText(u)).toContain(questions[i]);
      expect(questionText(u).endsWith(asked)).toBe(true);
    }
  });

  it('"I waited long at the station and they asked me when I will pay" is the story, as before', async () => {
    const u = h.tg.user({ firstName: 'Tells of waiting', languageCode: 'en' });
    await walkTo(u, 'desc', 'en');
    const account = 'I waited long at the station and they asked me when I will pay';
    await u.sendText(account);
    await u.sendText('Nakuru');
    expect(allTexts(u).join('\n')).not.toContain(ANSWER.en.notSent);
    await u.sendText(PLACE);
    await u.press('Today');
    await u.press(SEND_ANONYMOUSLY.en);
    const report = await h.store.reports.findByReference(referenceIn(lastText(u)));
    expect(report?.description.text).toBe(account);
  });
});
