import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Telegram } from 'telegraf';
import type { FastifyReply } from 'fastify';
import type { Evidence } from '../store';
import type { Logger } from '../logger';
import type { EvidenceFileOpened, EvidenceFilePort } from '../services/ports';
import { LIMITS } from '../domain';
import { isAudioFile, isPictureFile, readWhole, withoutMetadata, type Cleaned } from '../lib/media-metadata';

type FetchRefusal = Extract<EvidenceFileOpened, { ok: false }>['reason'];

/** How long Telegram has to start sending a file for the archive before it is listed as unreachable. */
const HEADERS_TIMEOUT_MS = 30_000;

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
export class TelegramFiles implements EvidenceFilePort {
  private readonly telegram: Telegram;

  constructor(
    private readonly token: string,
    private readonly apiRoot: string,
    private readonly logger: Logger,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.telegram = new Telegram(token, { apiRoot });
  }

  /** Asks Telegram for the file (getFile, then the download); `range` passes a browser's Range header on. */
  private async fetchFile(media: Evidence, opts: { range?: string; reportId: string; signal?: AbortSignal }): Promise<{ ok: true; upstream: Response } | { ok: false; reason: FetchRefusal }> {
    let path: string | undefined;
    try {
      path = (await this.telegram.getFile(media.fileId)).file_path;
    } catch (err) {
      this.logger.warn({ reportId: opts.reportId, kind: media.kind, err }, 'getFile failed');
    }
    if (!path) return { ok: false, reason: 'unavailable' };
    let upstream: Response;
    try {
      upstream = await this.fetchImpl(`${this.apiRoot}/file/bot${this.token}/${path.split('/').map(encodeURIComponent).join('/')}`, {
        headers: opts.range ? { range: opts.range } : {},
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
    } catch (err) {
      this.logger.warn({ reportId: opts.reportId, kind: media.kind, err }, 'file download failed');
      return { ok: false, reason: 'unreachable' };
    }
    if (!upstream.ok || !upstream.body) {
      this.logger.warn({ reportId: opts.reportId, kind: media.kind, status: upstream.status }, 'file download refused');
      return { ok: false, reason: 'refused' };
    }
    return { ok: true, upstream };
  }

  /**
   * One file as a stream, for the evidence archive. Telegram has `HEADERS_TIMEOUT_MS` to start
   * answering; the body then flows at the pace the archive reads it.
   */
  async open(media: Evidence, ctx: { reportId: string; signal: AbortSignal }): Promise<EvidenceFileOpened> {
    const late = new AbortController();
    const timer = setTimeout(() => late.abort(), HEADERS_TIMEOUT_MS);
    try {
      const r = await this.fetchFile(media, { reportId: ctx.reportId, signal: AbortSignal.any([ctx.signal, late.signal]) });
      if (!r.ok) return r;
      const length = Number(r.upstream.headers.get('content-length'));
      const stream = Readable.fromWeb(r.upstream.body as unknown as WebReadableStream<Uint8Array>);
      return { ok: true, stream, ...(Number.isFinite(length) && length > 0 ? { size: length } : {}) };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Streams the file to the browser; `refused` answers when Telegram does not give it, or a
   * picture or recording cannot be cleaned (a page in the agent's language). `clean` (an
   * anonymous report, or one whose reporter asked to be forgotten): a picture goes without what
   * the phone wrote into it (where, when, the device, sometimes the owner's name), and a voice
   * note, an audio file or a document that is a recording without the comments an app wrote into
   * it (a name, where it was recorded), as the evidence archive sends them; other files as sent
   * (see SECURITY.md).
   */
  async stream(reply: FastifyReply, media: Evidence, opts: { range?: string; reportId: string; clean?: boolean; refused: (reason: StreamRefusal) => FastifyReply }): Promise<FastifyReply> {
    // A document may be a picture or a recording whatever type the app gave it: read whole to tell (see sendCleaned).
    if (opts.clean && (isPicture(media) || media.kind === 'document' || media.kind === 'voice' || media.kind === 'audio')) return this.sendCleaned(reply, media, opts);
    const r = await this.fetchFile(media, opts);
    if (!r.ok) return opts.refused(r.reason);
    const upstream = r.upstream;
    fileHeaders(reply.code(upstream.status === 206 ? 206 : 200), media);
    for (const h of ['content-length', 'content-range', 'accept-ranges']) {
      const v = upstream.headers.get(h);
      if (v) reply.header(h, v);
    }
    return reply.send(Readable.fromWeb(upstream.body as unknown as WebReadableStream<Uint8Array>));
  }

  /**
   * The whole file read, cleaned and sent in one piece (no ranges: a picture is shown whole, a
   * recording is short). A document is read whole too (at most Telegram's 20 MB), since only its
   * bytes tell a picture or a recording: an iPhone's HEIC or a JPEG sent without a picture type
   * carries where it was taken all the same, an Ogg sent as a file its comments. One that is
   * neither (a PDF) goes as sent, as SECURITY.md says documents do. Ogg, MP3 and M4A recordings are
   * cleaned of their tags; one that cannot be (FLAC, WAV, a damaged file) is not played.
   */
  private async sendCleaned(reply: FastifyReply, media: Evidence, opts: { reportId: string; refused: (reason: StreamRefusal) => FastifyReply }): Promise<FastifyReply> {
    const r = await this.fetchFile(media, { reportId: opts.reportId });
    if (!r.ok) return opts.refused(r.reason);
    const file = await readWhole(Readable.fromWeb(r.upstream.body as unknown as WebReadableStream<Uint8Array>), LIMITS.evidenceMaxBytes, AbortSignal.timeout(READ_TIMEOUT_MS));
    if (!file) return opts.refused('unreachable');
    const refusal = refusalFor(media, file);
    if (!refusal) return fileHeaders(reply.code(200), media).header('content-length', String(file.length)).send(file);
    let cleaned: Cleaned = { ok: false };
    try {
      cleaned = withoutMetadata(file);
    } catch (err) {
      this.logger.warn({ reportId: opts.reportId, kind: media.kind, err }, 'evidence file could not be cleaned');
    }
    if (!cleaned.ok) return opts.refused(refusal);
    const body = Buffer.concat(cleaned.parts);
    return fileHeaders(reply.code(200), media).header('content-length', String(body.length)).send(body);
  }
}

/** `may_identify`: a picture, `voice_may_identify`: a voice note, `audio_may_identify`: an audio file or a recording sent as a file, that could not be cleaned for certain. */
export type StreamRefusal = FetchRefusal | 'may_identify' | 'voice_may_identify' | 'audio_may_identify';

/** What the agent is told if this file cannot be cleaned; null: a file that goes as sent (a PDF). */
function refusalFor(media: Evidence, file: Buffer): Exclude<StreamRefusal, FetchRefusal> | null {
  if (media.kind === 'voice') return 'voice_may_identify';
  if (media.kind === 'audio' || isAudioFile(file)) return 'audio_may_identify';
  return isPicture(media) || isPictureFile(file) ? 'may_identify' : null;
}

/** How long a picture or recording to be cleaned has to arrive whole. */
const READ_TIMEOUT_MS = 60_000;

/** Files sent as pictures? By their kind, any image type, or a picture's name (the app's word only: isPictureFile reads the bytes). */
const PICTURE_NAME = /\.(jpe?g|png|webp|gif|tiff?|dng|heic|heif|avif)$/i;

function isPicture(media: Evidence): boolean {
  return media.kind === 'photo' || (media.mimeType ?? '').toLowerCase().startsWith('image/') || PICTURE_NAME.test(media.fileName ?? '');
}

function fileHeaders(reply: FastifyReply, media: Evidence): FastifyReply {
  const claimed = (media.mimeType ?? defaultType(media.kind)).toLowerCase();
  const inline = media.kind !== 'document' && INLINE.test(claimed);
  const name = safeFileName(media.fileName ?? `${media.kind}-${media.fileUniqueId}`);
  return (
    reply
      .header('content-type', inline ? claimed : 'application/octet-stream')
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}"`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      // Never kept by the browser: on a shared workstation the next person signed in (or nobody)
      // could open it from the cache, past the ticket check and the audit trail.
      .header('cache-control', 'no-store')
  );
}
