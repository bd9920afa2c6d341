/**
 * The report wizard's pure step function, step by step: every kind of input (valid, invalid,
 * Back, Cancel, a stale button) without Redis or Telegram. Replies are checked by locale key and
 * keyboard, the way the reporter would see them once rendered.
 */
import { LIMITS } from '../../../src/domain';
import type { Draft, MediaRef, Step } from '../../../src/bot/session';
import { step } from '../../../src/bot/wizard/step';
import type { Reply, StepResult, WizardInput, WizardState } from '../../../src/bot/wizard/types';

const NOW = new Date('2026-11-28T09:30:00Z'); // 12:30 in Nairobi
const TODAY_EAT = Date.parse('2026-11-27T21:00:00Z'); // 28/11/2026 00:00 in Nairobi
const ID = 'dRaFt0000001';
const ORDER: Step[] = ['kind', 'cat', 'desc', 'county', 'place', 'when', 'ev', 'danger', 'anon'];
const ANSWERS: Record<string, Partial<Draft>> = {
  kind: { kind: 'police' },
  cat: { category: 'p_bribery' },
  desc: { text: 'Police asked me for a bribe at the junction.' },
  county: { county: 32 },
  place: { place: 'Naivasha road junction' },
  when: { when: 'today', incidentAt: TODAY_EAT },
  ev: { evidence: [] },
  danger: { danger: false },
  anon: { anonymous: true },
};

/** A draft at `at` with every answer before it given, plus `extra`. */
function draftAt(at: Step, extra: Partial<Draft> = {}): Draft {
  const before = at === 'review' || at === 'contact' ? ORDER.filter((s) => at === 'review' || s !== 'anon') : ORDER.slice(0, ORDER.indexOf(at));
  return Object.assign({ id: ID, step: at }, ...before.map((s) => ANSWERS[s]), extra) as Draft;
}
const at = (s: Step, extra: Partial<Draft> = {}): WizardState => ({ draft: draftAt(s, extra) });

const run = (state: WizardState, input: WizardInput): StepResult => step(state, input, NOW);
const press = (state: WizardState, value: string, s = state.draft?.step ?? 'kind', draftId = ID) => run(state, { type: 'button', draftId, step: s, value });
const type = (state: WizardState, text: string, label?: 'back' | 'cancel') => run(state, label ? { type: 'text', text, label } : { type: 'text', text });
const send = (state: WizardState, media: MediaRef, caption?: string) => run(state, caption === undefined ? { type: 'media', media } : { type: 'media', media, caption });

const photo = (n = 1, size = 120_000): MediaRef => ({ kind: 'photo', fileId: `AgACAgQAAxkBAAI${n}`, fileUniqueId: `AQAD${n}`, size });
const voice = (durationSec: number, size = 48_000): MediaRef => ({ kind: 'voice', fileId: 'AwACAgQ', fileUniqueId: 'AgADv', size, mimeType: 'audio/ogg', durationSec });

/** Each reply as a short label: `answer`, `answer:<key>`, `<key>[+<key>]`, `review`, `emergency`. */
function said(r: StepResult): string[] {
  return r.replies.map((x: Reply) => {
    if (x.type === 'answer') return x.text ? `answer:${x.text.key}` : 'answer';
    if (x.type === 'message') return x.texts.map((t) => t.key).join('+');
    return x.type;
  });
}
const lastKeyboard = (r: StepResult) => {
  const m = [...r.replies].reverse().find((x) => x.type === 'message');
  return m && m.type === 'message' ? m.keyboard : undefined;
};
const stepOf = (r: StepResult) => r.state.draft?.step;

describe('begin, resume, show', () => {
  it('starts a draft with the given id at the kind question', () => {
    const r = run({}, { type: 'begin', newDraftId: ID });
    expect(r.state.draft).toEqual({ id: ID, step: 'kind' });
    expect(said(r)).toEqual(['kind.ask']);
    expect(lastKeyboard(r)).toEqual({ type: 'kind', draftId: ID });
    expect(r.effects).toEqual([{ type: 'started' }]);
  });

  it('resumes the draft in progress instead of starting another', () => {
    const r = run(at('when'), { type: 'begin', newDraftId: 'another00001' });
    expect(r.state.draft?.id).toBe(ID);
    expect(said(r)).toEqual(['wizard.resume', 'when.ask']);
    expect(r.effects).toEqual([]);
  });

  it('/start with a draft says so and asks the current question; show only asks', () => {
    expect(said(run(at('desc'), { type: 'resume' }))).toEqual(['wizard.resume', 'desc.ask']);
    expect(said(run(at('desc'), { type: 'show' }))).toEqual(['desc.ask']);
    expect(said(run({}, { type: 'resume' }))).toEqual([]);
    expect(said(run({}, { type: 'show' }))).toEqual([]);
  });

  it('never changes the state it was given', () => {
    const state = at('ev', { evidence: [photo(1)] });
    const copy = structuredClone(state);
    send(state, photo(2));
    press(state, 'done');
    expect(state).toEqual(copy);
  });
});

describe('cancel', () => {
  it('says there is nothing to cancel without a draft', () => {
    const r = run({}, { type: 'cancel' });
    expect(said(r)).toEqual(['cancel.nothing']);
    expect(lastKeyboard(r)).toEqual({ type: 'main' });
  });

  it('/cancel and the Cancel button discard the draft in one message', () => {
    for (const r of [run(at('when'), { type: 'cancel' }), press(at('when'), 'x')]) {
      expect(r.state.draft).toBeUndefined();
      expect(said(r).filter((k) => k !== 'answer')).toEqual(['cancel.done+cancel.again']);
      expect(lastKeyboard(r)).toEqual({ type: 'startAgain' });
      expect(r.effects).toEqual([{ type: 'cancelled', step: 'when' }]);
    }
  });

  it('removes the reply keyboard first on the place and contact steps', () => {
    for (const s of ['place', 'contact'] as const) {
      const r = type(at(s), '❌ Cancel', 'cancel');
      expect(r.state.draft).toBeUndefined();
      expect(said(r)).toEqual(['cancel.done', 'cancel.again']);
      expect(r.replies[0]).toMatchObject({ keyboard: { type: 'remove' } });
    }
  });
});

describe('kind', () => {
  it('takes a kind and asks the category', () => {
    const r = press(at('kind'), 'election');
    expect(r.state.draft).toMatchObject({ step: 'cat', kind: 'election' });
    expect(said(r)).toEqual(['answer', 'category.ask']);
    expect(lastKeyboard(r)).toEqual({ type: 'category', draftId: ID, kind: 'election' });
    expect(r.replies[1]).toMatchObject({ texts: [{ key: 'category.ask', params: { kind: { key: 'common:kind.election' } } }] });
  });

  it('drops the category when the kind changes, keeps it when it does not', () => {
    expect(press(at('kind', { category: 'p_bribery' }), 'election').state.draft?.category).toBeUndefined();
    expect(press(at('kind', { kind: 'police', category: 'p_bribery' }), 'police').state.draft?.category).toBe('p_bribery');
  });

  it('answers a value it does not offer as stale and asks again', () => {
    const r = press(at('kind'), 'weather');
    expect(said(r)).toEqual(['answer:wizard.stale', 'kind.ask']);
    expect(stepOf(r)).toBe('kind');
  });

  it('Back leaves the empty report for the main menu', () => {
    const r = press(at('kind'), 'back');
    expect(r.state.draft).toBeUndefined();
    expect(said(r)).toEqual(['answer', 'menu.prompt']);
    expect(lastKeyboard(r)).toEqual({ type: 'main' });
  });

  it('text is not an answer here', () => {
    expect(said(type(at('kind'), 'police'))).toEqual(['unexpected.kind', 'kind.ask']);
  });
});

describe('cat', () => {
  it('takes a category of the chosen kind and asks what happened', () => {
    const r = press(at('cat'), 'p_arrest');
    expect(r.state.draft).toMatchObject({ step: 'desc', category: 'p_arrest' });
    expect(said(r)).toEqual(['answer', 'desc.ask']);
    expect(lastKeyboard(r)).toEqual({ type: 'nav', draftId: ID, step: 'desc' });
  });

  it('refuses a category of the other kind', () => {
    expect(said(press(at('cat'), 'e_bribery'))).toEqual(['answer:wizard.stale', 'category.ask']);
  });

  it('Back returns to the kind; without a kind it asks the kind', () => {
    expect(stepOf(press(at('cat'), 'back'))).toBe('kind');
    const r = run({ draft: { id: ID, step: 'cat' } }, { type: 'show' });
    expect(stepOf(r)).toBe('kind');
    expect(said(r)).toEqual(['kind.ask']);
  });
});

describe('desc', () => {
  it('takes the text, trimmed, and asks the county', () => {
    const r = type(at('desc'), '  They took 500 shillings.  ');
    expect(r.state.draft).toMatchObject({ step: 'county', text: 'They took 500 shillings.' });
    expect(said(r)).toEqual(['county.ask']);
    expect(lastKeyboard(r)).toEqual({ type: 'county', draftId: ID, page: 0 });
  });

  it('asks again for an empty or too long text', () => {
    expect(said(type(at('desc'), '   '))).toEqual(['desc.empty', 'desc.ask']);
    const long = type(at('desc'), 'x'.repeat(LIMITS.descriptionMaxChars + 1));
    expect(said(long)).toEqual(['desc.too_long', 'desc.ask']);
    expect(long.replies[0]).toMatchObject({ texts: [{ params: { max: LIMITS.descriptionMaxChars, length: LIMITS.descriptionMaxChars + 1 } }] });
    expect(stepOf(long)).toBe('desc');
  });

  it('takes a voice note instead of text, and refuses one too long or too big', () => {
    const r = send(at('desc', { text: 'old words' }), voice(42));
    expect(r.state.draft).toMatchObject({ step: 'county', voice: voice(42) });
    expect(r.state.draft?.text).toBeUndefined();
    expect(said(r)).toEqual(['desc.voice_received', 'county.ask']);
    expect(said(send(at('desc'), voice(LIMITS.voiceMaxSeconds + 1)))).toEqual(['desc.voice_too_long', 'desc.ask']);
    expect(said(send(at('desc'), voice(30, LIMITS.evidenceMaxBytes + 1)))).toEqual(['ev.too_big', 'desc.ask']);
  });

  it('a photo, a sticker or a command is not a description', () => {
    expect(said(send(at('desc'), photo()))).toEqual(['unexpected.desc', 'desc.ask']);
    expect(said(run(at('desc'), { type: 'other' }))).toEqual(['unexpected.desc', 'desc.ask']);
    expect(said(run(at('desc'), { type: 'command', command: 'weather' }))).toEqual(['wizard.unknown_command', 'desc.ask']);
  });

  it('the Back button text is just text here (only reply-keyboard steps read it as Back)', () => {
    expect(type(at('desc'), '⬅️ Back', 'back').state.draft).toMatchObject({ step: 'county', text: '⬅️ Back' });
  });

  it('Back returns to the category; no button answers this step', () => {
    expect(stepOf(press(at('desc'), 'back'))).toBe('cat');
    expect(said(press(at('desc'), 'ok'))).toEqual(['answer:wizard.stale', 'desc.ask']);
  });
});

describe('county', () => {
  it('takes a typed county name or code, or a button, and asks the place', () => {
    for (const r of [type(at('county'), 'nakuru'), type(at('county'), '32'), press(at('county'), '32')]) {
      expect(r.state.draft).toMatchObject({ step: 'place', county: 32 });
      expect(said(r).filter((k) => k !== 'answer')).toEqual(['place.ask']);
      expect(lastKeyboard(r)).toEqual({ type: 'place' });
    }
  });

  it('suggests the nearest county for a typo and says when it knows none', () => {
    const r = type(at('county'), 'Nakru');
    expect(said(r)).toEqual(['county.suggest']);
    expect(lastKeyboard(r)).toEqual({ type: 'county', draftId: ID, page: 0, suggestion: 32 });
    expect(stepOf(r)).toBe('county');
    expect(said(type(at('county'), 'Atlantis'))).toEqual(['county.unknown']);
  });

  it('pages through the counties and remembers the page', () => {
    const r = press(at('county'), 'p2');
    expect(r.state.draft?.countyPage).toBe(2);
    expect(said(r)).toEqual(['answer', 'county.ask']);
    expect(lastKeyboard(r)).toEqual({ type: 'county', draftId: ID, page: 2 });
    expect(said(press(at('county'), 'p9'))).toEqual(['answer:wizard.stale', 'county.ask']);
    expect(said(press(at('county'), '48'))).toEqual(['answer:wizard.stale', 'county.ask']);
  });

  it('a different county forgets the place; the same one keeps it', () => {
    const placed = at('county', { county: 32, place: 'Naivasha road junction', location: { lat: -0.3, lon: 36.1 }, countyPage: 2 });
    const other = press(placed, '47').state.draft;
    expect(other).toMatchObject({ county: 47, step: 'place' });
    expect(other?.place).toBeUndefined();
    expect(other?.location).toBeUndefined();
    expect(other?.countyPage).toBeUndefined();
    expect(press(placed, '32').state.draft?.place).toBe('Naivasha road junction');
  });

  it('Back returns to the description', () => {
    expect(stepOf(press(at('county'), 'back'))).toBe('desc');
  });
});

describe('place', () => {
  it('takes a typed place, removes the reply keyboard and asks when', () => {
    const r = type(at('place', { location: { lat: 1, lon: 2 } }), 'Naivasha road junction');
    expect(r.state.draft).toMatchObject({ step: 'when', place: 'Naivasha road junction' });
    expect(r.state.draft?.location).toBeUndefined();
    expect(said(r)).toEqual(['place.noted', 'when.ask']);
    expect(r.replies[0]).toMatchObject({ keyboard: { type: 'remove' } });
  });

  it('takes a shared location instead', () => {
    const r = run(at('place', { place: 'old' }), { type: 'location', lat: -0.7172, lon: 36.431 });
    expect(r.state.draft).toMatchObject({ step: 'when', location: { lat: -0.7172, lon: 36.431 } });
    expect(r.state.draft?.place).toBeUndefined();
    expect(said(r)).toEqual(['place.location_noted', 'when.ask']);
  });

  it('asks again for an empty or too long place; a photo is unexpected', () => {
    expect(said(type(at('place'), ' '))).toEqual(['place.empty', 'place.ask']);
    expect(said(type(at('place'), 'p'.repeat(LIMITS.placeMaxChars + 1)))).toEqual(['place.too_long', 'place.ask']);
    expect(said(send(at('place'), photo()))).toEqual(['unexpected.place', 'place.ask']);
  });

  it('the Back button text removes the reply keyboard and returns to the county', () => {
    const r = type(at('place'), '⬅️ Back', 'back');
    expect(stepOf(r)).toBe('county');
    expect(said(r)).toEqual(['wizard.ok', 'county.ask']);
    expect(r.replies[0]).toMatchObject({ keyboard: { type: 'remove' } });
  });

  it('without a county it asks the county', () => {
    expect(stepOf(run({ draft: { id: ID, step: 'place' } }, { type: 'show' }))).toBe('county');
  });
});

describe('when', () => {
  it('Now, Today and Yesterday set the time from the clock', () => {
    expect(press(at('when'), 'now').state.draft).toMatchObject({ step: 'ev', when: 'now', incidentAt: NOW.getTime() });
    expect(press(at('when'), 'today').state.draft).toMatchObject({ when: 'today', incidentAt: TODAY_EAT });
    expect(press(at('when'), 'yesterday').state.draft).toMatchObject({ when: 'yesterday', incidentAt: TODAY_EAT - 86_400_000 });
    expect(said(press(at('when'), 'now'))).toEqual(['answer', 'ev.ask']);
  });

  it('takes a typed date', () => {
    const r = type(at('when'), '25/11/2026');
    expect(r.state.draft).toMatchObject({ step: 'ev', when: 'date' });
    expect(said(r)).toEqual(['ev.ask']);
  });

  it('explains a malformed or future date with today as the example', () => {
    const bad = type(at('when'), 'last week');
    expect(said(bad)).toEqual(['when.format', 'when.ask']);
    expect(bad.replies[0]).toMatchObject({ texts: [{ params: { example: '28/11/2026' } }] });
    expect(said(type(at('when'), '30/11/2026'))).toEqual(['when.future', 'when.ask']);
    expect(said(press(at('when'), 'tomorrow'))).toEqual(['answer:wizard.stale', 'when.ask']);
  });

  it('Back returns to the place', () => {
    expect(stepOf(press(at('when'), 'back'))).toBe('place');
  });
});

describe('ev', () => {
  it('counts each file, keeps its caption, and offers Done', () => {
    const r = send(at('ev'), photo(1), 'The officer’s car');
    expect(r.state.draft?.evidence).toEqual([{ ...photo(1), caption: 'The officer’s car' }]);
    expect(said(r)).toEqual(['ev.count']);
    expect(lastKeyboard(r)).toEqual({ type: 'evidence', draftId: ID, count: 1 });
    expect(stepOf(r)).toBe('ev');
  });

  it('shows the count when asked again, and stops at the limit', () => {
    expect(run(at('ev', { evidence: [photo(1)] }), { type: 'show' }).replies[0]).toMatchObject({ texts: [{ key: 'ev.ask' }, { key: 'ev.count', params: { count: 1 } }] });
    const full = at('ev', { evidence: Array.from({ length: LIMITS.evidenceMaxItems }, (_, i) => photo(i)) });
    const r = send(full, photo(99));
    expect(said(r)).toEqual(['ev.full']);
    expect(r.state.draft?.evidence).toHaveLength(LIMITS.evidenceMaxItems);
  });

  it('refuses a file too big to fetch, and text', () => {
    expect(said(send(at('ev'), photo(1, LIMITS.evidenceMaxBytes + 1)))).toEqual(['ev.too_big', 'ev.ask']);
    expect(said(type(at('ev'), 'here is a photo'))).toEqual(['unexpected.ev', 'ev.ask']);
  });

  it('Done keeps the files, Skip drops them; both ask about danger', () => {
    const withPhoto = at('ev', { evidence: [photo(1)] });
    expect(press(withPhoto, 'done').state.draft).toMatchObject({ step: 'danger', evidence: [photo(1)] });
    expect(press(withPhoto, 'skip').state.draft).toMatchObject({ step: 'danger', evidence: [] });
    expect(press({ draft: { ...draftAt('ev'), evidence: undefined } }, 'done').state.draft?.evidence).toEqual([]);
    expect(said(press(withPhoto, 'more'))).toEqual(['answer:wizard.stale', 'ev.ask+ev.count']);
    expect(stepOf(press(withPhoto, 'back'))).toBe('when');
  });
});

describe('danger', () => {
  it('Yes shows the emergency numbers for the category at once, then asks about contact', () => {
    const r = press(at('danger'), 'y');
    expect(said(r)).toEqual(['answer', 'emergency', 'anon.ask']);
    expect(r.replies[1]).toEqual({ type: 'emergency', category: 'p_bribery' });
    expect(r.state.draft).toMatchObject({ step: 'anon', danger: true });
  });

  it('No asks about contact without numbers', () => {
    const r = press(at('danger'), 'n');
    expect(said(r)).toEqual(['answer', 'anon.ask']);
    expect(r.replies[1]).toMatchObject({ html: true, keyboard: { type: 'anon', draftId: ID } });
    expect(r.state.draft?.danger).toBe(false);
  });

  it('refuses other values; Back returns to the evidence', () => {
    expect(said(press(at('danger'), 'maybe'))).toEqual(['answer:wizard.stale', 'danger.ask']);
    expect(stepOf(press(at('danger'), 'back'))).toBe('ev');
  });
});

describe('anon', () => {
  it('Anonymous drops any phone and shows the review', () => {
    const r = press(at('anon', { phone: '+254722000111' }), 'a');
    expect(r.state.draft).toMatchObject({ step: 'review', anonymous: true });
    expect(r.state.draft?.phone).toBeUndefined();
    expect(said(r)).toEqual(['answer', 'review']);
  });

  it('Contactable asks for the phone with Telegram’s button', () => {
    const r = press(at('anon'), 'c');
    expect(stepOf(r)).toBe('contact');
    expect(lastKeyboard(r)).toEqual({ type: 'contact' });
  });

  it('refuses other values; Back returns to danger', () => {
    expect(said(press(at('anon'), 'z'))).toEqual(['answer:wizard.stale', 'anon.ask']);
    expect(stepOf(press(at('anon'), 'back'))).toBe('danger');
  });
});

describe('contact', () => {
  it('takes the reporter’s own number and shows the review', () => {
    const r = run(at('contact'), { type: 'contact', phone: '+254722000111', own: true });
    expect(r.state.draft).toMatchObject({ step: 'review', phone: '+254722000111', anonymous: false });
    expect(said(r)).toEqual(['contact.thanks', 'review']);
    expect(r.replies[0]).toMatchObject({ keyboard: { type: 'remove' } });
  });

  it('refuses someone else’s number and typed numbers', () => {
    const other = run(at('contact'), { type: 'contact', phone: '+254700000001', own: false });
    expect(said(other)).toEqual(['contact.not_yours']);
    expect(other.state.draft?.phone).toBeUndefined();
    expect(said(type(at('contact'), '0722000111'))).toEqual(['contact.use_button']);
    expect(said(run(at('contact'), { type: 'location', lat: 0, lon: 0 }))).toEqual(['unexpected.contact', 'contact.ask']);
  });

  it('the Back button text returns to the anonymity question', () => {
    const r = type(at('contact'), 'Rudi', 'back');
    expect(said(r)).toEqual(['wizard.ok', 'anon.ask']);
    expect(stepOf(r)).toBe('anon');
  });
});

describe('review', () => {
  it('Confirm asks intake to store the report, with the phone only when shared', () => {
    const r = press(at('review'), 'ok');
    expect(said(r)).toEqual(['answer']);
    expect(r.effects).toEqual([
      {
        type: 'submit',
        draftId: ID,
        report: {
          draftId: ID,
          kind: 'police',
          category: 'p_bribery',
          description: { text: 'Police asked me for a bribe at the junction.' },
          county: 32,
          place: 'Naivasha road junction',
          when: 'today',
          incidentAt: new Date(TODAY_EAT),
          dangerNow: false,
          anonymous: true,
          evidence: [],
        },
      },
    ]);
    const contactable = press(at('review', { anonymous: false, phone: '+254722000111', voice: voice(40), location: { lat: -1.3, lon: 36.8 } }), 'ok').effects[0];
    expect(contactable).toMatchObject({ phone: '+254722000111', report: { description: { voice: voice(40) }, location: { lat: -1.3, lon: 36.8 } } });
  });

  it('Confirm on a draft missing an answer asks for it instead', () => {
    const r = press(at('review', { county: undefined }), 'ok');
    expect(r.effects).toEqual([]);
    expect(stepOf(r)).toBe('county');
  });

  it('shows the review only when every answer is there', () => {
    expect(run(at('review'), { type: 'show' }).replies).toEqual([{ type: 'review', draft: draftAt('review') }]);
    expect(stepOf(run(at('review', { danger: undefined }), { type: 'show' }))).toBe('danger');
  });

  it('edits one part and returns to the review', () => {
    const editing = press(at('review'), 'e_desc');
    expect(editing.state.draft).toMatchObject({ step: 'desc', editing: true });
    const done = type(editing.state, 'They took 1000 shillings.');
    expect(done.state.draft).toMatchObject({ step: 'review', text: 'They took 1000 shillings.' });
    expect(done.state.draft?.editing).toBeUndefined();
    expect(said(done)).toEqual(['review']);
  });

  it('editing the kind asks the category next, then returns to the review', () => {
    const kind = press(press(at('review'), 'e_kind').state, 'election');
    expect(kind.state.draft).toMatchObject({ step: 'cat', editing: true });
    expect(kind.state.draft?.category).toBeUndefined();
    expect(stepOf(press(kind.state, 'e_violence'))).toBe('review');
  });

  it('editing the county asks the place next; Back while editing returns to the review', () => {
    const county = press(press(at('review'), 'e_county').state, '47');
    expect(county.state.draft).toMatchObject({ step: 'place', editing: true, county: 47 });
    expect(stepOf(press(press(at('review'), 'e_when').state, 'back'))).toBe('review');
    expect(stepOf(type(county.state, 'Back', 'back'))).toBe('county');
  });

  it('refuses parts that cannot be edited; Back returns to the anonymity question', () => {
    expect(said(press(at('review'), 'e_place'))).toEqual(['answer:wizard.stale', 'review']);
    expect(stepOf(press(at('review'), 'back'))).toBe('anon');
  });
});

describe('after intake answers', () => {
  const submitted = (result: Extract<WizardInput, { type: 'submitted' }>['result']) => run(at('review'), { type: 'submitted', draftId: ID, result });

  it('received: the draft is gone, the reference is remembered and shown', () => {
    const r = submitted({ ok: true, reportId: '6650c0ffee0000000000000a', reference: 'R-7K3F-9QX2', created: true });
    expect(r.state).toEqual({ draft: undefined, lastSubmitted: { draftId: ID, reference: 'R-7K3F-9QX2' } });
    expect(r.replies).toEqual([{ type: 'message', texts: [{ key: 'submit.received', params: { reference: 'R-7K3F-9QX2' } }], html: true, keyboard: { type: 'main' } }]);
  });

  it('over the daily limit: the draft is kept and the limit named', () => {
    const r = submitted({ ok: false, reason: 'daily_limit', limit: 3 });
    expect(r.state.draft).toEqual(draftAt('review'));
    expect(r.replies).toEqual([{ type: 'message', texts: [{ key: 'limits:reports_per_day', params: { count: 3 } }] }]);
  });

  it('store unavailable: the draft is kept and Confirm offered again', () => {
    const r = submitted({ ok: false, reason: 'store_unavailable' });
    expect(r.state.draft).toEqual(draftAt('review'));
    expect(said(r)).toEqual(['submit.failed']);
    expect(lastKeyboard(r)).toEqual({ type: 'confirmAgain', draftId: ID });
  });
});

describe('stale buttons', () => {
  it('a button of another draft or an earlier step is stale and the current question is asked again', () => {
    expect(said(press(at('when'), 'now', 'when', 'oldDraft0001'))).toEqual(['answer:wizard.stale', 'when.ask']);
    const earlier = press(at('when'), 'police', 'kind');
    expect(said(earlier)).toEqual(['answer:wizard.stale', 'when.ask']);
    expect(earlier.state.draft).toEqual(draftAt('when'));
  });

  it('without a draft a button is stale and the main menu is shown', () => {
    const r = press({}, 'police', 'kind');
    expect(said(r)).toEqual(['answer:wizard.stale', 'menu.prompt']);
    expect(lastKeyboard(r)).toEqual({ type: 'main' });
  });

  it('a second tap on Confirm after the report was filed gives the same reference', () => {
    const r = press({ lastSubmitted: { draftId: ID, reference: 'R-7K3F-9QX2' } }, 'ok', 'review');
    expect(said(r)).toEqual(['answer', 'submit.already']);
    expect(r.replies[1]).toMatchObject({ html: true, texts: [{ params: { reference: 'R-7K3F-9QX2' } }] });
    expect(r.effects).toEqual([]);
  });

  it('messages without a draft are not the wizard’s', () => {
    expect(run({}, { type: 'text', text: 'hello' }).replies).toEqual([]);
  });
});
