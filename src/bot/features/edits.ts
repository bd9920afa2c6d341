import { Routes } from '../routes';
import type { BotContext } from '../context';

/**
 * An edited message: Telegram sends the new text, but the one first sent is what was taken (an
 * answer, a story, a message to staff). Saying nothing would leave the reporter believing the
 * correction was seen.
 */
export function editsFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();
  c.on('edited_message', async (ctx) => {
    const msg = ctx.editedMessage;
    // A live location moving is an edit too: nothing the reporter typed.
    if (!('text' in msg) && !('caption' in msg)) return;
    // Said once per message, however often it is edited.
    if (ctx.session.editTold === msg.message_id) return;
    ctx.session.editTold = msg.message_id;
    // During a report a new message would be added to the story, not correct it: the review's Change does.
    await ctx.reply(ctx.t(ctx.session.draft ? 'wizard.edit_not_seen_draft' : 'wizard.edit_not_seen'));
  });
  return c;
}
