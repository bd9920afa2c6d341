import { ConversationService } from '../../../src/services/conversation-service';
import { DeliveryService } from '../../../src/services/delivery-service';
import { RedisEventBus } from '../../../src/queue';
import type { TelegramDouble, TelegramUser } from '../../support/telegram';
import type { Types } from 'mongoose';
import { agent, reporter, reportInput, sentMessage, waitFor, type Harness, workersWithDouble } from '../../support/tickets-harness';
import type { AgentRef } from '../../../src/services/ticket-actions';

jest.setTimeout(30_000);

describe('messages to reporters (replies queue)', () => {
  let tg: TelegramDouble;
  let h: Harness;
  const env = workersWithDouble('q-replies');
  beforeAll(() => {
    tg = env.tg();
    h = env.h();
  });

  /** `a` takes the next ticket, which must be this report's: nothing else waits (see beforeEach). */
  async function takeOwn(a: AgentRef, reportId: Types.ObjectId): Promise<void> {
    const taken = await h.tickets.takeNext(a);
    expect(taken.ok ? taken.report._id.toString() : taken.reason).toBe(reportId.toString());
  }

  /** A reporter on Telegram with a report that `a` has taken. */
  async function takenTicket(opts: { languageCode?: string } = {}): Promise<{ user: TelegramUser; reportId: string; reference: string; a: AgentRef }> {
    const user = tg.user({ firstName: 'Achieng', languageCode: opts.languageCode });
    const lang = opts.languageCode === 'sw' ? 'sw' : 'en';
    const r = await reporter(h.store, { telegramUserId: user.id, language: lang });
    const { report } = await h.reports.submit(reportInput(r._id, { language: lang }));
    const a = agent();
    await takeOwn(a, report._id);
    return { user, reportId: report._id.toString(), reference: report.reference, a };
  }

  /** A bot message in this chat containing `text`, already there or arriving within the timeout. */
  const seen = (user: TelegramUser, text: string, timeoutMs = 10_000) =>
    waitFor(() => user.messages().find((m) => (m.text ?? '').includes(text)), `"${text}" in the reporter's chat`, timeoutMs);

  const sendsTo = (user: TelegramUser) => tg.calls('sendMessage').filter((c) => c.params.chat_id === user.id);

  /** `action` with MongoDB failing the next insert of a message once (a notice's store, say). */
  const withOneMessageInsertFailing = async <T>(action: () => Promise<T>): Promise<T> => {
    const admin = h.store.models.Message.db.getClient().db('admin');
    const namespace = `${h.db.dbName}.${h.store.models.Message.collection.collectionName}`;
    await admin.command({ configureFailPoint: 'failCommand', mode: { times: 1 }, data: { failCommands: ['insert'], errorCode: 50, namespace } });
    try {
      return await action();
    } finally {
      await admin.command({ configureFailPoint: 'failCommand', mode: 'off', data: { namespace } });
    }
  };

  /** A taken ticket referred to IPOA while storing the referral's notice failed: the notice is still owed. */
  async function referredWithNoticeOwed(): Promise<{ user: TelegramUser; reportId: string; a: AgentRef }> {
    const { user, reportId, a } = await takenTicket();
    await seen(user, 'has been taken');
    expect(await withOneMessageInsertFailing(() => h.tickets.refer(reportId, a, 'IPOA'))).toEqual({ ok: true });
    return { user, reportId, a };
  }

  /** No message of any ticket is on its way (queued, paced, retrying or being sent and recorded). */
  const deliveriesDone = async () => {
    const counts = await h.queues.replies.queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized', 'waiting-children');
    return Object.values(counts).every((n) => n === 0) || undefined;
  };

  // Each test starts as if alone: no ticket waiting (one a test released would be taken on the way
  // to the next test's own, its "taken" notice delivered while that test arms a MongoDB failure
  // meant for itself) and no message of an earlier test on its way.
  beforeEach(async () => {
    for (let t = await h.tickets.takeNext(agent()); t.ok; t = await h.tickets.takeNext(agent()));
    await waitFor(deliveriesDone, 'the deliveries of earlier tests recorded');
  });

  it('tells a Swahili reporter in Swahili when the ticket is taken, referred and closed', async () => {
    const { user, reportId, reference, a } = await takenTicket({ languageCode: 'sw' });
    const taken = await seen(user, 'imechukuliwa');
    expect(taken.text).toContain(reference);
    expect(taken.text).toContain('nambari ya kumbukumbu');

    expect(await h.tickets.refer(reportId, a, 'IPOA', 'Officer identified by number')).toEqual({ ok: true });
    const referred = await seen(user, 'imepelekwa');
    expect(referred.text).toContain('Mamlaka Huru ya Kusimamia Utendakazi wa Polisi');
    expect(referred.text).not.toContain('Officer identified'); // internal note stays internal
    // Taken back from the agency: said, naming it; closed from "referred", only the closing notice.
    expect(await h.tickets.changeStatus(reportId, a, 'in_progress')).toEqual({ ok: true });
    expect((await seen(user, 'haiko tena kwa')).text).toContain('Mamlaka Huru ya Kusimamia Utendakazi wa Polisi');
    expect(await h.tickets.refer(reportId, a, 'IPOA')).toEqual({ ok: true });

    expect(await h.tickets.changeStatus(reportId, a, 'resolved')).toEqual({ ok: true });
    await seen(user, 'imeshughulikiwa na kufungwa');
    expect(user.messages().every((m) => !/Your report/.test(m.text ?? ''))).toBe(true);
    // Each is recorded as sent in Kiswahili: the console and case file quote it so, whatever the reporter chooses later.
    await waitFor(async () => (await h.store.messages.listForReport(reportId)).every((m) => m.delivery === 'sent') || undefined, 'every notice marked sent');
    expect(new Set((await h.store.messages.listForReport(reportId)).map((m) => m.sentIn))).toEqual(new Set(['sw']));
  });

  it('relays an agent reply in English with the reference, and asks for more information', async () => {
    const { user, reportId, reference, a } = await takenTicket({ languageCode: 'en' });
    await seen(user, 'has been taken');
    const msg = sentMessage(await h.tickets.reply(reportId, a, 'Which roadblock was it, near which stage?'));
    expect(msg).not.toBeNull();
    const got = await seen(user, 'Which roadblock');
    expect(got.text).toContain(`Message about your report ${reference}`);
    // It opens the reply box on itself, so the answer is a reply (for the staff, even mid-report); notices do not.
    expect(got.replyMarkup).toEqual({ force_reply: true, input_field_placeholder: 'Your answer to Ripoti staff' });
    expect(await h.tickets.changeStatus(reportId, a, 'waiting_reporter')).toEqual({ ok: true });
    expect((await seen(user, 'needs more information')).replyMarkup).toBeUndefined();
    await waitFor(async () => (await h.store.messages.findById(msg!._id))?.delivery === 'sent', 'the reply marked sent');
    const history = (await h.store.reports.history(reportId)).map((e) => e.type);
    expect(history).toEqual(expect.arrayContaining(['assigned', 'reply_queued', 'reply_delivered', 'status_changed']));
  });

  it('waits at least retry_after after a 429 before sending again', async () => {
    const { user, reportId, a } = await takenTicket();
    await seen(user, 'has been taken');
    tg.failNext('sendMessage', { errorCode: 429, retryAfter: 2 });
    const msg = sentMessage(await h.tickets.reply(reportId, a, 'We have called the OCS.'));
    await seen(user, 'called the OCS', 15_000);
    await waitFor(async () => (await h.store.messages.findById(msg!._id))?.delivery === 'sent', 'sent');
    const calls = sendsTo(user).slice(-2);
    expect(calls[0].errorCode).toBe(429);
    expect(calls[1].ok).toBe(true);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(2000);
  });

  it('retries a failed send with growing pauses until it goes through', async () => {
    const { user, reportId, a } = await takenTicket();
    await seen(user, 'has been taken');
    tg.failNext('sendMessage', { errorCode: 502, description: 'Bad Gateway', count: 2 });
    const msg = sentMessage(await h.tickets.reply(reportId, a, 'Retry me'));
    await waitFor(async () => (await h.store.messages.findById(msg!._id))?.delivery === 'sent', 'sent', 15_000);
    const calls = sendsTo(user).slice(-3);
    expect(calls.map((c) => c.errorCode ?? 'ok')).toEqual([502, 502, 'ok']);
    // Exponential backoff from 200 ms: about 200 then 400 ms.
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(190);
    expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(390);
    expect(sendsTo(user).filter((c) => /Retry me/.test(String(c.params.text)) && c.ok)).toHaveLength(1);
  });

  it('marks the ticket "reporter unreachable" when the reporter blocked the bot, without retrying', async () => {
    const { user, reportId, a } = await takenTicket();
    await seen(user, 'has been taken');
    tg.blockBy(user);
    const msg = sentMessage(await h.tickets.reply(reportId, a, 'Are you safe?'));
    await waitFor(async () => (await h.store.messages.findById(msg!._id))?.delivery === 'failed', 'the message marked failed');
    // The ticket's mark is written straight after the message's (DeliveryService.failed), not with it.
    await waitFor(async () => (await h.store.reports.findById(reportId))?.reporterUnreachable === true, 'the ticket marked unreachable');
    // Failed for good at once (UnrecoverableError), not retried with backoff.
    await waitFor(async () => (await h.queues.replies.queue.getJobState(msg!._id.toString())) === 'failed', 'the job to fail');
    expect((await h.queues.replies.queue.getJob(msg!._id.toString()))?.attemptsMade).toBe(1);
    expect(sendsTo(user).filter((c) => c.errorCode === 403)).toHaveLength(1);
    const history = (await h.store.reports.history(reportId)).map((e) => e.type);
    expect(history).toEqual(expect.arrayContaining(['delivery_failed', 'reporter_unreachable']));
    // They unblock the bot: the next reply reaches them, and the ticket no longer says "unreachable".
    tg.unblockBy(user);
    sentMessage(await h.tickets.reply(reportId, a, 'We are still here if you need us.'));
    await seen(user, 'We are still here');
    await waitFor(async () => (await h.store.reports.findById(reportId))?.reporterUnreachable === false, 'the mark cleared');
    // Reached again before the bot heard of the unblock: what was refused meanwhile follows it.
    await seen(user, 'Are you safe?');
    await waitFor(async () => (await h.store.messages.findById(msg!._id))?.delivery === 'sent', 'the refused one recorded as sent');
  });

  it('marks the ticket "reporter unreachable" when Telegram no longer finds the reporter\'s chat (400), as for a block: no retry, the reply and the status notice kept as not delivered, sent once they are back', async () => {
    const { user, reportId, a } = await takenTicket();
    await seen(user, 'has been taken');
    tg.failNext('sendMessage', { chatId: user.id, errorCode: 400, description: 'Bad Request: chat not found', forMs: 60_000 });
    const reply = sentMessage(await h.tickets.reply(reportId, a, 'Did you reach the station?'));
    await waitFor(async () => (await h.store.messages.findById(reply._id))?.delivery === 'failed', 'the reply marked failed');
    await waitFor(async () => (await h.store.reports.findById(reportId))?.reporterUnreachable === true, 'the ticket marked unreachable');
    // The bot's own status notice meets the same refusal: failed at once too, not retried.
    expect(await h.tickets.changeStatus(reportId, a, 'waiting_reporter')).toEqual({ ok: true });
    const notice = await waitFor(async () => (await h.store.messages.listForReport(reportId)).find((m) => m.notice?.key === 'notices:waitingReporter' && m.delivery === 'failed'), 'the notice marked failed');
    for (const id of [reply._id, notice._id]) {
      await waitFor(async () => (await h.queues.replies.queue.getJobState(id.toString())) === 'failed', 'the job to fail');
      expect((await h.queues.replies.queue.getJob(id.toString()))?.attemptsMade).toBe(1);
    }
    expect(sendsTo(user).filter((c) => c.errorCode === 400)).toHaveLength(2);
    const history = (await h.store.reports.history(reportId)).map((e) => e.type);
    expect(history.filter((t) => t === 'delivery_failed')).toHaveLength(2);
    expect(history.filter((t) => t === 'reporter_unreachable')).toHaveLength(1);
    // Their chat is back (they write to the bot again): what was refused goes, in order.
    tg.failNext('sendMessage', { chatId: user.id, errorCode: 400, forMs: 0 });
    const events = new RedisEventBus({ publish: async () => 0 } as never, null, 'unused');
    expect(await new ConversationService({ store: h.store, events, logger: h.logger }).reachableAgain(user.id)).toBe(1);
    await seen(user, 'Did you reach the station?');
    await waitFor(async () => (await h.store.messages.findById(notice._id))?.delivery === 'sent', 'the notice sent after all');
  });

  it('marks the ticket "reporter unreachable" when the reporter deleted their Telegram account (403 "user is deactivated"), as for a block: no retry', async () => {
    const { user, reportId, a } = await takenTicket();
    await seen(user, 'has been taken');
    // Telegram's answer for a deleted account: a 403 that is not "blocked", and no my_chat_member ever says so.
    tg.failNext('sendMessage', { chatId: user.id, errorCode: 403, description: 'Forbidden: user is deactivated', forMs: 60_000 });
    const msg = sentMessage(await h.tickets.reply(reportId, a, 'Can you tell us the station?'));
    await waitFor(async () => (await h.store.messages.findById(msg._id))?.delivery === 'failed', 'the reply marked failed');
    expect((await h.store.reports.findById(reportId))?.reporterUnreachable).toBe(true);
    await waitFor(async () => (await h.queues.replies.queue.getJobState(msg._id.toString())) === 'failed', 'the job to fail');
    expect((await h.queues.replies.queue.getJob(msg._id.toString()))?.attemptsMade).toBe(1);
    expect(sendsTo(user).filter((c) => c.errorCode === 403)).toHaveLength(1);
    const failed = (await h.store.reports.history(reportId)).filter((e) => e.type === 'delivery_failed');
    expect(failed.map((e) => e.data?.reason)).toEqual(['blocked']);
    expect((await h.store.reports.history(reportId)).filter((e) => e.type === 'reporter_unreachable')).toHaveLength(1);
  });

  it('a 400 about the message itself (too long) fails only that message: the ticket is not marked unreachable', async () => {
    const { user, reportId, a } = await takenTicket();
    await seen(user, 'has been taken');
    tg.failNext('sendMessage', { chatId: user.id, errorCode: 400, description: 'Bad Request: message is too long' });
    const msg = sentMessage(await h.tickets.reply(reportId, a, 'A reply Telegram refuses'));
    await waitFor(async () => (await h.store.messages.findById(msg._id))?.delivery === 'failed', 'the message marked failed');
    expect((await h.store.reports.findById(reportId))?.reporterUnreachable).toBe(false);
  });

  it('what the staff wrote while the reporter had blocked the bot reaches them, in order, once they unblock it; a day-old one does not', async () => {
    const { user, reportId, a } = await takenTicket();
    await seen(user, 'has been taken');
    tg.blockBy(user);
    const old = sentMessage(await h.tickets.reply(reportId, a, 'Yesterday: can you call us?'));
    const first = sentMessage(await h.tickets.reply(reportId, a, 'Are you safe? Please answer when you can.'));
    const second = sentMessage(await h.tickets.reply(reportId, a, 'Which station took your brother?'));
    // Each refusal is written last in its history, after the message and the ticket were marked.
    const refusals = async () => (await h.store.reports.history(reportId)).filter((e) => e.type === 'delivery_failed').length;
    await waitFor(async () => (await refusals()) === 3, 'the three refusals recorded');
    await h.store.models.Message.collection.updateOne({ _id: old._id }, { $set: { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) } });
    expect((await h.store.reports.findById(reportId))?.reporterUnreachable).toBe(true);

    // They unblock it (the bot hears it as my_chat_member and asks this of the conversation service).
    tg.unblockBy(user);
    const events = new RedisEventBus({ publish: async () => 0 } as never, null, 'unused');
    expect(await new ConversationService({ store: h.store, events, logger: h.logger }).reachableAgain(user.id)).toBe(1);
    expect((await h.store.reports.findById(reportId))?.reporterUnreachable).toBe(false);
    await seen(user, 'Which station took your brother?');
    const texts = user.messages().map((m) => m.text ?? '');
    expect(texts.findIndex((t) => t.includes('Are you safe?'))).toBeLessThan(texts.findIndex((t) => t.includes('Which station')));
    expect(texts.some((t) => t.includes('Yesterday: can you call us?'))).toBe(false);
    await waitFor(async () => (await h.store.messages.findById(second._id))?.delivery === 'sent', 'the later one recorded as sent');
    expect((await h.store.messages.findById(first._id))?.delivery).toBe('sent');
    expect((await h.store.messages.findById(old._id))?.delivery).toBe('failed');
  });

  it('a ticket closed while MongoDB is slow to note its notices as stored: the closing notice and the rating question reach the reporter meanwhile, not held until then', async () => {
    const { user, reportId, a } = await takenTicket();
    await seen(user, 'has been taken');
    // Stored and queued, both; the write saying they are no longer owed is slow (every caller's, the relay's too).
    const clear = h.store.reports.clearOwedNotices.bind(h.store.reports);
    let ratingBeforeClear: boolean | undefined;
    const spy = jest.spyOn(h.store.reports, 'clearOwedNotices').mockImplementation(async (id, ids) => {
      if (String(id) === reportId && ratingBeforeClear === undefined) ratingBeforeClear = await seen(user, 'did Ripoti help you?', 6000).then(() => true, () => false);
      return clear(id, ids);
    });
    try {
      expect(await h.tickets.changeStatus(reportId, a, 'resolved')).toEqual({ ok: true });
    } finally {
      spy.mockRestore();
    }
    expect(ratingBeforeClear).toBe(true);
    await seen(user, 'has been resolved and closed');
    expect(sendsTo(user).filter((c) => c.ok && String(c.params.text).includes('did Ripoti help you?'))).toHaveLength(1);
  });

  it('a ticket closed while storing its notices fails (MongoDB gave up once the status changed): the reporter is still told, and asked the rating question, once each', async () => {
    const { user, reportId, reference, a } = await takenTicket();
    await seen(user, 'has been taken');
    // Every insert of a message fails for a moment: the close is written, its notices are not.
    const admin = h.store.models.Message.db.getClient().db('admin');
    const namespace = `${h.db.dbName}.${h.store.models.Message.collection.collectionName}`;
    await admin.command({ configureFailPoint: 'failCommand', mode: { times: 3 }, data: { failCommands: ['insert'], errorCode: 50, namespace } });
    try {
      expect(await h.tickets.changeStatus(reportId, a, 'resolved')).toEqual({ ok: true });
    } finally {
      await admin.command({ configureFailPoint: 'failCommand', mode: 'off', data: { namespace } });
    }
    expect((await h.store.reports.findById(reportId))?.status).toBe('resolved');
    // The agent's retry is refused (it is closed already): nothing of theirs writes the notices again.
    expect((await h.tickets.changeStatus(reportId, a, 'resolved')).ok).toBe(false);
    expect((await seen(user, 'has been resolved and closed')).text).toContain(reference);
    await seen(user, 'did Ripoti help you?');
    await waitFor(async () => ((await h.store.messages.listForReport(reportId)).length === 3 && (await h.store.messages.listForReport(reportId)).every((m) => m.delivery === 'sent')) || undefined, 'every notice stored and marked sent');
    expect(sendsTo(user).filter((c) => c.ok && String(c.params.text).includes('has been resolved'))).toHaveLength(1);
    expect(sendsTo(user).filter((c) => c.ok && String(c.params.text).includes('did Ripoti help you?'))).toHaveLength(1);
    // Nothing is left owed: a later pass of the relay stores nothing more.
    await waitFor(async () => ((await h.store.reports.findById(reportId)) as { noticesOwedAt?: Date } | null)?.noticesOwedAt === undefined || undefined, 'nothing owed');
    expect((await h.store.messages.listForReport(reportId)).map((m) => m.notice?.key).sort()).toEqual(['notices:ratingAsk', 'notices:resolved', 'notices:taken']);
  });

  it('referred, then released, each while storing its notice failed: the reporter is told both, in order, once each', async () => {
    const { user, reportId, a } = await takenTicket();
    await seen(user, 'has been taken');
    expect(await withOneMessageInsertFailing(() => h.tickets.refer(reportId, a, 'IPOA'))).toEqual({ ok: true });
    // Staff ask the reporter what the agency needs (no notice is lost here), then give the ticket back to the queue: taken back from IPOA.
    expect(await h.tickets.changeStatus(reportId, a, 'waiting_reporter')).toEqual({ ok: true });
    expect(await withOneMessageInsertFailing(() => h.tickets.release(reportId, a))).toEqual({ ok: true });
    await seen(user, 'it is no longer with');
    const texts = () => user.messages().map((m) => m.text ?? '');
    const at = (words: string) => texts().findIndex((t) => t.includes(words));
    expect(at('has been passed to')).toBeGreaterThan(-1);
    expect(at('has been passed to')).toBeLessThan(at('it is no longer with'));
    await waitFor(async () => (await h.store.messages.listForReport(reportId)).every((m) => m.delivery === 'sent') || undefined, 'every notice marked sent');
    expect(texts().filter((t) => t.includes('has been passed to'))).toHaveLength(1);
    expect(texts().filter((t) => t.includes('it is no longer with'))).toHaveLength(1);
  });

  it('a referral whose notice failed to store, then "waiting for the reporter" at once: the reporter is told of the referral first', async () => {
    const { user, reportId, a } = await referredWithNoticeOwed();
    // The referral's notice is still owed (the outbox relay leaves it a moment to its change) when staff ask for more.
    expect(await h.tickets.changeStatus(reportId, a, 'waiting_reporter')).toEqual({ ok: true });
    await seen(user, 'has been passed to');
    await seen(user, 'needs more information');
    const texts = user.messages().map((m) => m.text ?? '');
    expect(texts.findIndex((t) => t.includes('has been passed to'))).toBeLessThan(texts.findIndex((t) => t.includes('needs more information')));
    await waitFor(async () => (await h.store.messages.listForReport(reportId)).every((m) => m.delivery === 'sent') || undefined, 'every notice marked sent');
    expect(user.messages().filter((m) => (m.text ?? '').includes('has been passed to'))).toHaveLength(1);
  });

  it('a referral whose notice failed to store, then a reply at once: the reporter is told of the referral first', async () => {
    const { user, reportId, a } = await referredWithNoticeOwed();
    // The referral's notice is still owed (the outbox relay leaves it a moment) when the agent writes.
    sentMessage(await h.tickets.reply(reportId, a, 'IPOA will call you tomorrow morning.'));
    await seen(user, 'has been passed to');
    await seen(user, 'IPOA will call you tomorrow morning.');
    const texts = user.messages().map((m) => m.text ?? '');
    expect(texts.findIndex((t) => t.includes('has been passed to'))).toBeLessThan(texts.findIndex((t) => t.includes('IPOA will call you tomorrow morning.')));
    await waitFor(async () => (await h.store.messages.listForReport(reportId)).every((m) => m.delivery === 'sent') || undefined, 'every message marked sent');
    expect(user.messages().filter((m) => (m.text ?? '').includes('has been passed to'))).toHaveLength(1);
  });

  it('a referral whose notice failed to store, then a reply while storing it fails again: the reply waits for it, and each reaches the reporter once, in order', async () => {
    const { user, reportId, a } = await referredWithNoticeOwed();
    // The reply stores the owed notice first; MongoDB fails that insert too. The reply itself is stored and queued.
    const reply = sentMessage(await withOneMessageInsertFailing(() => h.tickets.reply(reportId, a, 'IPOA will visit the station on Monday.')));
    expect(reply.delivery).toBe('pending');
    // The outbox relay stores the notice after its grace; the reply's job is retried until then.
    await seen(user, 'IPOA will visit the station on Monday.');
    await seen(user, 'has been passed to');
    const texts = user.messages().map((m) => m.text ?? '');
    expect(texts.findIndex((t) => t.includes('has been passed to'))).toBeLessThan(texts.findIndex((t) => t.includes('IPOA will visit the station on Monday.')));
    await waitFor(async () => (await h.store.messages.listForReport(reportId)).every((m) => m.delivery === 'sent') || undefined, 'every message marked sent');
    expect(texts.filter((t) => t.includes('has been passed to'))).toHaveLength(1);
    expect(sendsTo(user).filter((c) => c.ok && String(c.params.text).includes('IPOA will visit the station on Monday.'))).toHaveLength(1);
  });

  it('a reply held behind a notice owed first is said once in the logs, not at each retry, and never as a failure', async () => {
    const { user, reportId, a } = await referredWithNoticeOwed();
    // The relay cannot store the owed notice for a while (MongoDB still failing): the reply is held attempt after attempt.
    const owed = jest.spyOn(h.store.reports, 'findOwedNotices').mockResolvedValue([]);
    const warn = jest.spyOn(h.logger, 'warn');
    const info = jest.spyOn(h.logger, 'info');
    try {
      const reply = sentMessage(await withOneMessageInsertFailing(() => h.tickets.reply(reportId, a, 'Did the OCS call you back?')));
      const replyId = reply._id.toString();
      await waitFor(async () => ((await h.queues.replies.queue.getJob(replyId))?.attemptsMade ?? 0) >= 3 || undefined, 'the reply to be held three times', 20_000);
      owed.mockRestore();
      await seen(user, 'Did the OCS call you back?');
      const about = (calls: unknown[][]) => calls.filter(([fields]) => JSON.stringify(fields ?? {}).includes(replyId));
      expect(about(warn.mock.calls)).toEqual([]);
      expect(about(info.mock.calls).filter(([, msg]) => String(msg).includes('owed'))).toHaveLength(1);
    } finally {
      owed.mockRestore();
      warn.mockRestore();
      info.mockRestore();
    }
  });

  it('a reply first held behind an owed notice on a later attempt is still said once in the logs, at info', async () => {
    const { user, reportId, a } = await referredWithNoticeOwed();
    const owed = jest.spyOn(h.store.reports, 'findOwedNotices').mockResolvedValue([]);
    // Its first attempt fails before it gets as far as the hold (a MongoDB blip reading the message).
    const prepare = jest.spyOn(DeliveryService.prototype, 'prepare').mockRejectedValueOnce(new Error('MongoDB blip'));
    const warn = jest.spyOn(h.logger, 'warn');
    const info = jest.spyOn(h.logger, 'info');
    try {
      const reply = sentMessage(await withOneMessageInsertFailing(() => h.tickets.reply(reportId, a, 'Has the OCS written your statement?')));
      const replyId = reply._id.toString();
      await waitFor(async () => ((await h.queues.replies.queue.getJob(replyId))?.attemptsMade ?? 0) >= 4 || undefined, 'the reply to fail once, then be held three times', 20_000);
      owed.mockRestore();
      await seen(user, 'Has the OCS written your statement?');
      const about = (calls: unknown[][]) => calls.filter(([fields]) => JSON.stringify(fields ?? {}).includes(replyId));
      expect(about(warn.mock.calls).map(([, msg]) => msg)).toEqual(['delivery attempt failed']);
      expect(about(info.mock.calls).filter(([, msg]) => String(msg).includes('owed'))).toEqual([[{ messageId: replyId, attempt: 2 }, expect.stringContaining('owed')]]);
      // Neither the reporter's identity nor the message's words reach the logs.
      expect(JSON.stringify(about([...warn.mock.calls, ...info.mock.calls]))).not.toMatch(/OCS written|Achieng/);
    } finally {
      owed.mockRestore();
      prepare.mockRestore();
      warn.mockRestore();
      info.mockRestore();
    }
  });

  it('a ticket taken while storing its "taken" notice fails (MongoDB gave up once the take was written): the reporter is still told, once', async () => {
    const user = tg.user({ firstName: 'Kiprono', languageCode: 'en' });
    const r = await reporter(h.store, { telegramUserId: user.id, language: 'en' });
    const { report } = await h.reports.submit(reportInput(r._id));
    const a = agent();
    // Every insert of a message fails while the agent takes the ticket: the take is written, its notice is not.
    const admin = h.store.models.Message.db.getClient().db('admin');
    const namespace = `${h.db.dbName}.${h.store.models.Message.collection.collectionName}`;
    await admin.command({ configureFailPoint: 'failCommand', mode: 'alwaysOn', data: { failCommands: ['insert'], errorCode: 50, namespace } });
    try {
      await takeOwn(a, report._id);
    } finally {
      await admin.command({ configureFailPoint: 'failCommand', mode: 'off', data: { namespace } });
    }
    expect((await h.store.reports.findById(report._id))?.status).toBe('assigned');
    expect((await seen(user, 'has been taken')).text).toContain(report.reference);
    await waitFor(async () => ((await h.store.reports.findById(report._id)) as { noticesOwedAt?: Date } | null)?.noticesOwedAt === undefined || undefined, 'nothing owed');
    await waitFor(async () => (await h.store.messages.listForReport(report._id)).every((m) => m.delivery === 'sent') || undefined, 'the notice marked sent');
    expect((await h.store.messages.listForReport(report._id)).map((m) => m.notice?.key)).toEqual(['notices:taken']);
    expect(sendsTo(user).filter((c) => c.ok && String(c.params.text).includes('has been taken'))).toHaveLength(1);
  });

  it('the consent question asked while storing it fails (MongoDB gave up once the asking was written): the reporter is still asked, once, with buttons that answer the question in the trail', async () => {
    const { user, reportId, reference, a } = await takenTicket();
    await seen(user, 'has been taken');
    expect(await h.tickets.refer(reportId, a, 'IPOA')).toEqual({ ok: true });
    await seen(user, 'has been passed to');
    const admin = h.store.models.Message.db.getClient().db('admin');
    const namespace = `${h.db.dbName}.${h.store.models.Message.collection.collectionName}`;
    await admin.command({ configureFailPoint: 'failCommand', mode: { times: 1 }, data: { failCommands: ['insert'], errorCode: 50, namespace } });
    try {
      expect(await h.tickets.askConsent(reportId, a)).toEqual({ ok: true });
    } finally {
      await admin.command({ configureFailPoint: 'failCommand', mode: 'off', data: { namespace } });
    }
    const asked = await seen(user, 'May we give them your name and phone number?');
    expect(asked.text).toContain(reference);
    await waitFor(async () => ((await h.store.reports.findById(reportId)) as { noticesOwedAt?: Date } | null)?.noticesOwedAt === undefined || undefined, 'nothing owed');
    await waitFor(async () => (await h.store.messages.listForReport(reportId)).every((m) => m.delivery === 'sent') || undefined, 'every notice marked sent');
    expect(sendsTo(user).filter((c) => c.ok && String(c.params.text).includes('May we give them'))).toHaveLength(1);
    // Asked once in the audit trail, by this agent, and the buttons carry that question's mark.
    const lines = (await h.store.reports.history(reportId)).filter((e) => e.type === 'consent_asked');
    expect(lines.map((e) => ({ agency: e.data?.agency, agentId: String(e.actor.agentId) }))).toEqual([{ agency: 'IPOA', agentId: a.id }]);
    expect(JSON.stringify(asked.replyMarkup)).toContain(`:IPOA:${String(lines[0].data?.q)}:y`);
  });

  it('the consent question whose write was made but answered with an error is asked once: the action says it was asked, so nobody asks again', async () => {
    const { user, reportId, a } = await takenTicket();
    await seen(user, 'has been taken');
    expect(await h.tickets.refer(reportId, a, 'IPOA')).toEqual({ ok: true });
    const Report = h.store.models.Report;
    const original = Report.updateOne.bind(Report);
    // The asking's write reaches MongoDB, and its answer is lost (a write-concern timeout).
    const spy = jest.spyOn(Report, 'updateOne').mockImplementationOnce(((...args: Parameters<typeof original>) => ({ exec: async () => {
      await original(...args).exec();
      throw new Error('waiting for replication timed out');
    } })) as never);
    try {
      expect(await h.tickets.askConsent(reportId, a)).toEqual({ ok: true });
    } finally {
      spy.mockRestore();
    }
    await seen(user, 'May we give them your name and phone number?');
    await waitFor(async () => ((await h.store.reports.findById(reportId)) as { noticesOwedAt?: Date } | null)?.noticesOwedAt === undefined || undefined, 'nothing owed');
    await waitFor(async () => (await h.store.messages.listForReport(reportId)).every((m) => m.delivery === 'sent') || undefined, 'every notice marked sent');
    expect(sendsTo(user).filter((c) => c.ok && String(c.params.text).includes('May we give them'))).toHaveLength(1);
    expect((await h.store.reports.history(reportId)).filter((e) => e.type === 'consent_asked')).toHaveLength(1);
  });

  it('a reply to an anonymous reporter asking who they are, whose audit line failed, sent again from the same draft: audited once, delivered once', async () => {
    const user = tg.user({ firstName: 'Audited', languageCode: 'en' });
    const r = await reporter(h.store, { telegramUserId: user.id, language: 'en' });
    const { report } = await h.reports.submit({ ...reportInput(r._id), anonymous: true });
    const reportId = report._id.toString();
    const a = agent();
    await takeOwn(a, report._id);
    await seen(user, 'has been taken');
    // Nothing else writes any ticket's history now: this ticket's "taken" notice is delivered and
    // recorded (its reply_delivered line would otherwise take the one failure meant for the reply).
    await waitFor(deliveriesDone, 'every delivery recorded');
    const text = 'What is your name, so that we can follow up?';
    const draftKey = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
    // The history's insert fails once (MongoDB gave up on it): the message is stored, its audit line is not.
    const admin = h.store.models.ReportEvent.db.getClient().db('admin');
    const namespace = `${h.db.dbName}.${h.store.models.ReportEvent.collection.collectionName}`;
    await admin.command({ configureFailPoint: 'failCommand', mode: { times: 1 }, data: { failCommands: ['insert'], errorCode: 50, namespace } });
    try {
      await expect(h.tickets.reply(reportId, a, text, { draftKey, identityAskConfirmed: true })).rejects.toThrow();
    } finally {
      await admin.command({ configureFailPoint: 'failCommand', mode: 'off', data: { namespace } });
    }
    // The agent sends the same draft again (the console keeps its key).
    const again = sentMessage(await h.tickets.reply(reportId, a, text, { draftKey, identityAskConfirmed: true }));
    await seen(user, text);
    await waitFor(async () => (await h.store.messages.findById(again._id))?.delivery === 'sent', 'the reply marked sent');
    expect(sendsTo(user).filter((c) => String(c.params.text).includes(text))).toHaveLength(1);
    // Asking an anonymous reporter who they are is in the audit trail, with who asked: once.
    const queued = (await h.store.reports.history(reportId)).filter((e) => e.type === 'reply_queued');
    expect(queued.map((e) => ({ messageId: e.data?.messageId, identityAsk: e.data?.identityAsk, agentId: String(e.actor.agentId) }))).toEqual([
      { messageId: again._id.toString(), identityAsk: expect.any(String), agentId: a.id },
    ]);
  });

  it('a reply sent again from the same draft (its first answer lost) is one message to the reporter', async () => {
    const { user, reportId, a } = await takenTicket();
    await seen(user, 'has been taken');
    const draftKey = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const first = sentMessage(await h.tickets.reply(reportId, a, 'Please stay where you are.', { draftKey }));
    const again = sentMessage(await h.tickets.reply(reportId, a, 'Please stay where you are.', { draftKey }));
    expect(again._id.toString()).toBe(first._id.toString());
    await seen(user, 'Please stay where you are.');
    // A new draft is a new message.
    const next = sentMessage(await h.tickets.reply(reportId, a, 'Please stay where you are.', { draftKey: 'ffeeddccbbaa99887766554433221100' }));
    expect(next._id.toString()).not.toBe(first._id.toString());
    await waitFor(async () => (await h.store.messages.findById(next._id))?.delivery === 'sent', 'the second draft delivered');
    const outgoing = (await h.store.messages.listForReport(reportId)).filter((m) => m.text === 'Please stay where you are.');
    expect(outgoing).toHaveLength(2);
    expect(sendsTo(user).filter((c) => String(c.params.text).includes('Please stay where you are.'))).toHaveLength(2);
    expect((await h.store.reports.history(reportId)).filter((e) => e.type === 'reply_queued')).toHaveLength(2);
  });

  it('keeps about a second between messages to one chat without holding up other chats', async () => {
    const one = await takenTicket();
    const two = await takenTicket();
    await seen(one.user, 'has been taken');
    await seen(two.user, 'has been taken');
    // All four wait before the first goes: written one by one on a loaded machine, two's came after
    // one's second had gone and proved nothing (seen in CI). Two's must not wait behind one's gaps.
    await h.queues.replies.queue.pause();
    try {
      for (const n of [1, 2, 3]) await h.tickets.reply(one.reportId, one.a, `Update ${n} for one`);
      await h.tickets.reply(two.reportId, two.a, 'Update for two');
    } finally {
      await h.queues.replies.queue.resume();
    }
    await seen(one.user, 'Update 3 for one', 15_000);
    await seen(two.user, 'Update for two');
    const toOne = sendsTo(one.user).filter((c) => /Update \d for one/.test(String(c.params.text)));
    expect(toOne.map((c) => String(c.params.text).match(/Update (\d)/)?.[1])).toEqual(['1', '2', '3']); // in order
    for (let i = 1; i < toOne.length; i++) expect(toOne[i].at - toOne[i - 1].at).toBeGreaterThanOrEqual(1000);
    const toTwo = sendsTo(two.user).find((c) => /Update for two/.test(String(c.params.text)));
    expect(toTwo!.at).toBeLessThan(toOne[1].at);
  });

  it('two messages to a reporter arrive in the order they were written, even when the later one is picked up first', async () => {
    const { user, reportId } = await takenTicket();
    await seen(user, 'has been taken');
    const first = await h.store.messages.addOutgoing(reportId, { text: 'Where are you now?' });
    const second = await h.store.messages.addOutgoing(reportId, { text: 'Stay there, help is coming.' });
    // The later one's job runs first (a slower read for the first, a retry, the outbox relay's re-queue).
    await h.queues.replies.deliver(second._id);
    await waitFor(async () => ['delayed', 'completed'].includes(await h.queues.replies.queue.getJobState(second._id.toString())), 'the later message handled once');
    await h.queues.replies.deliver(first._id);
    await seen(user, 'Stay there, help is coming.');
    const order = sendsTo(user)
      .map((c) => String(c.params.text))
      .filter((t) => t.includes('Where are you now?') || t.includes('Stay there'));
    expect(order.map((t) => (t.includes('Where') ? 'first' : 'second'))).toEqual(['first', 'second']);
  });

  it('a message written after one Telegram refused still reaches the reporter, in its turn', async () => {
    const { user, reportId } = await takenTicket();
    await seen(user, 'has been taken');
    const refused = await h.store.messages.addOutgoing(reportId, { text: 'x'.repeat(5000) });
    const after = await h.store.messages.addOutgoing(reportId, { text: 'Are you safe now?' });
    await h.queues.replies.deliver(after._id);
    await waitFor(async () => ['delayed', 'completed'].includes(await h.queues.replies.queue.getJobState(after._id.toString())), 'the later message handled once');
    await h.queues.replies.deliver(refused._id);
    await seen(user, 'Are you safe now?');
    expect((await h.store.messages.findById(refused._id))?.delivery).toBe('failed');
    // Recorded once Telegram has answered, which is after the reporter's phone shows it.
    await waitFor(async () => (await h.store.messages.findById(after._id))?.delivery === 'sent', 'the later message recorded as sent');
  });

  it('never sends a message twice, even if its job is queued again', async () => {
    const { user, reportId, a } = await takenTicket();
    await seen(user, 'has been taken');
    const msg = sentMessage(await h.tickets.reply(reportId, a, 'Only once please'));
    await seen(user, 'Only once please');
    await waitFor(async () => (await h.store.messages.findById(msg!._id))?.delivery === 'sent', 'sent');
    await h.queues.replies.deliver(msg!._id); // same id: no new job
    const forced = await h.queues.replies.queue.add('message', { kind: 'message', messageId: msg!._id.toString() }, { jobId: `again-${msg!._id.toString()}` });
    await waitFor(async () => (await forced.isCompleted()) && (await h.queues.replies.queue.getJob(forced.id!)), 'the forced job to finish');
    expect((await h.queues.replies.queue.getJob(forced.id!))?.returnvalue).toBe('already');
    expect(sendsTo(user).filter((c) => /Only once please/.test(String(c.params.text)))).toHaveLength(1);
  });

  it('lets only the assignee or a supervisor act on an assigned ticket', async () => {
    const { user, reportId, a } = await takenTicket();
    await seen(user, 'has been taken');
    const other = agent();
    const notYours = { ok: false, reason: 'not_assignee' };
    expect(await h.tickets.reply(reportId, other, 'hello')).toEqual(notYours);
    expect(await h.tickets.changeStatus(reportId, other, 'in_progress')).toEqual(notYours);
    expect(await h.tickets.addNote(reportId, other, 'note')).toEqual(notYours);
    expect(await h.tickets.release(reportId, other)).toEqual(notYours);
    expect(await h.tickets.changeStatus(reportId, a, 'in_progress')).toEqual({ ok: true });
    expect(await h.tickets.changeStatus(reportId, a, 'in_progress')).toEqual({ ok: false, reason: 'wrong_status' });
    expect(await h.tickets.addNote(reportId, a, 'Called the reporter, no answer')).toEqual({ ok: true });
    expect(await h.tickets.addNote(reportId, a, '   ')).toEqual({ ok: false, reason: 'empty' });
    const boss = agent('supervisor');
    expect(await h.tickets.changeStatus(reportId, boss, 'rejected', { rejectReason: 'duplicate' })).toEqual({ ok: true });
    // Told why: another report of the same incident, not only "send a new report".
    await seen(user, 'has been closed because we already have a report of the same incident');
    // Closed: no further transitions or replies, even for a supervisor; notes still go in.
    expect(await h.tickets.changeStatus(reportId, boss, 'in_progress')).toEqual({ ok: false, reason: 'closed' });
    expect(await h.tickets.reply(reportId, boss, 'hello again')).toEqual({ ok: false, reason: 'closed' });
    expect(await h.tickets.addNote(reportId, boss, 'Duplicate of an earlier report')).toEqual({ ok: true });
    expect(await h.tickets.addNote('0123456789abcdef01234567', boss, 'x')).toEqual({ ok: false, reason: 'not_found' });
    expect(h.events).toEqual(expect.arrayContaining([{ type: 'ticket', reportId, what: 'status' }, { type: 'ticket', reportId, what: 'note' }]));
  });
});
