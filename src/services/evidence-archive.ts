import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { LIMITS, otherAgencyName, type Agency, type SharedIdentity } from '../domain';
import type { Lang, Translator } from '../i18n';
import type { Logger } from '../logger';
import type { Evidence, MessageDoc, ReportDoc, Store } from '../store';
import { readWhole, withoutMetadata, type Cleaned } from '../lib/media-metadata';
import { formatBytes } from './case-file';
import { entryName, laterFilePath } from './archive-names';
import { identityBlank, identityRule, reportFiles } from './case-file-service';
import { withheldMarks } from './withheld-marks';
import type { EvidenceFileOpened, EvidenceFilePort } from './ports';
import type { AgentRef } from './ticket-actions';

/**
 * Every file of a report as one ZIP for the agency: the files the reporter sent with the report
 * (numbered as in the case file's evidence list, the story's voice note first), the files sent in
 * later messages, and MANIFEST.txt listing each with its type, size, when it was received and its
 * SHA-256. Streamed: one file is fetched from Telegram at a time and goes straight into the
 * response, so memory does not grow with the evidence. A file that cannot be fetched is listed as
 * not included instead of failing the download. The manifest names the reporter only under the
 * case file's consent rule; notes and agent replies are never read.
 */

export interface ArchiveEntry {
  /** Path inside the ZIP: `evidence/01-photo.jpg`, `later-messages/01-voice.ogg`. */
  path: string;
  /** Position in its list, from 1 (the case file's evidence numbers for `report`). */
  n: number;
  origin: 'report' | 'later';
  media: Evidence;
  receivedAt: Date;
}

/** Why a file is not in the archive: Telegram's answer, or (`may_identify`) a kind of file whose metadata cannot be removed here, for a reporter whose identity does not go. */
export type MissingReason = Extract<EvidenceFileOpened, { ok: false }>['reason'] | 'may_identify';

export type EntryOutcome =
  /** `cleaned`: sent without the metadata the phone wrote into it (the SHA-256 is of this copy). */
  | { entry: ArchiveEntry; included: true; bytes: number; sha256: string; complete: boolean; cleaned: boolean }
  | { entry: ArchiveEntry; included: false; reason: MissingReason };

export { safeEntryName } from './archive-names';

/** What goes in the archive, in order. Pure. */
export function archiveEntries(
  report: Pick<ReportDoc, 'description' | 'evidence' | 'createdAt'>,
  messages: readonly Pick<MessageDoc, 'direction' | 'media' | 'createdAt' | 'passedOn'>[],
  /** What the reporter wrote (file names, captions) as the document may carry it: blanked without consent. */
  words: (s: string) => string = (s) => s,
): ArchiveEntry[] {
  const own = (m: Evidence): Evidence => ({
    ...m,
    ...(m.fileName !== undefined ? { fileName: words(m.fileName) } : {}),
    ...(m.caption !== undefined ? { caption: words(m.caption) } : {}),
    ...(m.forwardedFrom !== undefined ? { forwardedFrom: words(m.forwardedFrom) } : {}),
  });
  const fromReport = reportFiles(report as ReportDoc).map(own).map((media, i) => ({ path: `evidence/${entryName(i + 1, media)}`, n: i + 1, origin: 'report' as const, media, receivedAt: report.createdAt }));
  const later = messages
    .filter((m) => m.direction === 'from_reporter' && m.media)
    .map((m, i) => {
      // Forwarded later to the ticket: who first sent it is on the message (`passedOn`).
      const media = own({ ...(m.media as Evidence), ...(m.passedOn?.from ? { forwardedFrom: m.passedOn.from } : {}) });
      return { path: laterFilePath(i + 1, media), n: i + 1, origin: 'later' as const, media, receivedAt: m.createdAt };
    });
  return [...fromReport, ...later];
}

export interface ManifestInput {
  reference: string;
  agency?: Agency;
  /** The agency's own name when it is none of the listed ones (a referral to OTHER). */
  agencyName?: string;
  language: Lang;
  preparedAt: Date;
  outcomes: readonly EntryOutcome[];
  /** Only what the consent rule gave (`sharedIdentity`); null says to reach the reporter through Ripoti. */
  reporter: SharedIdentity | null;
  /** The reporter asked Ripoti to delete their details: said instead of how to reach them, as the case file says it. */
  reporterForgotten?: boolean;
  /** How the agency reaches Ripoti (`AGENCY_CONTACT`), as the case file says it. */
  contact?: string;
}

/** The reporter's own text (a caption, a file name) kept under its field: a line break cannot start a line that reads as an entry or a checksum. */
const inField = (s: string) => s.replace(/\r\n|[\r\n\u2028\u2029\v\f\u0085]/g, '\r\n    ');

/** MANIFEST.txt in the chosen language (CRLF: it opens in any editor). Pure. */
export function manifestText(m: ManifestInput, translator: Translator): string {
  const t = (key: string, vars?: Record<string, unknown>) => translator.t(m.language, `casefile:archive.${key}`, vars);
  const locale = m.language === 'sw' ? 'sw-KE' : 'en-KE';
  const at = (d: Date) => new Intl.DateTimeFormat(locale, { timeZone: 'Africa/Nairobi', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  const kind = (k: string) => translator.t(m.language, `casefile:evidence.kind.${k}`);
  const included = m.outcomes.filter((o) => o.included).length;
  const agency = m.agencyName ?? translator.t(m.language, `common:agency.${m.agency}`);
  const lines = [t('title', { reference: m.reference })];
  if (m.agency) lines.push(t('referred', { agency }));
  lines.push(t('prepared', { date: at(m.preparedAt) }), '', t('files', { included, total: m.outcomes.length }));
  if (!m.outcomes.length) lines.push(t('no_files'));
  for (const o of m.outcomes) {
    const e = o.entry;
    lines.push('', `${o.entry.path}`);
    const size = formatBytes(o.included ? o.bytes : e.media.size);
    lines.push(`  ${[kind(e.media.kind), e.media.mimeType, size].filter(Boolean).join(', ')}; ${t(e.origin === 'report' ? 'received_with_report' : 'received_later', { date: at(e.receivedAt) })}`);
    if (e.media.fileName) lines.push(`  ${t('original_name', { name: inField(e.media.fileName) })}`);
    if (e.media.forwardedFrom) lines.push(`  ${t('forwarded_from', { from: inField(e.media.forwardedFrom) })}`);
    if (e.media.caption) lines.push(`  ${t('caption', { caption: inField(e.media.caption) })}`);
    if (!o.included) lines.push(`  ${t(`missing_${o.reason}`)}`);
    else {
      if (o.cleaned) lines.push(`  ${t('metadata_removed')}`);
      lines.push(`  SHA-256: ${o.sha256}`);
      if (!o.complete) lines.push(`  ${t('incomplete', { size })}`);
    }
  }
  lines.push('');
  if (m.reporter) {
    const r = m.reporter;
    if (r.name) lines.push(`${translator.t(m.language, 'casefile:reporter.name')}: ${r.name}`);
    if (r.phone) lines.push(`${translator.t(m.language, 'casefile:reporter.phone')}: ${r.phone}`);
    lines.push(translator.t(m.language, 'casefile:reporter.consented', { date: at(r.consentAt), agency }));
  } else lines.push(translator.t(m.language, m.reporterForgotten ? 'casefile:reporter.forgotten' : 'casefile:reporter.withheld', { reference: m.reference }));
  lines.push(t('not_included'));
  if (m.contact) lines.push('', translator.t(m.language, 'casefile:ripoti_contact', { contact: m.contact, reference: m.reference }));
  lines.push('');
  return lines.join('\r\n');
}

export interface ArchiveRequest {
  language: Lang;
  /** False when the viewer may not see who reported (src/domain/policy.ts): then no identity either way. */
  viewerMaySeeIdentity: boolean;
  /** Aborted when the person downloading goes away: the file being fetched is dropped and nothing more is read. */
  signal: AbortSignal;
}

export interface OpenedArchive {
  fileName: string;
  /** The ZIP, to be sent as it is written. */
  stream: Readable;
  /** Settles once the archive is written or abandoned and the download is in the audit trail; never rejects. */
  done: Promise<{ files: number; missing: number; complete: boolean }>;
}

export class EvidenceArchiveService {
  /** `contact`: how an agency reaches Ripoti (`AGENCY_CONTACT`), said in the manifest as in the case file. */
  constructor(private readonly deps: { store: Store; translator: Translator; files: EvidenceFilePort; logger: Logger; now?: () => Date; contact?: string }) {}

  /** Reads what the archive needs (this may fail before anything is sent), then writes it as it is read. */
  async open(report: ReportDoc, agent: AgentRef, req: ArchiveRequest): Promise<OpenedArchive> {
    const { store } = this.deps;
    const agency = report.referral?.agency;
    const [history, messages] = await Promise.all([store.reports.history(report._id), store.messages.listForReport(report._id)]);
    const rule = agency ? await identityRule(store, report, agency, history, req.viewerMaySeeIdentity) : null;
    const reporter = rule?.reporter ?? null;
    const marks = withheldMarks(this.deps.translator, req.language);
    // Not referred: no identity goes, so nothing of it either (the phone pattern; the name is not read).
    const withhold = rule?.withhold ?? { phone: true, names: [], phones: [], usernames: [] };
    // As the case file blanks them: an officer named by title as the officers' answer names them stays in both, and so does the victim as named.
    const entries = archiveEntries(report, messages, identityBlank(withhold, marks, { officers: report.officers?.names, victim: report.victim }));
    const zip = new ZipFile();
    const stream = zip.outputStream as Readable;
    // yazl reports its own failures on the ZipFile: end the download rather than the process.
    zip.on('error', (err: unknown) => {
      this.deps.logger.warn({ reportId: report._id.toString(), err }, 'evidence archive failed');
      stream.destroy(err instanceof Error ? err : new Error('zip failed'));
    });
    const done = this.write(zip, entries, { report, agency, reporter, req }).then(async (outcome) => {
      // Files the agency did not get whole: not fetched, cut short, or never reached when the download stopped.
      const missing = entries.length - outcome.outcomes.filter((o) => o.included && o.complete).length;
      const summary = { files: entries.length, missing, complete: outcome.complete };
      const otherName = otherAgencyName(agency, report.referral);
      const name = otherName ? { name: otherName } : {};
      await this.record(report, agent, { agency: agency ?? null, ...name, withIdentity: reporter !== null, language: req.language, ...summary });
      return summary;
    });
    return { fileName: `ripoti-${report.reference}-evidence.zip`.replace(/[^A-Za-z0-9._-]/g, '_'), stream, done };
  }

  private async write(
    zip: ZipFile,
    entries: readonly ArchiveEntry[],
    ctx: { report: ReportDoc; agency?: Agency; reporter: SharedIdentity | null; req: ArchiveRequest },
  ): Promise<{ outcomes: EntryOutcome[]; complete: boolean }> {
    const outcomes: EntryOutcome[] = [];
    const reportId = ctx.report._id.toString();
    try {
      for (const entry of entries) {
        if (ctx.req.signal.aborted) return { outcomes, complete: false };
        // Without consent the phone's metadata (GPS, device) does not go either.
        outcomes.push(await this.addEntry(zip, entry, { reportId, signal: ctx.req.signal, clean: ctx.reporter === null }));
      }
      if (ctx.req.signal.aborted) return { outcomes, complete: false };
      const agencyName = ctx.report.referral?.name;
      const manifest = manifestText({ reference: ctx.report.reference, agency: ctx.agency, ...(agencyName ? { agencyName } : {}), language: ctx.req.language, preparedAt: this.deps.now?.() ?? new Date(), outcomes, reporter: ctx.reporter, reporterForgotten: Boolean(ctx.report.reporterForgottenAt), ...(this.deps.contact ? { contact: this.deps.contact } : {}) }, this.deps.translator);
      zip.addBuffer(Buffer.from(`\uFEFF${manifest}`, 'utf8'), 'MANIFEST.txt', { mtime: this.deps.now?.() ?? new Date() });
      zip.end();
      return { outcomes, complete: true };
    } catch (err) {
      this.deps.logger.warn({ reportId, err }, 'evidence archive stopped');
      (zip.outputStream as Readable).destroy(err instanceof Error ? err : new Error('archive failed'));
      return { outcomes, complete: false };
    }
  }

  /** Fetches one file and writes it into the ZIP; resolves once the ZIP has taken all of it. */
  private async addEntry(zip: ZipFile, entry: ArchiveEntry, ctx: { reportId: string; signal: AbortSignal; clean: boolean }): Promise<EntryOutcome> {
    const { reportId, signal } = ctx;
    const opened = await this.deps.files.open(entry.media, { reportId, signal });
    if (!opened.ok) return { entry, included: false, reason: opened.reason };
    if (ctx.clean) return this.addCleaned(zip, entry, opened.stream as Readable, { ...ctx, size: opened.size });
    const source = opened.stream as Readable;
    const hash = createHash('sha256');
    let bytes = 0;
    let broken = false;
    const counted = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        bytes += chunk.length;
        cb(null, chunk);
      },
    });
    // A download cut half-way ends this entry where it stopped (the ZIP stays readable) and the manifest says so.
    source.once('error', (err) => {
      broken = true;
      this.deps.logger.warn({ reportId, kind: entry.media.kind, err }, 'evidence download interrupted');
      counted.end();
    });
    const onAbort = () => {
      source.destroy();
      counted.destroy();
    };
    // Gone while the file was being opened: an abort already past does not fire its listeners.
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    source.pipe(counted);
    zip.addReadStream(counted, entry.path, { mtime: entry.receivedAt, compress: entry.media.kind === 'document' });
    try {
      await finished(counted);
    } catch {
      broken = true;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    const complete = !broken && (opened.size === undefined || opened.size === bytes);
    return { entry, included: true, bytes, sha256: hash.digest('hex'), complete, cleaned: false };
  }

  /**
   * Without consent: the file read whole (evidence is at most 20 MB), then written without the
   * metadata the phone put in it. One that cannot be cleaned, or did not arrive whole, does not go:
   * a part of a file cannot be cleaned with certainty.
   */
  private async addCleaned(zip: ZipFile, entry: ArchiveEntry, source: Readable, ctx: { reportId: string; signal: AbortSignal; size?: number }): Promise<EntryOutcome> {
    let file: Buffer | null;
    try {
      file = await readWhole(source, LIMITS.evidenceMaxBytes, ctx.signal, ctx.size);
    } catch (err) {
      this.deps.logger.warn({ reportId: ctx.reportId, kind: entry.media.kind, err }, 'evidence download interrupted');
      return { entry, included: false, reason: 'unreachable' };
    }
    // Cut short on the way (the size Telegram gave not reached): part of a file is not cleaned for sure.
    if (file && ctx.size !== undefined && file.length !== ctx.size) return { entry, included: false, reason: 'unreachable' };
    const clean = file ? this.cleaned(file, entry, ctx.reportId) : { ok: false as const };
    if (!clean.ok) return { entry, included: false, reason: 'may_identify' };
    const hash = createHash('sha256');
    let bytes = 0;
    // Handed over as a stream that lets go of the pieces once read, and awaited, so at most one file
    // is held at a time (yazl keeps each entry's buffer, or its stream's source, until the ZIP is done).
    const body = new PassThrough();
    for (const part of clean.parts) {
      hash.update(part);
      bytes += part.length;
      body.write(part);
    }
    body.end();
    // Pictures and voice notes are compressed already: stored, as photos always were.
    zip.addReadStream(body, entry.path, { mtime: entry.receivedAt, compress: false });
    await finished(body);
    return { entry, included: true, bytes, sha256: hash.digest('hex'), complete: true, cleaned: clean.cleaned };
  }

  /** A file that makes the cleaning fail is one more file not given, never the end of the archive. */
  private cleaned(file: Buffer, entry: ArchiveEntry, reportId: string): Cleaned {
    try {
      return withoutMetadata(file);
    } catch (err) {
      this.deps.logger.warn({ reportId, kind: entry.media.kind, err }, 'evidence file could not be cleaned');
      return { ok: false };
    }
  }

  private async record(report: ReportDoc, agent: AgentRef, data: Record<string, unknown>): Promise<void> {
    try {
      await this.deps.store.reports.addEvent(report._id, 'evidence_archive', { kind: 'agent', agentId: agent.id }, data);
      this.deps.logger.info({ reportId: report._id.toString(), agency: data.agency, files: data.files, missing: data.missing, complete: data.complete, outcome: 'evidence_archive' }, 'evidence archive downloaded');
    } catch (err) {
      this.deps.logger.error({ reportId: report._id.toString(), err }, 'evidence archive not recorded in the audit trail');
    }
  }
}
