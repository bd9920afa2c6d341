/**
 * Words typed at "In which county did it happen?" that are no place: a name no list knows
 * ("Ndabibi") is kept as the place there, and the place question is then not asked, so an everyday
 * word kept so would be the report's place and where it happened never asked. Each answer below
 * is what a Kenyan reporter might type there instead of a county (English, Swahili, Sheng).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Draft, Step } from '../../../src/bot/session';
import { step } from '../../../src/bot/wizard/step';
import type { Reply, StepResult, WizardState } from '../../../src/bot/wizard/types';
import { normalise } from '../../../src/bot/wizard/parse';
import { TOWNS } from '../../../src/domain';

const NOW = new Date('2026-11-28T09:30:00Z');
const ID = 'dRaFt0000001';
const STORY = 'Police asked me for a bribe at the junction.';

const atCounty = (extra: Partial<Draft> = {}): WizardState => ({
  draft: { id: ID, step: 'county' as Step, kind: 'police', category: 'p_bribery', danger: false, text: STORY, ...extra },
});
const type = (state: WizardState, text: string): StepResult => step(state, { type: 'text', text }, NOW);
const said = (r: StepResult): string[] => r.replies.map((x: Reply) => (x.type === 'message' ? x.texts.map((t) => t.key).join('+') : x.type));

const NOT_PLACES = {
  'not knowing': ['idk', 'IDK', 'i dont know', "I don't know", 'dunno', 'no idea', 'not sure', 'sijui', 'sijui bana', 'sijui kabisa', 'sijui wapi', 'hata mimi sijui', 'sielewi', 'sijaelewa'],
  'yes, no, thanks': ['hakuna', 'hapana', 'ndio', 'ndiyo', 'sawa', 'ok', 'okay', 'yes', 'no', 'asante', 'asante sana', 'thank you', 'thanks', 'ni sawa', 'si sawa', 'kweli', 'uongo', 'true', 'lie', 'tayari', 'done', 'finish', 'maliza', 'nimemaliza'],
  'greetings and Sheng fillers': ['aje', 'aje?', 'niaje', 'niaje bro', 'poa', 'fiti', 'freshi', 'sasa', 'mambo', 'vipi', 'uko aje', 'hello', 'hi', 'habari', 'jambo', 'hey', 'eh', 'ehe', 'aaah', 'hmm', 'mmh', 'lol', 'haha', 'hehe', 'lmao', 'ati', 'kwani', 'mbona', 'wacha'],
  people: ['mimi', 'wao', 'sisi', 'yeye', 'polisi', 'askari', 'chief', 'OCS', 'OCPD', 'DCI', 'GSU', 'karao', 'makarao', 'kanjo', 'mbogi', 'msee', 'wasee', 'boss', 'bro', 'sis', 'mzee', 'afande', 'sergeant'],
  // Who it happened to, answered where the county is asked: the place would read "mama yangu".
  'one\'s own people': ['mama yangu', 'bibi yangu', 'rafiki yangu', 'mwanangu', 'mwenzangu', 'baba yetu', 'Mama Yangu'],
  'days and times': ['kesho', 'juzi', 'usiku', 'leo asubuhi', 'asubuhi', 'jioni', 'mchana'],
  feelings: ['nimeogopa', 'naogopa', 'niko na woga', 'nimeumia', 'naumia', 'i am scared', 'am scared', 'i am afraid', 'scared', 'afraid', 'sad', 'angry', 'worried', 'fear', 'woga', 'hofu', 'hasira', 'uchungu', 'huzuni', 'pole', 'sorry', 'samahani'],
  'asking for help': ['nisaidie', 'saidia', 'help', 'help me', 'help!!', 'please', 'please help', 'tafadhali'],
  'commands': ['rudi', 'back', 'cancel', 'stop', 'anza upya', 'restart', 'start', '/start', 'menu', 'exit', 'quit', 'ghairi', 'acha', 'katisha', 'endelea', 'next', 'skip', 'ruka', 'sitaki', 'siwezi'],
  questions: ['wapi?', 'wapi', 'what', 'what?', 'why', 'how', 'where', 'who', 'when', 'nani', 'nini', 'lini', 'kwa nini'],
  insults: ['shenzi', 'mshenzi', 'mjinga', 'fala', 'stupid', 'idiot', 'fool', 'nonsense', 'upuzi', 'fuck', 'fuck off', 'wewe ni mjinga', 'achana na mimi'],
  'numbers, emoji, marks': ['123', '0', '😭', '🙏', '😡', '👍', '...', '?', '!!', '.', '-', 'n/a', 'na', 'nil', 'none', 'nothing'],
  'where, said of no place': ['anywhere', 'everywhere', 'nowhere', 'town', 'mjini', 'kijijini', 'mtaani', 'kwetu', 'nyumbani', 'home', 'kazini', 'shule', 'barabarani', 'njiani', 'huku', 'huko', 'hapa', 'pale', 'kule', 'karibu', 'mbali', 'far', 'near', 'here', 'there', 'same', 'same place', 'the same', 'kenya', 'Kenya'],
  // The weather or the dark (when or how, not where), "not here", places said in the plural, and the parties and coalitions.
  'weather, not here, plurals, parties': ['Giza', 'giza', 'Mvua', 'mvua', 'jua', 'baridi', 'upepo', 'rain', 'dark', 'darkness', 'sio hapa', 'siyo hapa', 'si hapa', 'not here', 'sio pale', 'vijijini', 'mitaani', 'mashambani', 'Kenya Kwanza', 'kenya kwanza', 'Azimio', 'Azimio la Umoja', 'Jubilee', 'ODM', 'UDA', 'Wiper', 'Ford Kenya', 'Roots Party'],
  // How much was asked ("walitaka elfu mbili", then "elfu mbili"): the place read "elfu mbili", and where it happened was never asked.
  'sums of money': ['elfu mbili', 'Elfu mbili', 'mia tano', 'thao mbili', 'ngiri tatu', 'laki moja', 'elfu moja mia tano', 'two thousand', 'five hundred', '2k', '500 bob', 'ksh 2000', 'sh 500'],
  'said before, and prayers': ['nimesema', 'nishasema', 'nilisema', 'mungu', 'mungu wangu', 'yesu', 'jesus', 'god', 'amen', 'inshallah', 'haki', 'haki ya mungu'],
};

describe('at the county question, words that are no place are never kept as the place', () => {
  const all = Object.values(NOT_PLACES).flat();

  it('the list is long enough to mean something', () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
  });

  it.each(Object.entries(NOT_PLACES))('%s: no place kept, "I do not know a county called …" never said', (_group, words) => {
    const kept = words.flatMap((w) => {
      const r = type(atCounty(), w);
      return r.state.draft?.place !== undefined || said(r).some((k) => k.includes('unknown_kept')) ? [[w, r.state.draft?.place, said(r)]] : [];
    });
    expect(kept).toEqual([]);
  });

  it.each(Object.entries(NOT_PLACES))('%s, after "sijui" asked for the nearest town: never kept as the town ("I have kept it as the place")', (_group, words) => {
    const asked = type(atCounty(), 'sijui').state;
    const kept = words.flatMap((w) => {
      const r = type(asked, w);
      return r.state.draft?.place !== undefined || said(r).some((k) => k.includes('town_kept')) ? [[w, r.state.draft?.place, said(r)]] : [];
    });
    expect(kept).toEqual([]);
  });

  it('none of those words is a town, constituency or ward that a reporter could mean', () => {
    const data = JSON.parse(readFileSync(join(__dirname, '../../../data/kenya-electoral-units.json'), 'utf8')) as { counties: { constituencies: { name: string; wards: { name: string }[] }[] }[] };
    const names = new Set([...TOWNS.map((t) => t.name), ...data.counties.flatMap((c) => c.constituencies.flatMap((k) => [k.name, ...k.wards.map((w) => w.name)]))].map(normalise));
    expect(all.filter((w) => names.has(normalise(w)))).toEqual([]);
  });

  it('a name no list knows is still kept as the place ("Ndabibi", "Atlantis", "Kambi Moto"), unasked or after "sijui"', () => {
    const asked = type(atCounty(), 'sijui').state;
    for (const w of ['Ndabibi', 'ndabibi', 'Atlantis', 'Kambi Moto', 'Kiptangwanyi']) {
      const r = type(atCounty(), w);
      expect([w, said(r), r.state.draft?.place]).toEqual([w, ['county.unknown_kept'], w]);
      const t = type(asked, w);
      expect([w, said(t), t.state.draft?.place]).toEqual([w, ['county.town_kept'], w]);
    }
  });
});

describe('a sum of money typed where the county or the place is asked ("elfu mbili"): how much they asked, more of the story', () => {
  it.each(['elfu mbili', 'mia tano', 'thao mbili', '2k', '500 bob'])('"%s" at the county question: added to the story, the county asked again, no place kept', (typed) => {
    const r = type(atCounty(), typed);
    expect([said(r), r.state.draft?.step, r.state.draft?.place, r.state.draft?.text]).toEqual([['desc.added', 'county.ask'], 'county', undefined, `${STORY}\n${typed}`]);
  });

  it('at the place question too: added to the story, where in the county asked again; a place with a number in its name is still the place', () => {
    const atPlace: WizardState = { draft: { id: ID, step: 'place', kind: 'police', category: 'p_bribery', danger: false, text: STORY, county: 47 } };
    const r = type(atPlace, 'elfu mbili');
    expect([said(r), r.state.draft?.step, r.state.draft?.place, r.state.draft?.text]).toEqual([['place.story_added', 'place.ask'], 'place', undefined, `${STORY}\nelfu mbili`]);
    for (const place of ['Saba Saba', 'Kawangware 56', 'Githurai 45']) expect([place, type(atPlace, place).state.draft?.place]).toEqual([place, place]);
  });

  it('said again when the story holds it already ("walitaka elfu mbili", then "elfu mbili"): not kept twice, nor kept as the place', () => {
    const r = type(atCounty({ text: 'walitaka elfu mbili' }), 'elfu mbili');
    expect([said(r), r.state.draft?.place, r.state.draft?.text]).toEqual([['desc.already', 'county.ask'], undefined, 'walitaka elfu mbili']);
  });
});

describe('one word of a county\'s two-word name ("Tana", "Uasin", "Nithi"), as people shorten it: that county, never kept as the place', () => {
  it.each([
    ['Tana', 4],
    ['tana', 4],
    ['Uasin', 27],
    ['Gishu', 27],
    ['Nithi', 13],
  ] as const)('"%s": its county taken, and where in it asked', (typed, county) => {
    const r = type(atCounty(), typed);
    expect([said(r), r.state.draft?.step, r.state.draft?.county, r.state.draft?.place]).toEqual([['place.ask'], 'place', county, undefined]);
  });

  it('"homa" is fever, not Homa Bay: "mtoto ana homa kali" offers no county', () => {
    expect(type(atCounty(), 'mtoto ana homa kali').state.draft?.offered).toBeUndefined();
  });

  it('"Tana" typed after "Hola" offered Tana River: Tana River, and where in Hola asked; the place was "Tana", then "Tana, Hola"', () => {
    const hola = type(atCounty(), 'Hola');
    expect(hola.state.draft?.offered ?? hola.state.draft?.town).toBeDefined();
    const r = type(hola.state, 'Tana');
    expect([r.state.draft?.step, r.state.draft?.county, r.state.draft?.place, r.state.draft?.town?.name]).toEqual(['place', 4, undefined, 'Hola']);
  });
});

describe('a misspelt county, or a town, at the county question: offered or taken as its county, never kept as a place', () => {
  it.each([
    ['Nairob', 47],
    ['Nairobbi', 47],
    ['Mombassa', 1],
    ['Kisumo', 42],
    ['Nakur', 32],
    ['Kiambuu', 22],
    ['Machakoss', 16],
  ] as const)('"%s": its county offered', (typed, county) => {
    const r = type(atCounty(), typed);
    expect([said(r), r.state.draft?.offered, r.state.draft?.place]).toEqual([['county.suggest'], county, undefined]);
  });

  it.each([
    ['Eldoret', 27],
    ['Kakamega town', 37],
    ['Nyeri town', 19],
    ['Kericho town', 35],
  ] as const)('"%s": its county taken, and where in it asked', (typed, county) => {
    const r = type(atCounty(), typed);
    expect([r.state.draft?.step, r.state.draft?.county, r.state.draft?.place]).toEqual(['place', county, undefined]);
  });
});

describe('"ilikuwa ..." ("it was ...") at the county question, unasked', () => {
  it.each(['ilikuwa usiku', 'ilikua jioni', 'ilikuwa asubuhi', 'ilikuwa mchana', 'ilikuwa mbaya', 'ilikuwa ghafla'])('"%s" (a time, or how it was) is not kept as the place', (typed) => {
    const r = type(atCounty(), typed);
    expect([r.state.draft?.place, r.state.draft?.step]).toEqual([undefined, 'county']);
    expect(said(r)).not.toContain('county.unknown_kept');
  });

  it('"ilikuwa Ndabibi": the name after it is still kept, without the lead', () => {
    const r = type(atCounty(), 'ilikuwa Ndabibi');
    expect([said(r), r.state.draft?.place]).toEqual([['county.unknown_kept'], 'Ndabibi']);
  });
});

describe('a town led into at the county question ("hapa Githurai", "pale Githurai"): as the town alone', () => {
  const press = (state: WizardState, value: string): StepResult => step(state, { type: 'button', draftId: ID, step: state.draft?.step ?? 'county', value }, NOW);
  const KIAMBU = 22;
  const NAIROBI = 47;

  it.each(['hapa Githurai', 'pale Githurai', 'at Githurai', 'in Githurai', 'ni Githurai', 'ilikuwa Githurai', 'Hapa Githurai'])('"%s": both its counties offered, as for "Githurai"; either tapped, the same as after "Githurai"', (typed) => {
    const alone = type(atCounty(), 'Githurai');
    const led = type(atCounty(), typed);
    expect([said(led), led.state.draft?.town, led.state.draft?.place]).toEqual([['county.of_town_two'], { name: 'Githurai', counties: [NAIROBI, KIAMBU] }, undefined]);
    expect(led.replies).toEqual(alone.replies);
    for (const county of [KIAMBU, NAIROBI]) {
      const tapped = press(led.state, String(county));
      expect([typed, county, tapped.replies]).toEqual([typed, county, press(alone.state, String(county)).replies]);
      expect(tapped.state.draft).toEqual(press(alone.state, String(county)).state.draft);
    }
  });

  it('"hapa Roysambu", "pale Roysambu": its county offered, as for "Roysambu"', () => {
    const alone = type(atCounty(), 'Roysambu');
    for (const typed of ['hapa Roysambu', 'pale Roysambu']) {
      const led = type(atCounty(), typed);
      expect([typed, said(led), led.state.draft?.offered, led.state.draft?.town]).toEqual([typed, ['county.of_area'], NAIROBI, alone.state.draft?.town]);
    }
  });

  it('"hapa Ndabibi" leads into the place as "pale Ndabibi" does: "Ndabibi" kept for the county chosen next', () => {
    for (const typed of ['hapa Ndabibi', 'pale Ndabibi']) {
      const r = type(atCounty(), typed);
      expect([typed, said(r), r.state.draft?.place]).toEqual([typed, ['county.place_kept'], 'Ndabibi']);
    }
  });

  it('"hapo awali", "hapa sijui", "hapo sawa", "hapa Kenya", "hapa kwetu" ("earlier", "here, I don\'t know", "ok then"...) name no place: none kept, unasked or after "sijui"', () => {
    const asked = type(atCounty(), 'sijui').state;
    for (const typed of ['hapo awali', 'hapa sijui', 'hapo sawa', 'hapa Kenya', 'hapa kwetu', 'hapo zamani']) {
      for (const state of [atCounty(), asked]) {
        const r = type(state, typed);
        expect([typed, r.state.draft?.place, r.state.draft?.step]).toEqual([typed, undefined, 'county']);
      }
    }
  });

  it('"hapo stage", "hapa Ndabibi Primary": a place after "hapa"/"hapo" is still kept', () => {
    for (const [typed, place] of [['hapo stage', 'stage'], ['hapa Ndabibi Primary', 'Ndabibi Primary']]) {
      const r = type(atCounty(), typed);
      expect([typed, said(r), r.state.draft?.place]).toEqual([typed, ['county.place_kept'], place]);
    }
  });

  it('"hapa tu", "pale tu", "hapa hapa" name no place: none kept', () => {
    for (const typed of ['hapa tu', 'pale tu', 'hapa hapa', 'hapo tu', 'pale pale']) {
      const r = type(atCounty(), typed);
      expect([typed, r.state.draft?.place]).toEqual([typed, undefined]);
    }
  });
});

describe('a place of several words no list knows, at the county question ("Kambi ya Moto", "Soko Mjinga")', () => {
  const press = (state: WizardState, value: string): StepResult => step(state, { type: 'button', draftId: ID, step: state.draft?.step ?? 'county', value }, NOW);
  const NAMED_SPOTS = ['Kambi ya Moto', 'Soko Mjinga', 'Soko la Ndabibi', 'Stage ya Ndabibi', 'Shule ya Msingi Ndabibi', 'Ndabibi Primary School', 'Kanisa la Mungu'];

  it.each(NAMED_SPOTS)('"%s", unasked or after "sijui": kept as the place as "Ndabibi" is, never the story; the county tapped, the place is not asked', (typed) => {
    const asked = type(atCounty(), 'sijui').state;
    for (const [state, key] of [[atCounty(), 'county.unknown_kept'], [asked, 'county.town_kept']] as const) {
      const r = type(state, typed);
      expect([said(r), r.state.draft?.place, r.state.draft?.text]).toEqual([[key], typed, STORY]);
      expect(press(r.state, '32').state.draft).toMatchObject({ step: 'when', county: 32, place: typed });
    }
  });

  it.each([
    // Lower case: a name cannot be told from a story's words ("soko ya mama" may go on with what happened).
    'kambi ya moto',
    'soko la mama mboga',
    // An officer, the police, or what was done, with a name: the story.
    'Inspector Otieno wa Kasarani',
    'Polisi wa Moto',
    'Afande Kamau wa Kambi',
    'Walinipiga Soko Mjinga',
    'Chief Kamau',
    'Bwana Kamau',
    'Matatu ya Kamau',
    'Station Commander Otieno',
  ])('"%s": not kept as the place (the story goes on, or the county is asked again)', (typed) => {
    const r = type(atCounty(), typed);
    expect([typed, r.state.draft?.place, said(r).some((k) => k.includes('unknown_kept'))]).toEqual([typed, undefined, false]);
  });
});

describe('a reporter naming themselves at the county question ("naitwa Wafula", "Mohamed Ali")', () => {
  // Kept as the place, their name would reach the agents even in a report sent anonymously.
  it.each(['naitwa Wafula', 'Naitwa Wafula', 'ninaitwa Achieng', 'mimi naitwa Njeri', "I'm Njeri", 'Mohamed Ali', 'Fred Otieno', 'Alfred'])('"%s": never kept as the place, unasked or after "sijui"', (typed) => {
    const asked = type(atCounty(), 'sijui').state;
    for (const state of [atCounty(), asked]) {
      const r = type(state, typed);
      expect([typed, r.state.draft?.place, said(r).some((k) => k.includes('_kept'))]).toEqual([typed, undefined, false]);
    }
  });
});

describe('real places with a word refused alone ("Kenya Re", "soko mjinga", "All Saints")', () => {
  it.each(['Kenya Re', 'kenya re', 'soko mjinga', 'Soko mjinga', 'stage mjinga', 'All Saints', 'all Saints'])('"%s": kept as the place, unasked or after "sijui", as before the word lists grew', (typed) => {
    const asked = type(atCounty(), 'sijui').state;
    for (const [state, key] of [[atCounty(), 'county.unknown_kept'], [asked, 'county.town_kept']] as const) {
      const r = type(state, typed);
      expect([typed, said(r), r.state.draft?.place]).toEqual([typed, [key], typed]);
    }
  });

  it.each(['kenya', 'boda boda', 'kenya kenya', 'mjinga', 'mjinga sana', 'mjinga kabisa', 'wewe mjinga', 'stupid mjinga', 'boda', 'stupid idiot', 'fuck off', 'kenya police', 'Kenya Police', 'all', 'all saints', 'hello all', 'asanteni wote', 'all of them', 'all over', 'all day', 'all night', 'all police', 'all here'])  ('"%s": still not kept', (typed) => {
    const asked = type(atCounty(), 'sijui').state;
    for (const state of [atCounty(), asked]) {
      const r = type(state, typed);
      expect([typed, r.state.draft?.place]).toEqual([typed, undefined]);
    }
  });
});

describe('a person named at the county question ("Brian Otieno", "Pastor John", "Mama Njeri")', () => {
  // Kept as the place, a person's name (the reporter's own, maybe) reached the agents, on an anonymous report too.
  const PEOPLE = ['Peter', 'Brian Otieno', 'brian otieno', 'Grace Wanjiru', 'Otieno', 'Wanjiku', 'Achieng', 'Hassan Abdi', 'Kiprop'];
  const TITLED = ['Mama Njeri', 'Pastor John', 'Sheikh Ali', 'Mwalimu Kamau', 'Dr Wanjiku', 'Baba Kizito', 'Imam Odowa', 'Bishop Kiptoo', 'Reverend Nduta', 'Father Kizito', 'Teacher Ndegwa', 'Mrs Chebet', 'Madam Nduta', 'Pastor'];

  it.each([...PEOPLE, ...TITLED])('"%s": never kept as the place nor the story; the county asked again with its buttons, the name not repeated, unasked or after "sijui"', (typed) => {
    const asked = type(atCounty(), 'sijui').state;
    for (const state of [atCounty(), asked]) {
      const r = type(state, typed);
      expect([typed, said(r), r.state.draft?.place, r.state.draft?.text]).toEqual([typed, ['county.unknown'], undefined, STORY]);
      expect(JSON.stringify(r.replies)).not.toContain(typed);
      expect(r.replies[0]).toMatchObject({ keyboard: expect.anything() });
    }
  });

  it.each(['Victoria', 'Mama Lucy', 'Mama Ngina', 'Mama Ngina Drive', 'Kenyatta', 'Moi Avenue', 'Tom Mboya Street', 'Ronald Ngala Street', 'Mary Hill', 'Brian Otieno Primary'])('"%s" (a place with a person\'s name): still kept as the place', (typed) => {
    const r = type(atCounty(), typed);
    expect([said(r), r.state.draft?.place]).toEqual([['county.unknown_kept'], typed]);
  });

  it.each([['Karen', 'county.of_area'], ['Baba Dogo', 'county.of_area'], ['Kasarani', 'place.ask_town']])('"%s": a known place, as before', (typed, key) => {
    expect(said(type(atCounty(), typed))).toEqual([key]);
  });
});

describe('places with a word refused in another sense ("Sio Port", "Kwanza", "Jubilee Market")', () => {
  it.each(['Sio Port', 'Jubilee Market', 'Giza Stage'])('"%s": still kept as the place', (typed) => {
    const r = type(atCounty(), typed);
    expect([said(r), r.state.draft?.place]).toEqual([['county.unknown_kept'], typed]);
  });

  it('"Kwanza" (a constituency of Trans Nzoia): its county offered, as before', () => {
    expect(said(type(atCounty(), 'Kwanza'))).toEqual(['county.of_area']);
  });
});
