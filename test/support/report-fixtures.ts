import { randomUUID } from 'node:crypto';
import type { Lang, NewReport, ReporterIdentity, Store } from '../../src/store';

let nextUser = 700_000_000;

/** A reporter and a plausible report, for tests that need tickets without walking the wizard. */
export async function seedReport(store: Store, overrides: Partial<NewReport> = {}, who: { telegramUserId?: number; firstName?: string; phone?: string } = {}) {
  const telegramUserId = who.telegramUserId ?? nextUser++;
  const { reporter } = await store.reporters.upsertFromTelegram({ telegramUserId, chatId: telegramUserId, firstName: who.firstName ?? 'Otieno' }, 'en');
  if (who.phone) await store.reporters.setPhone(reporter._id, who.phone);
  const { report } = await store.reports.create({
    idempotencyKey: randomUUID(),
    reporterId: reporter._id,
    language: 'en',
    kind: 'police',
    category: 'p_bribery',
    description: { text: 'An officer at the roadblock demanded 500 shillings.' },
    county: 47,
    place: 'Outering Road roadblock',
    when: 'today',
    incidentAt: new Date(),
    dangerNow: false,
    anonymous: false,
    evidence: [],
    priority: 3,
    ...overrides,
  });
  return { reporter, report, telegramUserId };
}

/**
 * The reporter's record takes the names (and language) a named report of theirs came with, as
 * intake writes them once that report is stored (`refreshIdentity`): finding the record as a
 * report comes in never writes them.
 */
export async function namedAs(store: Store, who: Omit<ReporterIdentity, 'phone'>, language: Lang = 'en') {
  const record = await store.reporters.findByTelegramUser(who.telegramUserId);
  if (!record) throw new Error(`no reporter record for ${who.telegramUserId}`);
  return store.reporters.refreshIdentity(record, who, language);
}
