/**
 * The optional details for the agency (issue 15): offered on the review (so skipping them costs no
 * tap), each question skippable with one tap or a typed skip word, the rest of the group with
 * "Skip all of these"; back to the review after the group; stored on the report.
 */
import { migrateSession, SESSION_VERSION, type Draft, type Step } from '../../../src/bot/session';
import { toReport } from '../../../src/bot/wizard/flow';
import { step } from '../../../src/bot/wizard/step';
import { reviewText } from '../../../src/bot/wizard/render';
import type { Reply, StepResult, WizardState } from '../../../src/bot/wizard/types';

const NOW = new Date('2026-11-28T09:30:00Z');
const ID = 'dRaFt0000001';
const BASE: Draft = {
  id: ID, step: 'when', kind: 'police', category: 'p_bribery', danger: false, text: 'They took money at the roadblock.',
  county: 32, place: 'Naivasha road junction',
};
const at = (s: Step, extra: Partial<Draft> = {}): WizardState => ({ draft: { ...BASE, step: s, when: 'today', incidentAt: NOW.getTime(), ...extra } });
const press = (state: WizardState, value: string): StepResult => step(state, { type: 'button', draftId: ID, step: state.draft?.step ?? 'kind', value }, NOW);
const type = (state: WizardState, text: string): StepResult => step(state, { type: 'text', text }, NOW);
const said = (r: StepResult) => r.replies.filter((x): x is Extract<Reply, { type: 'message' }> => x.type === 'message').map((x) => x.texts.map((t) => t.key).join('+'));
const lastKeyboard = (r: StepResult) => [...r.replies].reverse().find((x) => x.type === 'message' && x.keyboard)?.['keyboard' as never];

/** Feeds inputs one after the other, as the reporter would. */
function walk(state: WizardState, ...inputs: ((s: WizardState) => StepResult)[]): StepResult {
  let r: StepResult = { state, replies: [], effects: [] };
  for (const input of inputs) r = input(r.state);
  return r;
}

describe('the optional details', () => {
  it('an account too long for a detail question is added to the story, not refused and lost; the question is asked again', () => {
    const account = 'There were three of them. The tall one with a scar on his cheek held my brother while the other two searched the car and took the money from the glove box. '.repeat(2).trim();
    expect(account.length).toBeGreaterThan(300);
    const r = type(at('ofc', { editing: true }), account);
    expect(r.state.draft).toMatchObject({ step: 'ofc', text: `${BASE.text}\n${account}` });
    expect(said(r)[0]).toContain('desc.added');
    // A long answer that is not an account (no words to read) is still refused as too long.
    expect(said(type(at('ofc', { editing: true }), 'x'.repeat(301)))[0]).toContain('details.too_long');
  });

  it('after "when" the review comes at once: the details are not asked on the way', () => {
    const r = press({ draft: { ...BASE } }, 'today');
    expect(r.state.draft?.step).toBe('review');
    expect(r.replies.map((x) => x.type)).toEqual(['answer', 'review']);
  });

  it('the review\'s details button opens the group at whom it happened to, with Skip and "Skip all of these"', () => {
    const r = press(at('review'), 'e_role');
    expect(r.state.draft).toMatchObject({ step: 'role', editing: true });
    expect(said(r)).toEqual(['details.intro+details.role.ask']);
    expect(lastKeyboard(r)).toMatchObject({ type: 'detail', step: 'role', first: true, choices: [{ value: 'victim' }, { value: 'witness' }, { value: 'on_behalf' }] });
  });

  it('a story that says it is told for someone else ("I am reporting for my neighbour") is not ignored: the question says so, and "yes" is that answer', () => {
    for (const text of ['I am reporting for my neighbour. Police beat him at the market.', 'Naripoti kwa niaba ya jirani yangu, polisi walimpiga sokoni.', 'On behalf of my brother: they arrested him at the stage.']) {
      const r = press(at('review', { text }), 'e_role');
      expect([text, said(r)]).toEqual([text, ['details.intro+details.role.ask_told']]);
      const yes = type(r.state, text.startsWith('Naripoti') ? 'ndio' : 'yes');
      expect([text, yes.state.draft?.role, yes.state.draft?.step]).toEqual([text, 'on_behalf', 'vic']);
    }
    // A story about the reporter: the question as it was, and "yes" no answer to it.
    const own = press(at('review'), 'e_role');
    expect(said(type(own.state, 'yes'))).toEqual(['details.use_buttons', 'details.intro+details.role.ask']);
  });

  it('"Skip all of these" and Back return to the review (one tap for the whole group)', () => {
    const opened = press(at('review'), 'e_role').state;
    for (const value of ['ska', 'back']) {
      const r = press(opened, value);
      expect(r.state.draft?.step).toBe('review');
      expect(r.replies.map((x) => x.type)).toEqual(['answer', 'review']);
      expect(toReport(r.state.draft as Draft)).not.toHaveProperty('officers');
    }
  });

  it('opened from the review, the whole group is asked (answered or skipped one by one) and leads back to the review', () => {
    const r = walk(
      at('review'),
      (s) => press(s, 'e_role'),
      (s) => press(s, 'victim'),
      (s) => press(s, 'sk'),
      (s) => press(s, 'gsu'),
      (s) => press(s, 'sk'),
      (s) => type(s, 'ruka'),
      (s) => type(s, 'KDA 123A'),
    );
    expect(r.state.draft).toMatchObject({ step: 'review', role: 'victim', officers: { unit: 'gsu', vehiclePlates: ['KDA 123A'] } });
    expect(r.state.draft?.editing).toBeUndefined();
    expect(r.replies.map((x) => x.type)).toEqual(['review']);
  });

  it('police: role, names and numbers, unit, what they wore, station and plate are stored normalised on the report', () => {
    const r = walk(
      at('role'),
      (s) => press(s, 'witness'),
      (s) => type(s, 'Cpl Otieno, service no. 84512'),
      (s) => press(s, 'gsu'),
      (s) => press(s, 'plain'),
      (s) => type(s, 'Naivasha Police Station'),
      (s) => type(s, 'kda123a'),
    );
    expect(r.state.draft?.step).toBe('review');
    const report = toReport(r.state.draft as Draft);
    expect(report).toMatchObject({
      reporterRole: 'witness',
      officers: { names: 'Cpl Otieno', serviceNumbers: ['84512'], unit: 'gsu', attire: 'plain', station: 'Naivasha Police Station', vehiclePlates: ['KDA 123A'] },
    });
  });

  it('what they wore: after the unit, six choices, or typed in their own words (a new answer replaces the old); Skip moves on', () => {
    const asked = press(at('unit'), 'kps');
    expect(said(asked)).toEqual(['details.wear.ask']);
    expect(lastKeyboard(asked)).toMatchObject({ type: 'detail', step: 'wear', choices: ['kps', 'ap', 'gsu', 'traffic', 'uniform', 'plain'].map((value) => ({ value, key: `details.wear.${value}` })) });
    expect(press(asked.state, 'traffic').state.draft).toMatchObject({ step: 'stn', officers: { unit: 'kps', attire: 'traffic' } });
    const typed = type(at('wear', { officers: { attire: 'ap' } }), 'Blue uniform, reflective jacket');
    expect(typed.state.draft).toMatchObject({ step: 'stn', officers: { uniform: 'Blue uniform, reflective jacket' } });
    expect(typed.state.draft?.officers).not.toHaveProperty('attire');
    expect(type(at('wear'), 'ruka').state.draft).toMatchObject({ step: 'stn' });
    expect(press(at('wear'), 'sk').state.draft?.officers).toBeUndefined();
    expect(press(at('wear'), 'nylon').state.draft?.officers).toBeUndefined();
    // Back from the station comes to this question.
    expect(press(at('stn'), 'back').state.draft?.step).toBe('wear');
  });

  it('what is not a plate is kept as the vehicle description, beside any plate; a government plate typed loosely is taken', () => {
    expect(type(at('plate'), 'a white probox').state.draft).toMatchObject({ step: 'review', officers: { vehicleDescription: 'white probox' } });
    expect(type(at('plate'), 'KDA 12').state.draft?.officers).toEqual({ vehicleDescription: 'KDA 12' });
    const mixed = type(at('plate'), 'white Probox KDA 123A');
    expect(said(mixed)).toEqual([]);
    expect(mixed.state.draft?.officers).toEqual({ vehiclePlates: ['KDA 123A'], vehicleDescription: 'white Probox' });
    expect(toReport(mixed.state.draft as Draft)).toMatchObject({ officers: { vehiclePlates: ['KDA 123A'], vehicleDescription: 'white Probox' } });
    expect(type(at('plate'), 'gk-456b').state.draft?.officers).toEqual({ vehiclePlates: ['GK 456B'] });
    // A new answer replaces the old one; "sijui" stores nothing.
    expect(type(at('plate', { officers: { vehiclePlates: ['KDA 123A'], vehicleDescription: 'white Probox' } }), 'sijui').state.draft).toMatchObject({ step: 'review', officers: {} });
  });

  it('a name and a number in one part: names (with rank), rank and service number each land in their field', () => {
    expect(type(at('ofc'), 'Cpl Otieno 12345').state.draft?.officers).toEqual({ answer: 'Cpl Otieno 12345', names: 'Cpl Otieno', rank: 'Cpl', serviceNumbers: ['12345'] });
    expect(type(at('ofc'), 'Koplo Otieno namba 12345, Sajini Wanjiru 67890').state.draft?.officers).toEqual({
      answer: 'Koplo Otieno namba 12345, Sajini Wanjiru 67890', names: 'Koplo Otieno, Sajini Wanjiru', rank: 'Koplo, Sajini', serviceNumbers: ['12345', '67890'],
    });
    // A new answer replaces the answer, names, numbers and ranks given before.
    expect(type(at('ofc', { officers: { answer: 'Cpl Otieno 12345', names: 'Cpl Otieno', rank: 'Cpl', serviceNumbers: ['12345'], unit: 'gsu' } }), 'Wanjiru').state.draft?.officers).toEqual({ answer: 'Wanjiru', names: 'Wanjiru', unit: 'gsu' });
  });

  it('words that introduce a service number are not stored as part of it, in Swahili or English', () => {
    expect(type(at('ofc'), 'Nambari ya huduma 12345').state.draft?.officers).toEqual({ answer: 'Nambari ya huduma 12345', serviceNumbers: ['12345'] });
    expect(type(at('ofc'), 'namba yake ni 12345').state.draft?.officers).toEqual({ answer: 'namba yake ni 12345', serviceNumbers: ['12345'] });
    expect(type(at('ofc'), 'Otieno, his service number is 12345').state.draft?.officers).toEqual({ answer: 'Otieno, his service number is 12345', names: 'Otieno', serviceNumbers: ['12345'] });
  });

  it('"polisi" or "police" typed as the unit is recorded as other / not sure, not as the regular police', () => {
    expect(type(at('unit'), 'polisi').state.draft).toMatchObject({ step: 'wear', officers: { unit: 'other' } });
    expect(type(at('unit'), 'Police').state.draft?.officers).toEqual({ unit: 'other' });
    expect(type(at('unit'), 'polisi wa kawaida').state.draft?.officers).toEqual({ unit: 'kps' });
  });

  it('a wish to send or finish, or the answer withheld, at a detail skips it: never kept as the officers, the station or the victim (they were, and sent on so)', () => {
    for (const [s, next] of [['ofc', 'unit'], ['stn', 'plate'], ['vic', 'ofc']] as const) {
      for (const words of ['tuma', 'send', 'ni hayo tu', 'nimemaliza', "that's all", 'sitaki kusema', 'sijui kituo chao', "I don't know which station"]) {
        const r = type(at(s), words);
        expect([s, words, r.state.draft?.step, r.state.draft?.officers, r.state.draft?.victim]).toEqual([s, words, next, undefined, undefined]);
      }
    }
    // An answer is kept as ever.
    expect(type(at('stn'), 'Kayole police station').state.draft?.officers?.station).toBe('Kayole police station');
  });

  it('typed skip words skip one question, in English and Swahili; the unit can be typed too', () => {
    expect(type(at('ofc'), 'ruka').state.draft?.step).toBe('unit');
    expect(type(at('ofc'), 'Skip').state.draft?.step).toBe('unit');
    // "I don't know" however it is said is no answer: never kept as the officers' names.
    for (const words of ['sijui majina yao', 'sikuona', 'No idea', 'hapana sijui', 'sijui bana', "I didn't see their names"]) {
      const r = type(at('ofc'), words);
      expect([words, r.state.draft?.step, r.state.draft?.officers]).toEqual([words, 'unit', undefined]);
    }
    expect(type(at('stn'), 'sikumbuki').state.draft?.officers?.station).toBeUndefined();
    for (const words of ['hata sijui', 'cjui', 'siwajui', 'sina idea', 'I have no idea who they were']) expect([words, type(at('ofc'), words).state.draft?.officers]).toEqual([words, undefined]);
    // Names after the words are names: "sijui" alone does not swallow an answer.
    expect(type(at('ofc'), 'Otieno, sijui wengine').state.draft?.officers).toMatchObject({ names: 'Otieno, sijui wengine' });
    expect(type(at('ofc'), 'sijui jina lake alikuwa OCS').state.draft?.officers).toBeDefined();
    expect(type(at('stn'), 'not sure, near the market').state.draft?.officers?.station).toBe('not sure, near the market');
    expect(type(at('unit'), 'polisi wa trafiki').state.draft?.officers).toEqual({ unit: 'traffic' });
    expect(type(at('role'), 'Mimi mwenyewe').state.draft).toMatchObject({ step: 'ofc', role: 'victim' });
    expect(type(at('role'), 'shahidi').state.draft?.role).toBe('witness');
    expect(said(type(at('role'), 'the driver'))).toEqual(['details.use_buttons', 'details.intro+details.role.ask']);
    expect(said(type(at('unit'), 'blue ones'))).toEqual(['details.use_buttons', 'details.unit.ask']);
  });

  it('reporting for someone else: who it happened to is asked next (IPOA needs the victim), shown at review, sent with the report', () => {
    const forThem = press(at('role'), 'on_behalf');
    expect(forThem.state.draft).toMatchObject({ step: 'vic', role: 'on_behalf' });
    expect(said(forThem)).toEqual(['details.vic.ask']);
    const told = type(forThem.state, 'My brother Otieno, 19, his phone is with me');
    expect(told.state.draft).toMatchObject({ step: 'ofc', victim: 'My brother Otieno, 19, his phone is with me' });
    expect(toReport(told.state.draft!)).toMatchObject({ reporterRole: 'on_behalf', victim: 'My brother Otieno, 19, his phone is with me' });
    // Skipped, or the reporter's own case: not asked, and nothing sent.
    expect(type(forThem.state, 'ruka').state.draft).toMatchObject({ step: 'ofc' });
    expect(press(at('role'), 'witness').state.draft?.step).toBe('ofc');
    expect(toReport({ ...told.state.draft!, role: 'witness' })).not.toHaveProperty('victim');
    // Election reports go on to who did it.
    expect(type(press(at('role', { kind: 'election', category: 'e_violence' }), 'on_behalf').state, 'Mama Wanjiku').state.draft?.step).toBe('by');
    const review = walk(told.state, (st) => press(st, 'ska'));
    expect(JSON.stringify(review.replies)).toContain('My brother Otieno, 19');
  });

  it('election: polling station, then constituency and ward matched within the county, with did-you-mean', () => {
    const e = (s: Step, extra: Partial<Draft> = {}) => at(s, { kind: 'election', category: 'e_violence', county: 47, ...extra });
    expect(press(e('role'), 'victim').state.draft?.step).toBe('by');
    expect(press(e('by'), 'agents').state.draft?.step).toBe('pstn');
    const station = type(e('pstn'), 'Moi Primary School 047280139801');
    expect(station.state.draft).toMatchObject({ step: 'const', pollingStation: { name: 'Moi Primary School', code: '047280139801' } });
    const typo = type(station.state, 'Westland');
    expect(said(typo)).toEqual(['details.suggest']);
    expect(lastKeyboard(typo)).toMatchObject({ choices: [{ value: '274', label: 'Westlands' }] });
    const chosen = press(typo.state, '274');
    expect(chosen.state.draft).toMatchObject({ step: 'ward', constituency: 274 });
    const ward = type(chosen.state, 'Parklands');
    expect(ward.state.draft).toMatchObject({ step: 'review', ward: 1367 });
    expect(toReport(ward.state.draft as Draft)).toMatchObject({
      pollingStation: { name: 'Moi Primary School', code: '047280139801' },
      constituency: { code: 274, name: 'Westlands' },
      ward: { code: 1367, name: 'Parklands/Highridge' },
    });
  });

  it('election: who did it, tapped or in the reporter\'s words; for hate speech where it was said or shared; shown at review, sent with the report', () => {
    const e = (s: Step, extra: Partial<Draft> = {}) => at(s, { kind: 'election', category: 'e_bribery', county: 47, ...extra });
    const asked = press(e('role'), 'witness');
    expect(said(asked)).toEqual(['details.by.ask']);
    expect(lastKeyboard(asked)).toMatchObject({ type: 'detail', step: 'by', choices: ['candidate', 'agents', 'officials', 'police', 'officers', 'other'].map((value) => ({ value })) });
    // Typed: kept as written, in place of a kind tapped before; not hate speech, so on to the polling station.
    const typed = type({ draft: { ...asked.state.draft!, perpetrator: { kind: 'candidate' } } }, "The aspirant's youths in a white van");
    expect(typed.state.draft).toMatchObject({ step: 'pstn', perpetrator: { words: "The aspirant's youths in a white van" } });
    expect(typed.state.draft?.perpetrator?.kind).toBeUndefined();

    const hate = (s: Step) => e(s, { category: 'e_hate' });
    const how = press(hate('by'), 'candidate');
    expect(how.state.draft).toMatchObject({ step: 'how', perpetrator: { kind: 'candidate' } });
    expect(lastKeyboard(how)).toMatchObject({ step: 'how', choices: ['rally', 'radio_tv', 'online', 'print', 'sms', 'other'].map((value) => ({ value })) });
    // A channel typed by its name is that choice ("facebook": online); words that name none ask again.
    expect(type(how.state, 'facebook').state.draft?.channel).toBe('online');
    expect(said(type(how.state, 'kila mahali'))).toEqual(['details.use_buttons', 'details.how.ask']);
    const done = walk(how.state, (s) => press(s, 'online'), (s) => press(s, 'ska'));
    expect(done.state.draft?.step).toBe('review');
    expect(done.replies.map((x) => x.type)).toEqual(['answer', 'review']);
    expect(toReport(done.state.draft as Draft)).toMatchObject({ perpetrator: { kind: 'candidate' }, hateChannel: 'online' });
    // Where it was said belongs to hate speech only; a police report carries neither.
    expect(toReport({ ...(done.state.draft as Draft), category: 'e_bribery' })).not.toHaveProperty('hateChannel');
    expect(toReport({ ...(done.state.draft as Draft), kind: 'police', category: 'p_bribery' })).not.toHaveProperty('perpetrator');
    // A tampered value is refused.
    expect(press(hate('by'), 'president').state.draft?.perpetrator).toBeUndefined();
  });

  it('a bare "yes" to "do you know…?" or "did you see…?" is not the answer: the same question, asked to type it', () => {
    for (const word of ['Yes', 'ndiyo', 'Ndio']) {
      for (const s of ['ofc', 'plate', 'stn', 'vic'] as const) {
        const r = type(at(s), word);
        expect(r.state.draft?.step).toBe(s);
        expect(said(r)).toEqual(['details.type_it', `details.${s}.ask`]);
        expect(r.state.draft?.officers).toBeUndefined();
        expect(r.state.draft?.victim).toBeUndefined();
      }
    }
    // Where the answer is a tap, "yes" is told to use the buttons, as any other text.
    expect(said(type(at('role'), 'yes'))).toEqual(['details.use_buttons', 'details.intro+details.role.ask']);
    expect(said(type(at('unit'), 'sawa'))).toEqual(['details.use_buttons', 'details.unit.ask']);
    // A shared location or a sticker there is told the same: there is nothing to type at a tap's question.
    expect(said(step(at('unit'), { type: 'location', lat: -1.22, lon: 36.89 }, NOW))).toEqual(['details.use_buttons', 'details.unit.ask']);
    expect(said(step(at('role'), { type: 'other' }, NOW))).toEqual(['details.use_buttons', 'details.intro+details.role.ask']);
    expect(said(step(at('ofc'), { type: 'other' }, NOW))).toEqual(['details.unexpected', 'details.ofc.ask']);
    // Then the names typed are the answer.
    const named = walk(at('ofc'), (st) => type(st, 'yes'), (st) => type(st, 'Cpl Otieno 12345'));
    expect(named.state.draft?.officers).toMatchObject({ names: 'Cpl Otieno', serviceNumbers: ['12345'] });
    expect(named.state.draft?.step).toBe('unit');
  });

  it('hate speech spread on air, online or by text is asked no polling station (it was, after "online"); at a rally, in leaflets or posters, or "other" it is; Back retraces', () => {
    const e = (s: Step, extra: Partial<Draft> = {}) => at(s, { kind: 'election', category: 'e_hate', county: 42, ...extra });
    for (const channel of ['online', 'radio_tv', 'sms']) {
      const r = press(e('how', { editing: true }), channel);
      expect([channel, r.state.draft?.step, said(r).at(-1)]).toEqual([channel, 'const', 'details.const.ask']);
      expect(press(e('const', { editing: true, channel: channel as Draft['channel'] }), 'back').state.draft?.step).toBe('how');
    }
    expect(type(e('how', { editing: true }), 'kwa WhatsApp group').state.draft).toMatchObject({ step: 'const', channel: 'online' });
    for (const channel of ['rally', 'print', 'other']) expect([channel, press(e('how', { editing: true }), channel).state.draft?.step]).toEqual([channel, 'pstn']);
    expect(press(e('const', { editing: true, channel: 'rally' }), 'back').state.draft?.step).toBe('pstn');
  });

  it('at the new election questions: a skip word skips, a choice typed is that choice, a photo is kept; Back retraces the questions asked', () => {
    const e = (s: Step, extra: Partial<Draft> = {}) => at(s, { kind: 'election', category: 'e_hate', county: 47, ...extra });
    for (const word of ['ruka', 'skip', 'hapana']) {
      expect(type(e('by'), word).state.draft).toMatchObject({ step: 'how' });
      expect(type(e('by'), word).state.draft?.perpetrator).toBeUndefined();
      expect(type(e('how'), word).state.draft).toMatchObject({ step: 'pstn' });
    }
    // "I don't know" is no answer: the question is skipped, nothing is stored for the agency.
    for (const word of ['Sijui', "I don't know", 'sikumbuki']) {
      const r = type(at('ofc'), word);
      expect(r.state.draft).toMatchObject({ step: 'unit' });
      expect(r.state.draft?.officers?.names).toBeUndefined();
    }
    expect(type(e('by'), 'Polisi').state.draft?.perpetrator).toEqual({ kind: 'police' });
    expect(type(e('by'), 'mgombea').state.draft?.perpetrator).toEqual({ kind: 'candidate' });
    // "Skip" at what they wore skips too (it was kept as the words "skip").
    expect(type(at('wear'), 'ruka').state.draft).toMatchObject({ step: 'stn' });
    expect(type(at('wear'), 'ruka').state.draft?.officers?.uniform).toBeUndefined();
    const photo = { kind: 'photo' as const, fileId: 'AgACAgQAAxkBAAI1', fileUniqueId: 'AQAD1', size: 120_000 };
    for (const s of ['by', 'how'] as const) {
      const r = step(e(s), { type: 'media', media: photo }, NOW);
      expect(r.state.draft).toMatchObject({ step: s, evidence: [photo] });
    }
    // Back: from the polling station to where it was said (hate speech), else to who did it; from
    // who did it (or the officers) to whom it happened to, when reporting for someone else.
    expect(press(e('pstn'), 'back').state.draft?.step).toBe('how');
    expect(press(e('pstn', { category: 'e_bribery' }), 'back').state.draft?.step).toBe('by');
    expect(press(e('by', { role: 'on_behalf', victim: 'Mama Wanjiku' }), 'back').state.draft?.step).toBe('vic');
    expect(press(at('ofc', { role: 'on_behalf', victim: 'Mama Wanjiku' }), 'back').state.draft?.step).toBe('vic');
    expect(press(e('by', { role: 'witness' }), 'back').state.draft?.step).toBe('role');
    // The group is always opened from the review (an edit): Back still retraces it, and only its
    // first question goes back to the review.
    expect(press(at('unit', { editing: true }), 'back').state.draft?.step).toBe('ofc');
    expect(press(e('pstn', { editing: true }), 'back').state.draft?.step).toBe('how');
    expect(press(at('role', { editing: true }), 'back').state.draft?.step).toBe('review');
  });

  it('a constituency of another county is neither found nor accepted from a tampered button', () => {
    const e = at('const', { kind: 'election', category: 'e_violence', county: 47 });
    expect(said(type(e, 'Molo'))).toEqual(['details.const.unknown']);
    expect(press(e, '166').replies).toEqual([{ type: 'answer', text: { key: 'wizard.stale' } }, ...press(e, '166').replies.slice(1)]);
    expect(press(e, '166').state.draft?.constituency).toBeUndefined();
  });
});

it('changing the county drops the constituency and ward given for the old one', () => {
  const r = press(at('county', { kind: 'election', category: 'e_violence', county: 47, constituency: 274, ward: 1367, editing: true }), '42');
  expect(r.state.draft?.constituency).toBeUndefined();
  expect(r.state.draft?.ward).toBeUndefined();
});

describe('sessions of version 2 (before the details)', () => {
  it('a draft at the review reads unchanged and can be sent', () => {
    const v2 = { v: 2, lang: 'sw', draft: { ...BASE, step: 'review', when: 'today', incidentAt: NOW.getTime(), evidence: [] } };
    const s = migrateSession(JSON.parse(JSON.stringify(v2)));
    expect(s).toEqual({ ...v2, v: SESSION_VERSION });
    const r = press({ draft: s?.draft }, 'sa');
    expect(r.effects).toMatchObject([{ type: 'submit', report: { category: 'p_bribery', anonymous: true } }]);
  });

  it('a draft at "when" goes on to the review', () => {
    const s = migrateSession({ v: 2, draft: { ...BASE } });
    expect(press({ draft: s?.draft }, 'today').state.draft?.step).toBe('review');
  });
});

describe('sessions of version 3 saved in the middle of the group (when it followed "when")', () => {
  it('carry on with the next question and end at the review', () => {
    const v3 = { v: 3, lang: 'en', draft: { ...BASE, step: 'unit', when: 'today', incidentAt: NOW.getTime(), role: 'witness' } };
    const s = migrateSession(JSON.parse(JSON.stringify(v3)));
    expect(s).toEqual({ ...v3, v: SESSION_VERSION });
    const r = walk(
      { draft: s?.draft },
      (st) => press(st, 'traffic'),
      (st) => press(st, 'sk'),
      (st) => type(st, 'Gilgil Police Station'),
      (st) => press(st, 'sk'),
    );
    expect(r.state.draft).toMatchObject({ step: 'review', role: 'witness', officers: { unit: 'traffic', station: 'Gilgil Police Station' } });
  });

  it('"Skip all of these" at the first one goes to the review', () => {
    const s = migrateSession({ v: 3, draft: { ...BASE, step: 'role', when: 'today', incidentAt: NOW.getTime() } });
    expect(press({ draft: s?.draft }, 'ska').state.draft?.step).toBe('review');
  });
});

describe('a polling station or ward typed at the review of an election report', () => {
  const election = (extra: Partial<Draft> = {}) => at('review', { kind: 'election', category: 'e_bribery', county: 47, place: 'Kasarani', ...extra });

  it('goes to its own field, is said so and shown at the review; the story stays as it was', () => {
    for (const [words, station] of [
      ['polling station ni Kasarani Primary School', 'Kasarani Primary School'],
      ['kituo cha kupigia kura ni Moi Avenue Primary', 'Moi Avenue Primary'],
      ['the polling station was Kasarani Primary School', 'Kasarani Primary School'],
      ['Kasarani Primary School polling station', 'Kasarani Primary School'],
      ['polling station: shule ya msingi Mwiki', 'shule ya msingi Mwiki'],
    ]) {
      const r = type(election(), words);
      expect([words, said(r), r.state.draft?.pollingStation, r.state.draft?.text, r.state.draft?.step]).toEqual([words, ['review.pstn_kept'], { name: station }, BASE.text, 'review']);
      expect(r.replies.at(-1)).toMatchObject({ type: 'review', draft: { pollingStation: { name: station } } });
      expect(reviewText((key: string) => key, r.state.draft!)).toContain(`<b>review.pstation</b> ${station}`);
    }
    for (const [words, ward] of [['ward ni Kahawa West', 'Kahawa West'], ['wadi ya Roysambu', 'Roysambu'], ['Kahawa West ward', 'Kahawa West'], ['the ward was Kawangware', 'Kawangware']]) {
      const r = type(election(), words);
      const code = r.state.draft?.ward;
      expect([words, said(r), code !== undefined, r.state.draft?.text]).toEqual([words, ['review.ward_kept'], true, BASE.text]);
      expect(reviewText((key: string) => key, r.state.draft!)).toContain(`<b>review.ward</b> ${ward}`);
      expect(toReport(r.state.draft!)?.ward).toMatchObject({ name: ward });
    }
  });

  it('a ward misspelt ("wadi ya Roysambo") goes to its field under its right name, said back so; the story stays as it was', () => {
    for (const [words, ward] of [['wadi ya Roysambo', 'Roysambu'], ['ward ni Kahawa Wset', 'Kahawa West'], ['Kawangwre ward', 'Kawangware']]) {
      const r = type(election(), words);
      expect([words, said(r), r.state.draft?.text]).toEqual([words, ['review.ward_kept'], BASE.text]);
      expect(r.replies[0]).toMatchObject({ texts: [{ params: { ward } }] });
      expect(toReport(r.state.draft!)?.ward).toMatchObject({ name: ward });
    }
  });

  it('a story that speaks of the polling station, a ward not in the county, or a police report: the story, as before', () => {
    for (const words of ['the polling station was stormed by goons', 'polling station officials were bribing voters', 'wadi ya Kilimani ilikuwa na fujo sana jana', 'ward ni Nyalenda A']) {
      const r = type(election(), words);
      expect([words, r.state.draft?.pollingStation, r.state.draft?.ward, r.state.draft?.text]).toEqual([words, undefined, undefined, `${BASE.text}\n${words}`]);
    }
    // What was done there, told with the station's name: the story, never the station's name with the act lost from the story.
    for (const words of ['Goons stormed Kasarani Primary School polling station', 'Wahuni walivamia Kasarani Primary polling station', 'walivamia kasarani primary school polling station', 'polling station ni Kasarani Primary, goons came']) {
      const r = type(election(), words);
      expect([words, r.state.draft?.pollingStation, r.state.draft?.text]).toEqual([words, undefined, `${BASE.text}\n${words}`]);
    }
    const police = type(at('review'), 'polling station ni Kasarani Primary School');
    expect([police.state.draft?.pollingStation, police.state.draft?.text]).toEqual([undefined, `${BASE.text}\npolling station ni Kasarani Primary School`]);
  });
});

describe('a number plate typed at an officer question before the vehicle one', () => {
  it.each([
    ['wear', 'KDA 123A'],
    ['wear', 'gari ilikuwa kdg 234h'],
    ['stn', 'plate number KCB 456T'],
    ['ofc', 'GK 123A'],
    ['unit', 'KBZ 456Y'],
  ] as const)('at "%s", "%s" is the vehicle plate, said so, and the question asked again (it was the uniform, the station, the names or "use the buttons")', (at_, words) => {
    const r = type(at(at_), words);
    expect([said(r), r.state.draft?.step]).toEqual([['details.plate_noted', `details.${at_}.ask`], at_]);
    expect(r.state.draft?.officers?.vehiclePlates).toHaveLength(1);
    expect(r.state.draft?.officers).not.toHaveProperty('uniform');
    expect(r.state.draft?.officers).not.toHaveProperty('station');
    expect(r.state.draft?.officers).not.toHaveProperty('names');
  });

  it('a second plate adds to the first; the plate question still takes more', () => {
    const first = type(at('wear'), 'KDA 123A').state;
    const r = type(first, 'KCB 456T');
    expect(r.state.draft?.officers?.vehiclePlates).toEqual(['KDA 123A', 'KCB 456T']);
  });

  it('what they wore, with a plate after it, is what they wore (kept as typed, as before)', () => {
    const r = type(at('wear'), 'walikuwa na uniform ya blue, gari KDA 123A');
    expect([r.state.draft?.step, r.state.draft?.officers?.uniform]).toEqual(['stn', 'walikuwa na uniform ya blue, gari KDA 123A']);
  });
});

describe('"I forgot", "they didn\'t say", "they had no car" at the officer and vehicle questions', () => {
  it.each([
    ['ofc', 'nimesahau'],
    ['ofc', 'I forgot'],
    ['ofc', 'sikuweza kuona'],
    ['stn', 'hawakusema'],
    ['stn', "they didn't say"],
    ['plate', 'hawakuwa na gari'],
    ['plate', 'they had no car'],
  ] as const)('at "%s", "%s" is no answer: nothing kept for the agency to read as a name, a station or a vehicle', (at_, words) => {
    const r = type(at(at_), words);
    expect([words, r.state.draft?.officers ?? {}]).toEqual([words, {}]);
    expect(r.state.draft?.step).not.toBe(at_);
  });

  it('"they had a car" describes one: kept, as before', () => {
    expect(type(at('plate'), 'they had a car').state.draft?.officers).toEqual({ vehicleDescription: 'they had a car' });
  });

  it('"ndio, KDA 456B" at the vehicle question: the plate, and no "ndio" kept as what the vehicle looked like', () => {
    expect(type(at('plate'), 'ndio, KDA 456B').state.draft?.officers).toEqual({ vehiclePlates: ['KDA 456B'] });
  });
});

describe('whom it happened to, typed in a sentence', () => {
  it.each([
    ['mimi ndio nilishikwa', 'victim'],
    ['it happened to me', 'victim'],
    ['I was the victim', 'victim'],
    ['I was a witness', 'witness'],
    ['nilikuwa shahidi', 'witness'],
    ['mtoto wangu', 'on_behalf'],
    ['ninamripotia ndugu yangu', 'on_behalf'],
    ['my brother', 'on_behalf'],
    // As a probe typed them (each was "use the buttons", with the whole intro again).
    ['kijana wangu', 'on_behalf'],
    ['ni jirani', 'on_behalf'],
    ['mamangu', 'on_behalf'],
    ['mimi ndiye', 'victim'],
    ['ni mimi mwenyewe', 'victim'],
    ['ilinitokea mimi', 'victim'],
    ['mimi ndio nilikuwa nimeshikwa', 'victim'],
    ['it was me', 'victim'],
    ['niliona tu', 'witness'],
    ['mimi nilikuwa shahidi tu', 'witness'],
    ['I saw it myself', 'witness'],
  ] as const)('"%s" is %s (it was "use the buttons", with the whole intro again)', (words, role) => {
    expect([words, type(at('role'), words).state.draft?.role]).toEqual([words, role]);
  });

  it.each(['bwana, mimi ndio nilipigwa', 'kaka ni mimi', 'mama mboga', 'I was the one who saw it', 'it was me who reported', 'my friend and I', 'I saw it on facebook', 'niliona kwa whatsapp'])('"%s" is no role guessed: asked again, as before', (words) => {
    expect([words, type(at('role'), words).state.draft?.role]).toEqual([words, undefined]);
  });
});

describe('more "I don\'t know" at the detail and place questions', () => {
  it.each([['ofc', 'hawakujitambulisha'], ['ofc', "they didn't tell us"], ['ofc', "they didn't introduce themselves"]] as const)('at "%s", "%s" is no name', (at_, words) => {
    expect([words, type(at(at_), words).state.draft?.officers ?? {}]).toEqual([words, {}]);
  });
});

describe('no station known, said with why, at the station question', () => {
  it.each(['sijui walitoka wapi', 'hakuna kituo', 'hawakuwa na kituo, walikuwa roadblock tu', "I don't know which station"])('"%s" is no station (it was stored as the station)', (words) => {
    const r = type(at('stn'), words);
    expect([words, r.state.draft?.officers?.station]).toEqual([words, undefined]);
  });

  it('"hawakuwa na kituo, walikuwa roadblock tu": what follows kept in the story', () => {
    const r = type(at('stn'), 'hawakuwa na kituo, walikuwa roadblock tu');
    expect(r.state.draft?.text).toContain('walikuwa roadblock tu');
  });

  it('a station named is the station, as before', () => {
    expect(type(at('stn'), 'Kilimani police station').state.draft?.officers?.station).toBe('Kilimani police station');
  });
});

describe('where hate speech was said or shared, typed ("WhatsApp group", "kwa redio", "kwa mkutano")', () => {
  const hate = { kind: 'election' as const, category: 'e_hate' as const };
  it.each([
    ['WhatsApp group', 'online'],
    ['it was on facebook', 'online'],
    ['mitandao ya kijamii', 'online'],
    ['kwa redio', 'radio_tv'],
    ['on Inooro TV', 'radio_tv'],
    ['kwa mkutano wa kampeni', 'rally'],
    ['leaflets', 'print'],
    ['sms', 'sms'],
  ] as const)('"%s" is %s (it was "Sorry, I did not understand that")', (words, channel) => {
    expect([words, type(at('how', hate), words).state.draft?.channel]).toEqual([words, channel]);
  });
});

describe('what a fourth review found in the detail readings', () => {
  it('"I don\'t know the station but he is held at Capitol Hill" keeps the words (they were dropped)', () => {
    const r = type(at('stn'), "I don't know the station but he is held at Capitol Hill");
    expect([r.state.draft?.officers?.station, (r.state.draft?.text ?? '').includes('Capitol Hill')]).not.toEqual([undefined, false]);
  });

  it.each(['A group of youths shouted it at the market', 'Kwa kikundi cha vijana sokoni', 'in the group of elders'])('"%s" is no online channel', (words) => {
    expect([words, type(at('how', { kind: 'election', category: 'e_hate' }), words).state.draft?.channel]).not.toEqual([words, 'online']);
  });

  it.each([['Kwa kampeni za mtandaoni', 'online'], ['ujumbe wa kampeni kwa simu', 'sms']] as const)('"%s" is %s', (words, channel) => {
    expect([words, type(at('how', { kind: 'election', category: 'e_hate' }), words).state.draft?.channel]).toEqual([words, channel]);
  });
});

describe('"who did this happen to?" answered as a witness with more ("i saw it, im a voter in the queue", "nimeona tu, mimi ni agent")', () => {
  it.each(['i saw it, im a voter in the queue', 'nimeona tu, mimi ni agent', 'nilishuhudia tu', 'I witnessed it from the queue', 'i was a witness, i am a presiding officer'])(
    '%j: a witness, and what they say of themselves kept in the story (it was "use the buttons" and lost)',
    (words) => {
      const r = type(at('role'), words);
      expect([words, r.state.draft?.role, r.state.draft?.step]).toEqual([words, 'witness', 'ofc']);
      const kept = r.state.draft?.text ?? '';
      expect([words, kept.endsWith(words)]).toEqual([words, words !== 'nilishuhudia tu']);
    },
  );

  it('not a witness when it happened to them or someone is named ("i saw them beat my son" is for someone else, asked by its buttons)', () => {
    expect(type(at('role'), 'i saw them beat my son').state.draft?.role).toBeUndefined();
    expect(type(at('role'), 'i was there, they beat me').state.draft?.role).toBeUndefined();
  });
});

describe('"sorry I meant ..." at the question after whom it happened to: that answer corrected', () => {
  const misread = { role: 'on_behalf' as const, victim: 'i dont know their names, they were in plain clothes' };
  it.each([
    ['ofc', 'sorry i meant my son is Brian Otieno 19 years. the officers i dont know', 'my son is Brian Otieno 19 years. the officers i dont know'],
    ['ofc', 'samahani nilimaanisha mwanangu Brian Otieno, miaka 19', 'mwanangu Brian Otieno, miaka 19'],
  ] as const)('at %s, %j: the victim is %j, never an officer\'s name and number; the question asked again', (s, words, victim) => {
    const r = type(at(s, misread), words);
    expect([r.state.draft?.victim, r.state.draft?.officers, r.state.draft?.step]).toEqual([victim, undefined, s]);
    expect(said(r)).toEqual(['details.vic_changed', 'details.ofc.ask']);
  });

  // Found by a review: "I mean" before the officers' names is this question's answer; "to say" is no part of the victim.
  it.each(['I mean Cpl Otieno 12345', 'I mean the one who beat him was Sgt Wafula', 'sorry, I meant: the officer is Cpl Otieno', 'namaanisha afisa Kiprono', 'i mean, sijui majina yao'])(
    '%j keeps the victim and is the officers\' answer',
    (words) => {
      const r = type(at('ofc', { role: 'on_behalf', victim: 'my son Brian' }), words);
      expect([words, r.state.draft?.victim, r.state.draft?.step]).toEqual([words, 'my son Brian', 'unit']);
    },
  );

  it.each(['samahani nilimaanisha Koplo Otieno, aliyempiga mwanangu', 'i meant the one who beat my son, Cpl Otieno', 'sorry i meant Cpl Otieno and another one, my son knows their faces', 'sorry I meant the officer was Cpl Otieno, my brother was there'])(
    '%j names the officer: the victim kept (found by a second review)',
    (words) => {
      expect([words, type(at('ofc', { role: 'on_behalf', victim: 'my son Brian' }), words).state.draft?.victim]).toEqual([words, 'my son Brian']);
    },
  );

  it('"sorry i meant to say my son is ..." keeps what follows "to say"', () => {
    expect(type(at('ofc', misread), 'sorry i meant to say my son is Brian Otieno').state.draft?.victim).toBe('my son is Brian Otieno');
  });

  it('without the correction lead, or with no one named before, the answer is this question\'s as before', () => {
    expect(type(at('ofc', misread), 'Cpl Otieno 12345').state.draft?.officers?.names).toBeDefined();
    expect(type(at('ofc', { role: 'victim' }), 'sorry i meant Cpl Otieno').state.draft?.officers).toBeDefined();
  });
});

describe('"who did this happen to?": seeing what was done to someone, or a video of it, is no witness answer (found by a review)', () => {
  it.each(['niliona polisi wakimpiga kaka yangu', 'i saw everything, they beat my son', 'I saw it happen to my neighbour', 'i saw it, i was also beaten', 'niliona, mimi pia nilipigwa', 'niliona video', 'nimeona clip', 'niliona kwa status', 'niliona kwa group ya whatsapp', 'i saw it in a video', 'i saw it online'])(
    '%j: asked by its buttons, as before',
    (words) => {
      expect([words, type(at('role'), words).state.draft?.role]).toEqual([words, undefined]);
    },
  );
});
