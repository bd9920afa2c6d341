import { Routes } from '../routes';
import { namesOf } from '../commands';
import type { BotContext } from '../context';
import { beginReport, buttonInput, runWizard, WIZARD_DATA, wizardMessage } from '../wizard';

/** The report wizard: /cancel, its buttons, and every message while a draft is open. */
export function reportFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();
  c.command(namesOf('cancel'), (ctx) => runWizard(ctx, { type: 'cancel' }));
  c.command(namesOf('report'), (ctx) => beginReport(ctx));

  // Anything that does not parse as wizard data is answered as stale by the fallback.
  c.action(WIZARD_DATA, (ctx) => runWizard(ctx, buttonInput(ctx.match)));

  c.on('message', async (ctx, next) => {
    // The end of a split paste's wait is for the wizard only, never a message to an agent.
    if (!ctx.session.draft && !ctx.parts.isFlush(ctx.update)) return next();
    return wizardMessage(ctx);
  });
  return c;
}
