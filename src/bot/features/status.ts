import { Routes } from '../routes';
import { parseReference } from '../../domain';
import type { ReportStatus } from '../../services/reporter-service';
import { namesOf } from '../commands';
import type { BotContext } from '../context';
import { escapeHtml } from '../html';
import * as kb from '../keyboards';
import { formatDay, resumeIfWriting } from '../wizard';

const HTML = { parse_mode: 'HTML' as const };

function line(ctx: BotContext, r: ReportStatus): string {
  return ctx.t('status.line', {
    reference: r.reference,
    // As on the button the reporter tapped; the full names (`category.*`) are the staff's.
    category: escapeHtml(ctx.t(`common:categoryButton.${r.category}`)),
    date: formatDay(r.createdAt.getTime()),
    status: escapeHtml(ctx.t(`common:status.${r.status}`)),
  });
}

const REF = 'R-[A-Z0-9]{4}-[A-Z0-9]{4}';
/**
 * Their reports asked for in words, the whole message: the command's name alone, the menu button's
 * label typed ("Ripoti zangu", "My reports"), or the question as people put it ("hali ya ripoti
 * yangu?", "ripoti yangu imefika wapi", "status of my report"). Sent to an open ticket, such a
 * question was stored for staff and answered "added to your report", and the status never came.
 */
const ASKS_FOR_REPORTS = new RegExp(
  '^\\s*(?:🔎\\s*)?(?:' +
    [
      'hali|status',
      '(?:check\\s+)?(?:the\\s+)?(?:status\\s+of\\s+)?my\\s+reports?(?:\\s+status)?',
      'check\\s+(?:the\\s+|my\\s+)?status',
      'where\\s+is\\s+my\\s+report',
      '(?:hali|status)\\s+ya\\s+(?:ripoti|report)(?:\\s+(?:yangu|zangu))?',
      '(?:ripoti|report)\\s+(?:zangu|yangu)(?:\\s+(?:imefika\\s+wapi|iko\\s+wapi|inaendeleaje))?',
    ].join('|') +
    ')\\s*[?.!]*\\s*$',
  'i',
);

/** The example in /help and the menu's hint, typed as it is (any case, dashes or not). */
const PLACEHOLDER = /^r-?x{4}-?x{4}$/i;

/**
 * Withdrawing a report from /status: the button asks once more (it cannot be undone), then the
 * service decides (only the reporter's own, only before an agency has it). Data is not trusted.
 */
function withdrawRoutes(c: Routes<BotContext>): void {
  c.action(new RegExp(`^wd:(${REF})$`), async (ctx) => {
    const reference = ctx.match[1];
    await ctx.answerCbQuery();
    await ctx.reply(ctx.t('status.withdraw.confirm', { reference }), {
      ...HTML,
      ...kb.withdrawAskKeyboard(ctx.t, reference),
    });
  });
  c.action(new RegExp(`^wn:(${REF})$`), async (ctx) => {
    await ctx.answerCbQuery();
    await ctx.editMessageText(ctx.t('status.withdraw.kept', { reference: ctx.match[1] }), HTML).catch(() => undefined);
  });
  c.action(new RegExp(`^wy:(${REF})$`), async (ctx) => {
    await ctx.answerCbQuery();
    const result = await ctx.deps.conversation.withdraw(ctx.from.id, ctx.match[1]);
    const text = result.ok
      ? ctx.t('status.withdraw.done', { reference: result.reference })
      : result.reason === 'referred'
        ? ctx.t('status.withdraw.referred', { reference: result.reference, agency: result.agency })
        : ctx.t(result.reason === 'closed' ? 'status.withdraw.closed' : 'status.not_found', { reference: ctx.match[1] });
    // The question is replaced by the outcome, so its buttons cannot be pressed twice.
    await ctx.editMessageText(text, HTML).catch(() => ctx.reply(text, HTML));
    // The report withdrawn is the one still being written (stored at once when someone was in
    // danger): it ends here, or its next question would take the reporter's words and a Send
    // would open it again.
    if (result.ok && ctx.session.draft?.urgent === result.reference) {
      ctx.session.draft = undefined;
      await ctx.reply(ctx.t('menu.prompt'), kb.mainMenu(ctx.t));
    }
  });
}

/** The reporter's open reports; `quiet`: after a wrong reference, nothing more is said when they have none. */
async function listOpen(ctx: BotContext, quiet = false): Promise<void> {
  const open = ctx.from ? await ctx.deps.reporters.openReports(ctx.from.id) : [];
  if (!open.length) {
    if (quiet) return;
    // In the middle of a report, "no open reports" beside "a report in progress" read as a contradiction.
    if (ctx.session.draft) await ctx.reply(ctx.t('status.none_writing'));
    else await ctx.reply(ctx.t('status.none'), kb.mainMenu(ctx.t));
    return;
  }
  await ctx.reply(`${ctx.t('status.list')}\n\n${open.map((r) => line(ctx, r)).join('\n\n')}`, HTML);
}


/** /status REF: one report, only to the reporter who filed it; a wrong reference is followed by their open reports. */
async function showOne(ctx: BotContext & { from: NonNullable<BotContext['from']> }, arg: string): Promise<void> {
  if (!arg) return listOpen(ctx);
  // "/status R-XXXX-XXXX" copied from /help as it is: what goes there, then their reports.
  if (PLACEHOLDER.test(arg)) {
    await ctx.reply(ctx.t('status.placeholder'), HTML);
    return listOpen(ctx);
  }
  const parsed = parseReference(arg);
  // A reference mistyped or misremembered: their own open reports follow, with the right number
  // to copy (someone else's reference still reads as one that does not exist).
  if (!parsed.ok) {
    await ctx.reply(ctx.t(`status.${parsed.reason}`), HTML);
    return listOpen(ctx, true);
  }
  const found = await ctx.deps.reporters.status(ctx.from.id, parsed.reference);
  if (!found.ok) {
    await ctx.reply(ctx.t('status.not_found', { reference: parsed.reference }), HTML);
    return listOpen(ctx, true);
  }
  // A report no agency has had can be withdrawn by its reporter, here.
  const withdraw = found.report.withdrawable ? kb.withdrawKeyboard(ctx.t, found.report.reference) : {};
  // Waiting for them, but they have answered since: not "please reply" again.
  const explain = found.report.answered ? 'status.explain.waiting_reporter_answered' : `status.explain.${found.report.status}`;
  await ctx.reply(`${line(ctx, found.report)}\n\n${referredTo(ctx, found.report) ?? ctx.t(explain)}`, { ...HTML, ...withdraw });
}

/** A referred report: which agency has it, as the referral notice said (a referral stored without one: the general words). */
function referredTo(ctx: BotContext, r: ReportStatus): string | undefined {
  const to = r.referredTo;
  if (!to) return undefined;
  return to.name ? ctx.t('status.explain.referred_named', { name: escapeHtml(to.name) }) : ctx.t('status.explain.referred_to', { agency: to.agency });
}

/** /status lists the reporter's open reports; /status REF shows one, only to the reporter who filed it (`ReporterService`). */
export function statusFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();

  // Asked in the middle of a report: answered, then its question again.
  c.command(namesOf('status'), async (ctx) => {
    await showOne(ctx, ctx.payload.trim());
    await resumeIfWriting(ctx);
  });
  // "hali R-7K3F-9QX2" typed without the slash, or the reference alone ("R-7K3F-9QX2?"), is the
  // same question, not a message for staff (who see the report it is about anyway).
  c.hears(/^\s*(?:\/?(?:hali|status)\s+)?(R-?[A-Z0-9]{4}-?[A-Z0-9]{4})\s*\??\s*$/i, async (ctx) => {
    await showOne(ctx, ctx.match[1]);
    await resumeIfWriting(ctx);
  });
  // The command's name alone ("status", "Hali?"), or their reports asked for in words: their open
  // reports, as the command lists them.
  c.hears(ASKS_FOR_REPORTS, async (ctx) => {
    await listOpen(ctx);
    await resumeIfWriting(ctx);
  });
  withdrawRoutes(c);

  c.action('m:status', async (ctx) => {
    await ctx.answerCbQuery();
    await listOpen(ctx);
    await resumeIfWriting(ctx);
  });
  return c;
}
