/**
 * Sessions written by the first release (single-letter fields, no version) keep working after an
 * upgrade. The inputs below are real sessions copied from Redis after journeys through that
 * release's bot (draft ids, references and file ids as the Bot API double issued them).
 */
import { migrateSession, SESSION_VERSION, type SessionData } from '../../../src/bot/session';
import { step } from '../../../src/bot/wizard/step';
import type { WizardInput, WizardState } from '../../../src/bot/wizard/types';

const AT_REVIEW =
  '{"d":{"id":"jVmPdfz8Dxt4","s":"review","k":"police","c":"p_bribery","tx":"Police asked me for a bribe at the junction.","co":32,"p":"Naivasha road junction","w":"today","at":1795899600000,"ev":[],"dg":false,"an":true}}';
const WITH_PHOTOS =
  '{"d":{"id":"StiRX2rBytVM","s":"danger","k":"police","c":"p_bribery","tx":"Police asked me for a bribe at the junction.","co":32,"p":"Naivasha road junction","w":"today","at":1795899600000,"ev":[{"k":"photo","f":"AgACAgQAAxkBAAI000003YmFzZTY0LWZha2U","u":"AQAD0003","s":120000},{"k":"photo","f":"AgACAgQAAxkBAAI000006YmFzZTY0LWZha2U","u":"AQAD0006","s":120000}]}}';
const AFTER_A_REPORT =
  '{"l":"sw","done":{"d":"1Xll3Xbaj3E8","r":"R-HZMB-YEJY"},"d":{"id":"OVUiUhfDy2yg","s":"county","k":"police","c":"p_bribery","tx":"Police asked me for a bribe at the junction."}}';

const migrate = (json: string) => migrateSession(JSON.parse(json));

describe('migrateSession from the unversioned single-letter format', () => {
  it('renames every field of a draft at review', () => {
    expect(migrate(AT_REVIEW)).toEqual({
      v: SESSION_VERSION,
      draft: {
        id: 'jVmPdfz8Dxt4',
        step: 'review',
        kind: 'police',
        category: 'p_bribery',
        text: 'Police asked me for a bribe at the junction.',
        county: 32,
        place: 'Naivasha road junction',
        when: 'today',
        incidentAt: 1795899600000,
        evidence: [],
        danger: false,
        anonymous: true,
      },
    });
  });

  it('turns evidence into the store’s evidence shape', () => {
    expect(migrate(WITH_PHOTOS)?.draft?.evidence).toEqual([
      { kind: 'photo', fileId: 'AgACAgQAAxkBAAI000003YmFzZTY0LWZha2U', fileUniqueId: 'AQAD0003', size: 120000 },
      { kind: 'photo', fileId: 'AgACAgQAAxkBAAI000006YmFzZTY0LWZha2U', fileUniqueId: 'AQAD0006', size: 120000 },
    ]);
  });

  it('keeps the language and the last submitted report', () => {
    const s = migrate(AFTER_A_REPORT);
    expect(s?.lang).toBe('sw');
    expect(s?.lastSubmitted).toEqual({ draftId: '1Xll3Xbaj3E8', reference: 'R-HZMB-YEJY' });
    // Then on to version 2: the danger question, now asked right after the category, comes first.
    expect(s?.draft).toEqual({ id: 'OVUiUhfDy2yg', step: 'danger', editing: true, kind: 'police', category: 'p_bribery', text: 'Police asked me for a bribe at the junction.' });
  });

  it('renames a voice description, a shared location, the phone, editing and a pending reply', () => {
    const old = {
      l: 'en',
      d: {
        id: 'Zq3xYw9aBcDe',
        s: 'county',
        e: 1,
        v: { k: 'voice', f: 'AwACAgQAAxkBAAI1', u: 'AgAD1', s: 48000, m: 'audio/ogg', d: 42 },
        g: [-1.2921, 36.8219],
        pg: 2,
        ph: '+254722000111',
        an: false,
      },
      rp: { ids: ['6650c0ffee0000000000000a', '6650c0ffee0000000000000b'], tx: 'Any news?', m: { k: 'document', f: 'BQACAgQ', u: 'AgADdoc', n: 'ob.pdf', c: 'OB number' } },
    };
    expect(migrateSession(old)).toEqual({
      v: SESSION_VERSION,
      lang: 'en',
      draft: {
        id: 'Zq3xYw9aBcDe',
        step: 'county',
        editing: true,
        voice: { kind: 'voice', fileId: 'AwACAgQAAxkBAAI1', fileUniqueId: 'AgAD1', size: 48000, mimeType: 'audio/ogg', durationSec: 42 },
        location: { lat: -1.2921, lon: 36.8219 },
        countyPage: 2,
        phone: '+254722000111',
        anonymous: false,
      },
      pendingReply: {
        reportIds: ['6650c0ffee0000000000000a', '6650c0ffee0000000000000b'],
        messages: [{ text: 'Any news?', media: { kind: 'document', fileId: 'BQACAgQ', fileUniqueId: 'AgADdoc', fileName: 'ob.pdf', caption: 'OB number' } }],
        at: expect.any(Number),
      },
    });
  });

  it('keeps a version-3 reply waiting for "which report?" as the first of its messages', () => {
    const v3 = { v: 3, lang: 'sw', pendingReply: { reportIds: ['6650c0ffee0000000000000a', '6650c0ffee0000000000000b'], text: 'Wamerudi tena' } };
    expect(migrateSession(v3)).toEqual({ v: SESSION_VERSION, lang: 'sw', pendingReply: { reportIds: v3.pendingReply.reportIds, messages: [{ text: 'Wamerudi tena' }], at: expect.any(Number) } });
  });

  it('makes an empty old session an empty current one', () => {
    expect(migrateSession({})).toEqual({ v: SESSION_VERSION });
  });
});

describe('migrateSession on other input', () => {
  it('returns a current session unchanged', () => {
    const current = { v: SESSION_VERSION, lang: 'sw', draft: { id: 'abc', step: 'kind' } };
    expect(migrateSession(structuredClone(current))).toEqual(current);
  });

  it('starts afresh on a session from a newer release or on something that is not a session', () => {
    expect(migrateSession({ v: SESSION_VERSION + 1, lang: 'en' })).toBeUndefined();
    expect(migrateSession({ v: 'one' })).toBeUndefined();
    expect(migrateSession(null)).toBeUndefined();
    expect(migrateSession([1, 2])).toBeUndefined();
    expect(migrateSession('{"d":{}}')).toBeUndefined();
  });
});

/**
 * Version 1 sessions (readable names, the old step order: danger after the evidence, then an
 * anonymity step) of reporters in the middle of a report when the new order is deployed.
 */
describe('migrateSession from version 1 (danger asked late)', () => {
  const NOW = new Date('2026-11-28T09:30:00Z');
  const base = { id: 'jVmPdfz8Dxt4', kind: 'police', category: 'p_bribery' };
  const v1 = (draft: Record<string, unknown>) => ({ v: 1, lang: 'sw', draft: { ...base, ...draft } });
  const run = (s: SessionData | undefined, ...inputs: WizardInput[]) => {
    let state: WizardState = { draft: s?.draft, lastSubmitted: s?.lastSubmitted };
    let steps: (string | undefined)[] = [];
    for (const input of inputs) {
      const r = step(state, input, NOW);
      state = r.state;
      steps = [...steps, r.state.draft?.step];
    }
    return { state, steps };
  };
  const press = (step: string, value: string): WizardInput => ({ type: 'button', draftId: base.id, step, value });

  it('a draft past the category without a danger answer is asked it first, then carries on with what is missing', () => {
    const s = migrateSession(v1({ step: 'county', text: 'They beat him.' }));
    expect(s).toEqual({ v: SESSION_VERSION, lang: 'sw', draft: { ...base, step: 'danger', editing: true, text: 'They beat him.' } });
    const stored: WizardInput = { type: 'urgentStored', draftId: base.id, result: { ok: true, reportId: 'r1', reference: 'R-AAAA-BBBB', created: true, priority: 1 } };
    const { state, steps } = run(s, press('danger', 'y'), stored, press('county', '47'), { type: 'text', text: 'Kasarani' }, press('when', 'today'));
    // Danger (stored at once as urgent), then the county and place that were next, then when; the story is not asked again.
    expect(steps).toEqual(['danger', 'county', 'place', 'when', 'review']);
    expect(state.draft).toMatchObject({ danger: true, county: 47, place: 'Kasarani', when: 'today', text: 'They beat him.' });
  });

  it('a draft at the old anonymity step goes to the review, which now has the Send buttons', () => {
    const s = migrateSession(v1({ step: 'anon', text: 't', county: 32, place: 'p', when: 'today', incidentAt: 1795899600000, evidence: [], danger: false }));
    expect(s?.draft?.step).toBe('review');
    const { state } = run(s, { type: 'show' });
    expect(state.draft?.step).toBe('review');
  });

  it('a draft at the category or with its danger answer keeps its step', () => {
    expect(migrateSession(v1({ step: 'cat' }))?.draft).toEqual({ ...base, step: 'cat' });
    expect(migrateSession(v1({ step: 'when', danger: false, text: 't' }))?.draft).toEqual({ ...base, step: 'when', danger: false, text: 't' });
  });
});
