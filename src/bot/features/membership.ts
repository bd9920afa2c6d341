import { Routes } from '../routes';
import type { BotContext } from '../context';

/**
 * Telegram tells a bot when someone blocks or unblocks it (`my_chat_member`, in a private chat
 * only then). Blocked: their open named tickets say "reporter unreachable" at once, not only after
 * an agent's message is refused. Unblocked: those tickets are in reach again and what the staff
 * wrote meanwhile is sent. Anonymous tickets change only by their own deliveries and messages
 * (ConversationService). Nothing is said for either: a blocked chat cannot be written to, and
 * the staff's messages are what they come back to.
 */
export function membershipFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();
  c.on('my_chat_member', async (ctx) => {
    const m = ctx.myChatMember;
    if (m.chat.type !== 'private') return;
    const status = m.new_chat_member.status;
    if (status === 'kicked') {
      const marked = await ctx.deps.conversation.unreachableNow(m.from.id);
      if (marked) ctx.log.info({ tickets: marked, outcome: 'blocked' }, 'reporter blocked the bot');
    } else if (status === 'member') {
      const marked = await ctx.deps.conversation.reachableAgain(m.from.id);
      if (marked) ctx.log.info({ tickets: marked, outcome: 'unblocked' }, 'reporter unblocked the bot');
    }
  });
  return c;
}
