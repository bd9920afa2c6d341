import { Routes } from '../routes';
import type { BotContext } from '../context';

/** callback_data of the consent question's buttons (drawn by the replies worker): `cs:<reportId>:<agency>:<y|n>`. */
const CONSENT_DATA = /^cs:([a-f0-9]{24}):([A-Z_]{2,10}):([yn])$/;

/**
 * The reporter's answer to "<agency> would like to contact you. May we give them your name and phone
 * number?". The data is not trusted: the service checks the report is this reporter's and the
 * question was asked for that agency, and records the answer in the audit trail.
 */
export function consentFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();
  c.action(CONSENT_DATA, async (ctx) => {
    const [, reportId, agency, yn] = ctx.match;
    const answer = yn === 'y' ? 'yes' : 'no';
    const result = await ctx.deps.conversation.answerConsent(ctx.from.id, reportId, agency, answer);
    await ctx.answerCbQuery();
    if (!result.ok) {
      await ctx.reply(ctx.t('consent.stale'));
      return;
    }
    // The buttons go, so the question cannot be answered twice by accident; a later question can change it.
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    await ctx.reply(ctx.t(`consent.${answer}`, { agency: result.agency, reference: result.reference }));
  });
  return c;
}
