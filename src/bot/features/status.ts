import { Routes } from '../routes';
import { parseReference } from '../../domain';
import type { ReportStatus } from '../../services/reporter-service';
import { namesOf } from '../commands';
import type { BotContext } from '../context';
import { escapeHtml } from '../html';
import * as kb from '../keyboards';
import { formatDay } from '../wizard';

const HTML = { parse_mode: 'HTML' as const };

function line(ctx: BotContext, r: ReportStatus): string {
  return ctx.t('status.line', {
    reference: r.reference,
    category: escapeHtml(ctx.t(`common:category.${r.category}`)),
    date: formatDay(r.createdAt.getTime()),
    status: escapeHtml(ctx.t(`common:status.${r.status}`)),
  });
}

/** /status lists the reporter's open reports; /status REF shows one, only to the reporter who filed it (`ReporterService`). */
export function statusFeature(): Routes<BotContext> {
  const c = new Routes<BotContext>();

  const list = async (ctx: BotContext) => {
    const open = ctx.from ? await ctx.deps.reporters.openReports(ctx.from.id) : [];
    if (!open.length) {
      await ctx.reply(ctx.t('status.none'), kb.mainMenu(ctx.t));
      return;
    }
    await ctx.reply(`${ctx.t('status.list')}\n\n${open.map((r) => line(ctx, r)).join('\n\n')}`, HTML);
  };

  c.command(namesOf('status'), async (ctx) => {
    const arg = ctx.payload.trim();
    if (!arg) return list(ctx);
    const parsed = parseReference(arg);
    if (!parsed.ok) {
      await ctx.reply(ctx.t(`status.${parsed.reason}`), HTML);
      return;
    }
    const found = await ctx.deps.reporters.status(ctx.from.id, parsed.reference);
    if (!found.ok) {
      await ctx.reply(ctx.t('status.not_found', { reference: parsed.reference }), HTML);
      return;
    }
    await ctx.reply(`${line(ctx, found.report)}\n\n${ctx.t(`status.explain.${found.report.status}`)}`, HTML);
  });

  c.action('m:status', async (ctx) => {
    await ctx.answerCbQuery();
    return list(ctx);
  });
  return c;
}
