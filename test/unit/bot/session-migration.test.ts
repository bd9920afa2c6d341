/**
 * Sessions written by the first release (single-letter fields, no version) keep working after an
 * upgrade. The inputs below are real sessions copied from Redis after journeys through that
 * release's bot (draft ids, references and file ids as the Bot API double issued them).
 */
import { migrateSession, SESSION_VERSION } from '../../../src/bot/session';

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
    expect(s?.draft).toEqual({ id: 'OVUiUhfDy2yg', step: 'county', kind: 'police', category: 'p_bribery', text: 'Police asked me for a bribe at the junction.' });
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
        text: 'Any news?',
        media: { kind: 'document', fileId: 'BQACAgQ', fileUniqueId: 'AgADdoc', fileName: 'ob.pdf', caption: 'OB number' },
      },
    });
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
