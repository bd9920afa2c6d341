import { randomUUID } from 'node:crypto';
import type { NewReport, Store } from '../../src/store';

let nextUser = 700_000_000;

/** A reporter and a plausible report, for tests that need tickets without walking the wizard. */
export async function seedReport(store: Store, overrides: Partial<NewReport> = {}, who: { telegramUserId?: number; firstName?: string; phone?: string } = {}) {
  const telegramUserId = who.telegramUserId ?? nextUser++;
  const reporter = await store.reporters.upsertFromTelegram({ telegramUserId, chatId: telegramUserId, firstName: who.firstName ?? 'Otieno' }, 'en');
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
