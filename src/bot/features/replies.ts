import { Composer } from 'telegraf';
import type { Message } from 'telegraf/types';
import { checkText, LIMITS } from '../../domain';
import type { BotContext, MediaRef, PendingReply } from '../context';
import * as kb from '../keyboards';
import { captionOf, mediaOf, toEvidence } from '../media';

/**
 * Reporter replies: text, photos, voice (and other files) sent outside the wizard while the
 * reporter has an open ticket go to that ticket's conversation for the agent. With several open
 * tickets the reporter picks one; with none the message gets the main menu.
 */
export function repliesFeature(): Composer<BotContext> {
  const c = new Composer<BotContext>();

  c.on('message', async (ctx, next) => {
    const msg: Message = ctx.message;
    const media = mediaOf(msg);
    const text = 'text' in msg ? msg.text : captionOf(msg);
    if (!media && !('text' in msg)) return next();
    if ('text' in msg && msg.text.startsWith('/')) return next();

    const reporter = await ctx.deps.store.reporters.findByTelegramUser(ctx.from.id);
    const open = reporter ? await ctx.deps.store.reports.findOpenByReporter(reporter._id) : [];
    if (!open.length) return next();

    if (text !== undefined && !media) {
      const check = checkText(text, LIMITS.replyMaxChars);
      if (!check.ok) {
        await ctx.reply(ctx.t(`reply.${check.reason}`, { max: check.max }));
        return;
      }
    }
    if (media?.s !== undefined && media.s > LIMITS.evidenceMaxBytes) {
      await ctx.reply(ctx.t('ev.too_big', { mb: LIMITS.evidenceMaxBytes / (1024 * 1024) }));
      return;
    }
    const pending: PendingReply = { ids: open.map((r) => r._id.toString()), ...(text !== undefined ? { tx: text } : {}), ...(media ? { m: media } : {}) };
    if (open.length === 1) return attach(ctx, open[0]._id.toString(), open[0].reference, pending);
    ctx.session.rp = pending;
    await ctx.reply(ctx.t('reply.pick'), kb.pickReportKeyboard(ctx.t, open));
  });

  c.action(/^rp:(\d{1,2})$/, async (ctx) => {
    const pending = ctx.session.rp;
    const reportId = pending?.ids[Number(ctx.match[1])];
    await ctx.answerCbQuery();
    if (!pending || !reportId) {
      await ctx.reply(ctx.t('reply.expired'), kb.mainMenu(ctx.t));
      return;
    }
    // Never trust the index alone: the report must still be this reporter's and still open.
    const reporter = await ctx.deps.store.reporters.findByTelegramUser(ctx.from.id);
    const open = reporter ? await ctx.deps.store.reports.findOpenByReporter(reporter._id) : [];
    const report = open.find((r) => r._id.toString() === reportId);
    if (!report) {
      ctx.session.rp = undefined;
      await ctx.reply(ctx.t('reply.expired'), kb.mainMenu(ctx.t));
      return;
    }
    ctx.session.rp = undefined;
    return attach(ctx, reportId, report.reference, pending);
  });

  return c;
}

async function attach(ctx: BotContext, reportId: string, reference: string, p: { tx?: string; m?: MediaRef }): Promise<void> {
  const { store, events } = ctx.deps;
  const media = p.m ? toEvidence(p.m) : undefined;
  const message = await store.messages.addIncoming(reportId, { ...(p.tx !== undefined ? { text: p.tx } : {}), ...(media ? { media } : {}) });
  await store.reports.addEvent(reportId, 'reporter_message', { kind: 'reporter' }, { messageId: message._id.toString(), kind: message.kind });
  await events.publish({ type: 'ticket', reportId, what: 'message' });
  ctx.log.info({ reportId, reference, outcome: 'reply_attached', kind: message.kind }, 'reporter message attached');
  await ctx.reply(ctx.t('reply.received', { reference }), { parse_mode: 'HTML' });
}
