import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Telegram } from 'telegraf';
import type { FastifyReply } from 'fastify';
import type { Evidence } from '../store';
import type { Logger } from '../logger';

/** Types a browser may render inline. Anything else is a download, so a reporter's upload can never run as a page on our origin. */
const INLINE = /^(image\/(jpeg|png|gif|webp)|video\/(mp4|webm|quicktime)|audio\/(ogg|mpeg|mp4|webm|wav|x-wav|aac))$/;

function defaultType(kind: Evidence['kind']): string {
  switch (kind) {
    case 'photo':
      return 'image/jpeg';
    case 'video':
      return 'video/mp4';
    case 'voice':
      return 'audio/ogg';
    case 'audio':
      return 'audio/mpeg';
    default:
      return 'application/octet-stream';
  }
}

function safeFileName(name: string): string {
  return name.replace(/[^\w.\- ]+/g, '_').slice(0, 100) || 'evidence';
}

/**
 * Streams reporters' files from Telegram through our server. The download URL contains the bot
 * token, so it is built here, used once, and never logged or sent to a browser.
 */
export class TelegramFiles {
  private readonly telegram: Telegram;

  constructor(
    private readonly token: string,
    private readonly apiRoot: string,
    private readonly logger: Logger,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.telegram = new Telegram(token, { apiRoot });
  }

  async stream(reply: FastifyReply, media: Evidence, opts: { range?: string; reportId: string }): Promise<FastifyReply> {
    let path: string | undefined;
    try {
      path = (await this.telegram.getFile(media.fileId)).file_path;
    } catch (err) {
      this.logger.warn({ reportId: opts.reportId, kind: media.kind, err }, 'getFile failed');
    }
    if (!path) return reply.code(502).type('text/plain; charset=utf-8').send('Telegram did not give us this file. It may be too large (over 20 MB) or no longer available.');

    let upstream: Response;
    try {
      upstream = await this.fetchImpl(`${this.apiRoot}/file/bot${this.token}/${path.split('/').map(encodeURIComponent).join('/')}`, {
        headers: opts.range ? { range: opts.range } : {},
      });
    } catch (err) {
      this.logger.warn({ reportId: opts.reportId, kind: media.kind, err }, 'file download failed');
      return reply.code(502).type('text/plain; charset=utf-8').send('Could not reach Telegram to fetch this file. Try again in a moment.');
    }
    if (!upstream.ok || !upstream.body) {
      this.logger.warn({ reportId: opts.reportId, kind: media.kind, status: upstream.status }, 'file download refused');
      return reply.code(502).type('text/plain; charset=utf-8').send('Telegram refused to send this file.');
    }

    const claimed = (media.mimeType ?? defaultType(media.kind)).toLowerCase();
    const inline = media.kind !== 'document' && INLINE.test(claimed);
    const type = inline ? claimed : 'application/octet-stream';
    const name = safeFileName(media.fileName ?? `${media.kind}-${media.fileUniqueId}`);
    reply
      .code(upstream.status === 206 ? 206 : 200)
      .header('content-type', type)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}"`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, max-age=3600');
    for (const h of ['content-length', 'content-range', 'accept-ranges']) {
      const v = upstream.headers.get(h);
      if (v) reply.header(h, v);
    }
    return reply.send(Readable.fromWeb(upstream.body as unknown as WebReadableStream<Uint8Array>));
  }
}
