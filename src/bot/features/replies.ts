import { Routes } from '../routes';
import type { Message } from 'telegraf/types';
import type { MessageRefusal, ReporterMessage } from '../../services/conversation-service';
import type { BotContext, PendingReply } from '../context';
import * as kb from '../keyboards';
import { captionOf, mediaOf } from '../media';

/**
 * Reporter replies: text, photos, voice (and other files) sent outside the wizard while the
 * reporter has an open ticket go to that ticket's conversation for the agent
 * (`ConversationService`). With several open tickets the reporter picks one; with none the
 * message gets the main menu.
 */
export function repliesFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();

  c.on('message', async (ctx, next) => {
    const msg: Message = ctx.message;
    const media = mediaOf(msg);
    const text = 'text' in msg ? msg.text : captionOf(msg);
    if (!media && !('text' in msg)) return next();
    if ('text' in msg && msg.text.startsWith('/')) return next();

    const message: ReporterMessage = { ...(text !== undefined ? { text } : {}), ...(media ? { media } : {}) };
    // With one open ticket the message is stored on it in the same call; with several, the reporter picks.
    const result = await ctx.deps.conversation.take(ctx.from.id, message);
    if (result.ok) return received(ctx, result.reference);
    if (result.reason === 'no_ticket') return next();
    if (result.reason !== 'choose') return refuse(ctx, result);
    ctx.session.pendingReply = { reportIds: result.tickets.map((r) => r.reportId), ...message };
    await ctx.reply(ctx.t('reply.pick'), kb.pickReportKeyboard(ctx.t, result.tickets));
  });

  c.action(/^rp:(\d{1,2})$/, async (ctx) => {
    const pending = ctx.session.pendingReply;
    const reportId = pending?.reportIds[Number(ctx.match[1])];
    await ctx.answerCbQuery();
    if (!pending || !reportId) {
      await ctx.reply(ctx.t('reply.expired'), kb.mainMenu(ctx.t));
      return;
    }
    ctx.session.pendingReply = undefined;
    return attach(ctx, ctx.from.id, reportId, pending);
  });

  return c;
}

function toMessage(p: PendingReply): ReporterMessage {
  return { ...(p.text !== undefined ? { text: p.text } : {}), ...(p.media ? { media: p.media } : {}) };
}

async function refuse(ctx: BotContext, why: MessageRefusal): Promise<void> {
  if (why.reason === 'too_big') await ctx.reply(ctx.t('ev.too_big', { mb: why.maxBytes / (1024 * 1024) }));
  else await ctx.reply(ctx.t(`reply.${why.reason}`, { max: why.max }));
}

async function received(ctx: BotContext, reference: string): Promise<void> {
  await ctx.reply(ctx.t('reply.received', { reference }), { parse_mode: 'HTML' });
}

async function attach(ctx: BotContext, telegramUserId: number, reportId: string, pending: PendingReply): Promise<void> {
  // The service checks again that the report is still this reporter's and still open.
  const result = await ctx.deps.conversation.attach(telegramUserId, reportId, toMessage(pending));
  if (result.ok) return received(ctx, result.reference);
  if (result.reason === 'not_yours' || result.reason === 'not_open') {
    await ctx.reply(ctx.t('reply.expired'), kb.mainMenu(ctx.t));
    return;
  }
  return refuse(ctx, result);
}
