/**
 * An upgrade while reporters are half-way through a report: a session in the first release's
 * format (copied from Redis after a real journey) is read, shown and submitted by this release,
 * and written back in the current format.
 */
import { sessionKey } from '../../../src/bot';
import { SESSION_VERSION } from '../../../src/bot/session';
import { startBotHarness, type BotHarness } from '../../support/bot-harness';
import { allTexts, lastText, referenceIn, said } from './helpers';

const OLD_SESSION_AT_REVIEW =
  '{"l":"sw","d":{"id":"jVmPdfz8Dxt4","s":"review","k":"police","c":"p_bribery","tx":"Police asked me for a bribe at the junction.","co":32,"p":"Naivasha road junction","w":"today","at":1795899600000,"ev":[],"dg":false,"an":true}}';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness('bot_upgrade');
});

afterAll(async () => {
  await h?.close();
});

it('carries on with a draft saved by the previous release and files it', async () => {
  const u = h.tg.user({ firstName: 'Nyambura', languageCode: 'en' });
  const key = `${h.prefix}:sess:${sessionKey(h.store.cipher, u.id, u.chatId)}`;
  await h.redis.set(key, OLD_SESSION_AT_REVIEW, 'EX', 3600);

  await u.sendText('/start');
  // The language chosen before the upgrade is kept, and the review shows the old answers.
  expect(said(u)).toBe('Una ripoti ambayo hujamaliza. Tuendelee ulipoishia.');
  expect(lastText(u)).toContain('Naivasha road junction');
  expect(lastText(u)).toContain('Nakuru');

  await u.press('🕶 Tuma bila kutaja jina langu');
  const reference = referenceIn(lastText(u));
  const report = await h.store.reports.findByIdempotencyKey('jVmPdfz8Dxt4');
  expect(report).toMatchObject({ reference, category: 'p_bribery', county: 32, place: 'Naivasha road junction', when: 'today', anonymous: true, language: 'sw' });
  expect(report?.incidentAt?.getTime()).toBe(1795899600000);

  // Written back in today's format, sealed.
  expect(await h.redis.get(key)).toMatch(/^s1\./);
  const stored = await h.current.sessions.get(sessionKey(h.store.cipher, u.id, u.chatId));
  expect(stored).toEqual({ v: SESSION_VERSION, lang: 'sw', lastSubmitted: { draftId: 'jVmPdfz8Dxt4', reference, at: expect.any(Number) } });
});

/** A version 1 session (readable names) half-way through the old order: danger was asked after the evidence. */
const V1_SESSION_AT_EVIDENCE = JSON.stringify({
  v: 1,
  lang: 'en',
  draft: { id: 'Kq2mV8xTn3Wb', step: 'ev', kind: 'police', category: 'p_threats', text: 'They said they would come back for me.', county: 42, place: 'Kondele', when: 'today', incidentAt: 1795899600000, evidence: [] },
});

it('asks a draft of the old step order about danger first, then carries on to the review and files it', async () => {
  const u = h.tg.user({ firstName: 'Onyango', languageCode: 'en' });
  const key = `${h.prefix}:sess:${sessionKey(h.store.cipher, u.id, u.chatId)}`;
  await h.redis.set(key, V1_SESSION_AT_EVIDENCE, 'EX', 3600);

  await u.sendPhoto(); // the reporter carries on where they were: sending evidence
  // The danger question comes first now; the photo is kept.
  expect(lastText(u)).toContain('Is someone in danger right now?');
  await u.press('🚨 Yes');
  expect(allTexts(u).some((t) => t.includes('999 · 112 · 911'))).toBe(true);
  const review = lastText(u);
  expect(review).toContain('Please check your report');
  expect(review).toContain('They said they would come back for me.');
  expect(review).toContain('1 file');
  await u.press('🕶 Send anonymously');
  const report = await h.store.reports.findByIdempotencyKey('Kq2mV8xTn3Wb');
  expect(report).toMatchObject({ category: 'p_threats', county: 42, place: 'Kondele', dangerNow: true, priority: 1, anonymous: true, language: 'en' });
  expect(report!.evidence).toHaveLength(1);
});

/** A version 8 draft at the category, whose first message said someone is in danger: the mark was kept without its time. */
const V8_SESSION_DANGER_SAID = JSON.stringify({ v: 8, lang: 'en', draft: { id: 'Ds8mQ2xTn4Wc', step: 'cat', kind: 'police', dangerSaid: true } });

it('asks the danger question of a draft whose first message said danger at a time not kept: staff are not alerted on words of unknown age', async () => {
  const u = h.tg.user({ firstName: 'Achieng', languageCode: 'en' });
  const key = `${h.prefix}:sess:${sessionKey(h.store.cipher, u.id, u.chatId)}`;
  await h.redis.set(key, V8_SESSION_DANGER_SAID, 'EX', 3600);

  await u.sendText('/start');
  await u.press('Excessive force or brutality');
  expect(lastText(u)).toContain('Is someone in danger right now?');
  expect(allTexts(u).some((t) => t.includes('has been alerted now'))).toBe(false);
  expect(await h.store.reports.findByIdempotencyKey('Ds8mQ2xTn4Wc')).toBeNull();
});
