import { Types } from 'mongoose';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AGENCIES, LIMITS, checkText, isAgency, offeredActions, type AgentStatus } from '../../domain';
import type { ReportDoc, ReportEventDoc, MessageDoc } from '../../store';
import { actorOf, canOpenTicket, canSeeIdentity } from '../access';
import { agentRef, bodyOf, signedIn, str, type ConsoleContext } from '../context';
import type { Auth } from '../session-auth';

/** Status choices offered on the ticket page; rejections carry their reason. */
export const STATUS_CHOICES = ['in_progress', 'waiting_reporter', 'resolved', 'rejected_spam', 'rejected_duplicate'] as const;
type StatusChoice = (typeof STATUS_CHOICES)[number];

const isStatusChoice = (s: unknown): s is StatusChoice => typeof s === 'string' && (STATUS_CHOICES as readonly string[]).includes(s);
const statusOfChoice = (c: StatusChoice): AgentStatus => (c.startsWith('rejected') ? 'rejected' : (c as AgentStatus));

/** The flash message key for a refused action (locales/<lang>/console.json `flash.refused_*`). */
export function refusalFlash(reason: string): string {
  return `refused_${reason}`;
}

/** Notes are stored as audit events by TicketActions.addNote; their text is in `data.text`. */
export function noteText(e: ReportEventDoc): string {
  const d = e.data ?? {};
  return typeof d.text === 'string' ? d.text : typeof d.note === 'string' ? d.note : '';
}

/** The ticket page, its live fragments, evidence streaming and every action an agent takes. */
export function ticketRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const signedInOnly = ctx.auth.requireRole('agent');
  const post = { preHandler: [signedInOnly, ctx.auth.checkCsrf] };

  /** Loads the ticket if the viewer may open it; otherwise sends the refusal and returns null. */
  async function load(req: FastifyRequest, reply: FastifyReply): Promise<{ me: Auth; report: ReportDoc } | null> {
    const me = signedIn(ctx, req);
    const id = (req.params as { id: string }).id;
    const report = Types.ObjectId.isValid(id) && /^[a-f0-9]{24}$/i.test(id) ? await ctx.store.reports.findById(id) : null;
    if (!report) {
      ctx.problem(req, reply, 404, 'not_found');
      return null;
    }
    if (!canOpenTicket(me.agent, report)) {
      ctx.problem(req, reply, 403, 'not_your_ticket');
      return null;
    }
    return { me, report };
  }

  async function conversation(report: ReportDoc, messages?: MessageDoc[]) {
    const list = messages ?? (await ctx.store.messages.listForReport(report._id));
    return list.map((m) => ({
      ...m,
      // Status notices are rendered for the reporter in their language at send time; show agents the same words.
      shown: m.kind === 'notice' && m.notice ? ctx.translator.t(report.language, m.notice.key, { reference: report.reference, ...(m.notice.vars ?? {}) }) : (m.text ?? ''),
    }));
  }

  async function activity(report: ReportDoc) {
    const history = await ctx.store.reports.history(report._id);
    const names = await ctx.store.agents.namesByIds(history.flatMap((e) => (e.actor.agentId ? [String(e.actor.agentId)] : [])));
    const nameOf = (e: ReportEventDoc) => (e.actor.agentId ? (names.get(String(e.actor.agentId)) ?? '?') : '');
    return {
      notes: history.filter((e) => e.type === 'note').map((e) => ({ at: e.at, by: nameOf(e), text: noteText(e) })),
      // The trail shows what happened, not what was written: note and message text stay in their own panels.
      // Repeated views by the same person in a row are one line: reloads are not news.
      audit: history.filter((e, i) => !(e.type === 'viewed' && i > 0 && history[i - 1].type === 'viewed' && String(history[i - 1].actor.agentId) === String(e.actor.agentId))).map((e) => ({
        at: e.at,
        type: e.type,
        actor: e.actor.kind,
        by: nameOf(e),
        from: typeof e.data?.from === 'string' ? e.data.from : undefined,
        to: typeof e.data?.to === 'string' ? e.data.to : undefined,
        agency: typeof e.data?.agency === 'string' ? e.data.agency : undefined,
      })),
    };
  }

  app.get('/tickets/:id', { preHandler: signedInOnly }, async (req, reply) => {
    const found = await load(req, reply);
    if (!found) return reply;
    const { me, report } = found;
    const may = offeredActions(actorOf(me.agent), report);
    await ctx.tickets.recordView(report._id.toString(), agentRef(me));
    const identity = canSeeIdentity(me.agent, report) ? await ctx.store.reporters.identityOf(report.reporterId) : null;
    const assigneeName = report.assignee ? ((await ctx.store.agents.namesByIds([report.assignee])).get(report.assignee.toString()) ?? '') : '';
    return ctx.render(req, reply, 'ticket', {
      report,
      identity,
      assigneeName,
      messages: await conversation(report),
      ...(await activity(report)),
      // The policy decides which forms to show; the service enforces the same rules on submit.
      may,
      statusChoices: STATUS_CHOICES.filter((c) => may.statuses.includes(statusOfChoice(c))),
      agencies: AGENCIES,
      limits: LIMITS,
    });
  });

  app.get('/tickets/:id/conversation', { preHandler: signedInOnly }, async (req, reply) => {
    const found = await load(req, reply);
    if (!found) return reply;
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(ctx.views.fragment('_conversation', ctx.auth.language(req), { report: found.report, messages: await conversation(found.report) }));
  });

  app.get('/tickets/:id/activity', { preHandler: signedInOnly }, async (req, reply) => {
    const found = await load(req, reply);
    if (!found) return reply;
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(ctx.views.fragment('_activity', ctx.auth.language(req), { report: found.report, ...(await activity(found.report)) }));
  });

  app.get('/live/tickets/:id', { preHandler: signedInOnly }, async (req, reply) => {
    const found = await load(req, reply);
    if (!found) return reply;
    const id = found.report._id.toString();
    reply.hijack();
    ctx.hub.open(reply.raw, (e) => (e.type === 'ticket' || e.type === 'escalated') && e.reportId === id);
  });

  // Media: the story's voice note, evidence by position, and media the reporter sent later.
  app.get('/tickets/:id/voice', { preHandler: signedInOnly }, async (req, reply) => {
    const found = await load(req, reply);
    if (!found) return reply;
    const voice = found.report.description.voice;
    if (!voice) return ctx.problem(req, reply, 404, 'not_found');
    return ctx.files.stream(reply, voice, { range: req.headers.range, reportId: found.report._id.toString() });
  });

  app.get('/tickets/:id/evidence/:n', { preHandler: signedInOnly }, async (req, reply) => {
    const found = await load(req, reply);
    if (!found) return reply;
    const n = Number((req.params as { n: string }).n);
    const item = Number.isInteger(n) && n >= 0 ? found.report.evidence[n] : undefined;
    if (!item) return ctx.problem(req, reply, 404, 'not_found');
    return ctx.files.stream(reply, item, { range: req.headers.range, reportId: found.report._id.toString() });
  });

  app.get('/tickets/:id/messages/:mid/media', { preHandler: signedInOnly }, async (req, reply) => {
    const found = await load(req, reply);
    if (!found) return reply;
    const mid = (req.params as { mid: string }).mid;
    const message = /^[a-f0-9]{24}$/i.test(mid) ? await ctx.store.messages.findById(mid) : null;
    if (!message || !message.media || message.reportId.toString() !== found.report._id.toString()) return ctx.problem(req, reply, 404, 'not_found');
    return ctx.files.stream(reply, message.media, { range: req.headers.range, reportId: found.report._id.toString() });
  });

  /**
   * Scripts post with fetch and want JSON; plain forms get a redirect with a flash message. A
   * refusal is shown with its reason (`console:flash.refused_<reason>`) in the agent's language.
   */
  function done(req: FastifyRequest, reply: FastifyReply, id: string, result: { ok: true } | { ok: false; reason: string }, okKey: string) {
    return answer(req, reply, id, result.ok, result.ok ? okKey : refusalFlash(result.reason));
  }

  function answer(req: FastifyRequest, reply: FastifyReply, id: string, ok: boolean, key: string) {
    if (req.headers['x-requested-with'] === 'fetch') return reply.code(ok ? 200 : 409).send({ ok, message: ctx.translator.t(ctx.auth.language(req), `console:flash.${key}`) });
    return reply.redirect(`/tickets/${id}?${ok ? 'ok' : 'err'}=${key}`, 303);
  }

  app.post('/tickets/:id/reply', post, async (req, reply) => {
    const found = await load(req, reply);
    if (!found) return reply;
    const id = found.report._id.toString();
    const text = checkText(str(bodyOf(req).text), LIMITS.replyMaxChars);
    if (!text.ok) return answer(req, reply, id, false, text.reason === 'empty' ? 'reply_empty' : 'reply_too_long');
    return done(req, reply, id, await ctx.tickets.reply(id, agentRef(found.me), text.text), 'reply_queued');
  });

  app.post('/tickets/:id/note', post, async (req, reply) => {
    const found = await load(req, reply);
    if (!found) return reply;
    const id = found.report._id.toString();
    const text = checkText(str(bodyOf(req).text), LIMITS.noteMaxChars);
    if (!text.ok) return answer(req, reply, id, false, text.reason === 'empty' ? 'note_empty' : 'note_too_long');
    return done(req, reply, id, await ctx.tickets.addNote(id, agentRef(found.me), text.text), 'note_added');
  });

  app.post('/tickets/:id/status', post, async (req, reply) => {
    const found = await load(req, reply);
    if (!found) return reply;
    const id = found.report._id.toString();
    const body = bodyOf(req);
    const choice = body.status;
    if (!isStatusChoice(choice)) return answer(req, reply, id, false, 'choose_status');
    const note = checkText(str(body.note), LIMITS.noteMaxChars);
    if (!note.ok && note.reason === 'too_long') return answer(req, reply, id, false, 'note_too_long');
    const to = statusOfChoice(choice);
    const result = await ctx.tickets.changeStatus(id, agentRef(found.me), to, {
      ...(choice === 'rejected_spam' ? { rejectReason: 'spam' as const } : choice === 'rejected_duplicate' ? { rejectReason: 'duplicate' as const } : {}),
      ...(note.ok ? { note: note.text } : {}),
    });
    return done(req, reply, id, result, 'status_changed');
  });

  app.post('/tickets/:id/refer', post, async (req, reply) => {
    const found = await load(req, reply);
    if (!found) return reply;
    const id = found.report._id.toString();
    const body = bodyOf(req);
    if (!isAgency(body.agency)) return answer(req, reply, id, false, 'choose_agency');
    const note = checkText(str(body.note), LIMITS.noteMaxChars);
    if (!note.ok && note.reason === 'too_long') return answer(req, reply, id, false, 'note_too_long');
    return done(req, reply, id, await ctx.tickets.refer(id, agentRef(found.me), body.agency, note.ok ? note.text : undefined), 'referred');
  });

  app.post('/tickets/:id/release', post, async (req, reply) => {
    const found = await load(req, reply);
    if (!found) return reply;
    const result = await ctx.tickets.release(found.report._id.toString(), agentRef(found.me));
    // After a release an agent no longer holds the ticket: back to the queue.
    if (result.ok) return reply.redirect('/queue?ok=released', 303);
    return done(req, reply, found.report._id.toString(), result, 'released');
  });
}
