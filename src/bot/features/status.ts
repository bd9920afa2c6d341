import { Composer } from 'telegraf';
import { parseReference } from '../../domain';
import type { ReportDoc } from '../../store';
import type { BotContext } from '../context';
import { escapeHtml } from '../html';
import * as kb from '../keyboards';
import { formatDay } from '../wizard';

const HTML = { parse_mode: 'HTML' as const };

function line(ctx: BotContext, r: ReportDoc): string {
  return ctx.t('status.line', {
    reference: r.reference,
    category: escapeHtml(ctx.t(`common:category.${r.category}`)),
    date: formatDay(new Date(r.createdAt).getTime()),
    status: escapeHtml(ctx.t(`common:status.${r.status}`)),
  });
}

/**
 * /status REF shows a report only to the reporter who filed it. Anyone else gets exactly the
 * "not found" an unknown reference gets, so the bot never confirms that a reference exists.
 */
export function statusFeature(): Composer<BotContext> {
  const c = new Composer<BotContext>();

  const list = async (ctx: BotContext) => {
    const reporter = ctx.from ? await ctx.deps.store.reporters.findByTelegramUser(ctx.from.id) : null;
    const open = reporter ? await ctx.deps.store.reports.findOpenByReporter(reporter._id) : [];
    if (!open.length) {
      await ctx.reply(ctx.t('status.none'), kb.mainMenu(ctx.t));
      return;
    }
    await ctx.reply(`${ctx.t('status.list')}\n\n${open.map((r) => line(ctx, r)).join('\n\n')}`, HTML);
  };

  c.command('status', async (ctx) => {
    const arg = ctx.payload.trim();
    if (!arg) return list(ctx);
    const parsed = parseReference(arg);
    if (!parsed.ok) {
      await ctx.reply(ctx.t(`status.${parsed.reason}`), HTML);
      return;
    }
    const report = await ctx.deps.store.reports.findByReference(parsed.reference);
    const reporter = report ? await ctx.deps.store.reporters.findByTelegramUser(ctx.from.id) : null;
    if (!report || !reporter || !report.reporterId.equals(reporter._id)) {
      ctx.log.info({ outcome: 'status_not_found' }, 'status lookup');
      await ctx.reply(ctx.t('status.not_found', { reference: parsed.reference }), HTML);
      return;
    }
    ctx.log.info({ reportId: report._id.toString(), reference: report.reference, outcome: 'status_shown' }, 'status lookup');
    await ctx.reply(`${line(ctx, report)}\n\n${ctx.t(`status.explain.${report.status}`)}`, HTML);
  });

  c.action('m:status', async (ctx) => {
    await ctx.answerCbQuery();
    return list(ctx);
  });
  return c;
}
