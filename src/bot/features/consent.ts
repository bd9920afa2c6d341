import { Routes } from '../routes';
import type { BotContext } from '../context';

/**
 * callback_data of the consent question's buttons (drawn by the replies worker):
 * `cs:<reportId>:<agency>:<q>:<y|n>`, `q` being the question's own mark; buttons sent before
 * questions had marks carry none.
 */
const CONSENT_DATA = /^cs:([a-f0-9]{24}):([A-Z_]{2,10}):(?:([a-f0-9]{8}):)?([yn])$/;

/**
 * The reporter's answer to "to follow it up, <agency> may need to contact you. May we give them your name and phone
 * number?". The data is not trusted: the service checks the report is this reporter's and the
 * question was asked, and records the answer, to that question, in the audit trail.
 */
export function consentFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();
  c.action(CONSENT_DATA, async (ctx) => {
    const [, reportId, agency, question, yn] = ctx.match;
    const answer = yn === 'y' ? 'yes' : 'no';
    const result = await ctx.deps.conversation.answerConsent(ctx.from.id, reportId, agency, answer, question);
    await ctx.answerCbQuery();
    if (!result.ok) {
      await ctx.reply(ctx.t(result.reason === 'replaced' ? 'consent.replaced' : 'consent.stale'));
      return;
    }
    // The buttons go, so the question cannot be answered twice by accident; a later question can
    // change it. A second tap (a double tap, a retry after an error) is confirmed again, recorded once.
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    const vars = { agency: result.agency, reference: result.reference, ...(result.name ? { name: result.name } : {}) };
    await ctx.reply(ctx.t(`consent.${answer}${result.name ? '_named' : ''}`, vars));
  });
  return c;
}
