/**
 * Telegram allows about 20 messages a minute into one group: a 429 on the supervisors' group is
 * that group's own limit. It holds the group's alerts for retry_after, never the replies to
 * reporters nor the bot's answers (the shared budget), as a 429 for one reporter's chat does.
 */
import type { TelegramDouble, TelegramUser } from '../../support/telegram';
import { agent, reporter, reportInput, sentMessage, waitFor, type Harness, takeUntilHeld, withSupervisorsGroup } from '../../support/tickets-harness';
import type { AgentRef } from '../../../src/services/ticket-actions';

jest.setTimeout(30_000);

const RETRY_AFTER_S = 5;

describe.each([
  ['with the shared budget', 20],
  ['without the shared budget', undefined],
])('a 429 on the supervisors\' group (%s)', (_name, budgetPerSecond) => {
  let tg: TelegramDouble;
  let group: TelegramUser;
  let h: Harness;
  const a: AgentRef = agent();
  beforeAll(async () => {
    ({ tg, group, h } = await withSupervisorsGroup(budgetPerSecond ? 'q-grp-flood-b' : 'q-grp-flood', { relay: { intervalMs: 200 }, replies: { backoffMs: 200 } }, budgetPerSecond));
  });
  afterAll(async () => {
    await h.close();
    await tg.stop();
  });

  const callsTo = (chatId: number) => tg.calls('sendMessage').filter((c) => c.params.chat_id === chatId);

  it('holds only the group for retry_after: a reply to a reporter goes at once, and the alert follows the wait', async () => {
    const user = tg.user({ firstName: 'Njeri', languageCode: 'en' });
    const r = await reporter(h.store, { telegramUserId: user.id, language: 'en' });
    const { report } = await h.reports.submit(reportInput(r._id, { language: 'en' }));
    await takeUntilHeld(h, a, report._id);
    await waitFor(() => user.messages().find((m) => (m.text ?? '').includes('has been taken')), 'the taken notice');

    // Another ticket waits too long: its alert meets the group's flood wait.
    tg.failNext('sendMessage', { chatId: group.id, errorCode: 429, retryAfter: RETRY_AFTER_S });
    const raised = (await h.reports.submit(reportInput((await reporter(h.store))._id))).report;
    expect(await h.store.reports.escalate(raised._id, 2, { escalations: 0 })).not.toBeNull();
    await h.queues.replies.notifySupervisors(raised._id.toString(), 1);
    const refused = await waitFor(() => callsTo(group.id).find((c) => c.errorCode === 429), 'the group refused with 429');

    sentMessage(await h.tickets.reply(report._id.toString(), a, 'We are on it'));
    const reply = await waitFor(() => callsTo(user.id).find((c) => c.ok && String(c.params.text).includes('We are on it')), 'the reply to the reporter', 15_000);
    // Not held for the group's retry_after (its chat's own second apart from the notice at most).
    expect(reply.at - refused.at).toBeLessThan(2500);

    const alert = await waitFor(() => callsTo(group.id).find((c) => c.ok && String(c.params.text).includes(raised.reference)), 'the alert after the wait', 20_000);
    expect(alert.at - refused.at).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 50);
    // Told once.
    expect(callsTo(group.id).filter((c) => c.ok && String(c.params.text).includes(raised.reference))).toHaveLength(1);
  });
});
