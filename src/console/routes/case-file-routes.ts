import { createHash } from 'node:crypto';
import { canSeeIdentity } from '../access';
import { agentRef, signedInAgent, type ConsoleApp, type ConsoleContext } from '../context';
import { archiveQuery, caseFileQuery, ticketParams } from '../schemas';
import { openTicket, ticketGuard } from './ticket-routes';

/**
 * The print view is a page of its own: its one inline stylesheet is allowed by its hash, and
 * nothing else (no scripts, no images, no forms).
 */
function printCsp(html: string): string {
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  const hash = createHash('sha256').update(css).digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'`;
}

/**
 * "Case file" on a referred ticket: the PDF to download (`format=pdf`) or the print view
 * (`format=html`), in the language the agent picks (`lang`, default the console's). Whoever may
 * open the ticket may produce it; the reporter's identity is in it only if the viewer may see it
 * and the reporter said yes for that agency. Every file produced is in the audit trail.
 */
export function caseFileRoutes(app: ConsoleApp, ctx: ConsoleContext): void {
  const guard = ticketGuard(ctx);
  app.get('/tickets/:id/case-file', { ...guard, schema: { params: ticketParams, querystring: caseFileQuery } }, async (req, reply) => {
    const me = signedInAgent(req);
    const report = openTicket(req);
    const language = req.query.lang ?? ctx.auth.language(req);
    const result = await ctx.caseFiles.produce(report, agentRef(me), { format: req.query.format, language, viewerMaySeeIdentity: canSeeIdentity(me.agent, report) });
    if (!result.ok) return ctx.problem(req, reply, 404, 'not_found');
    reply.type(result.contentType).header('cache-control', 'no-store');
    if (typeof result.body === 'string') return reply.header('content-security-policy', printCsp(result.body)).header('x-frame-options', 'DENY').send(result.body);
    return reply.header('content-disposition', `attachment; filename="${result.fileName}"`).send(result.body);
  });

  evidenceArchiveRoute(app, ctx);
}

/**
 * Every file the reporter sent, as one ZIP with MANIFEST.txt (`EvidenceArchiveService`), for
 * whoever may open the ticket. Streamed as it is fetched; a file Telegram does not give is listed
 * as not included in the manifest, so the download itself does not fail. When the agent goes
 * away mid-download, fetching stops. Every download is in the audit trail.
 */
function evidenceArchiveRoute(app: ConsoleApp, ctx: ConsoleContext): void {
  const guard = ticketGuard(ctx);
  app.get('/tickets/:id/evidence-archive', { ...guard, schema: { params: ticketParams, querystring: archiveQuery } }, async (req, reply) => {
    const me = signedInAgent(req);
    const report = openTicket(req);
    const gone = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) gone.abort();
    });
    const language = req.query.lang ?? ctx.auth.language(req);
    const archive = await ctx.evidenceArchives.open(report, agentRef(me), { language, viewerMaySeeIdentity: canSeeIdentity(me.agent, report), signal: gone.signal });
    archive.done.catch((err: unknown) => ctx.logger.error({ err }, 'evidence archive failed'));
    return reply
      .type('application/zip')
      .header('content-disposition', `attachment; filename="${archive.fileName}"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(archive.stream);
  });
}
