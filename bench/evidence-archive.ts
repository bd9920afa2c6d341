/**
 * `npx tsx bench/evidence-archive.ts [--files N] [--mb M] [--runs R] [--consent]` (run with `node --expose-gc
 * --import tsx` for a cleaner baseline)
 *
 * The evidence archive (src/services/evidence-archive.ts) must stream: the most evidence a report
 * can carry (ten files and the story's voice note, each at Telegram's 20 MB download limit) goes
 * through it while the process's memory stays near where it started. The files come from a
 * stand-in for Telegram that produces 64 KB chunks on demand (so the bytes are not held by the
 * bench itself) and the ZIP is read and dropped as it comes, as an HTTP response would send it.
 * Prints the archive's size, time and the process's resident memory before and at its peak.
 */
import { Readable } from 'node:stream';
import { Types } from 'mongoose';
import { Translator } from '../src/i18n';
import { createLogger } from '../src/logger';
import { EvidenceArchiveService } from '../src/services/evidence-archive';
import type { EvidenceFilePort } from '../src/services/ports';
import type { ReportDoc, Store } from '../src/store';

const MB = 1024 * 1024;
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

const box = (type: string, body: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
};
/** A video as a phone writes it: its type, its media data, then the movie box with a place in it. */
const FTYP = box('ftyp', Buffer.from('mp42\0\0\0\0isom', 'latin1'));
const MOOV = box('moov', Buffer.concat([box('mvhd', Buffer.alloc(100)), box('udta', Buffer.from('+01.2921+036.8219/', 'latin1'))]));

/** A video of `bytes` bytes, made 64 KB at a time as it is read. */
function lazyFile(bytes: number): Readable {
  const chunk = Buffer.alloc(64 * 1024, 7);
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(bytes - FTYP.length - MOOV.length);
  mdat.write('mdat', 4, 'latin1');
  const parts = [Buffer.concat([FTYP, mdat])];
  let left = bytes - FTYP.length - mdat.length - MOOV.length;
  return new Readable({
    read() {
      if (parts.length) return void this.push(parts.shift());
      if (left <= 0) {
        this.push(MOOV);
        return void this.push(null);
      }
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

async function once(service: EvidenceArchiveService, report: ReportDoc): Promise<{ archiveMb: number; ms: number; rssBeforeMb: number; rssPeakMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const started = performance.now();
  const archive = await service.open(report, { id: new Types.ObjectId().toString(), role: 'agent' }, { language: 'en', viewerMaySeeIdentity: true, signal: new AbortController().signal });
  let bytes = 0;
  for await (const c of archive.stream) {
    bytes += (c as Buffer).length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const done = await archive.done;
  if (!done.complete || done.missing) throw new Error(`archive not whole: ${JSON.stringify(done)}`);
  return { archiveMb: +(bytes / MB).toFixed(1), ms: Math.round(performance.now() - started), rssBeforeMb: +(before / MB).toFixed(1), rssPeakMb: +(peak / MB).toFixed(1) };
}

async function main(): Promise<void> {
  const files = arg('files', 11);
  const size = arg('mb', 20) * MB;
  const runs = arg('runs', 3);
  // With the reporter's consent the files stream through; without it each is read whole and cleaned.
  const consent = process.argv.includes('--consent');
  const translator = await Translator.create();
  // Only what the archive reads from the store: no later messages, the event dropped.
  const yes = { type: 'consent_answered', at: new Date(), actor: { kind: 'reporter' }, data: { agency: 'IPOA', answer: 'yes', covers: 'name_phone' } };
  const store = {
    reports: { history: async () => (consent ? [yes] : []), addEvent: async () => undefined },
    messages: { listForReport: async () => [] },
    reporters: { identityOf: async () => ({ telegramUserId: 1, chatId: 1, firstName: 'Bench', phone: '+254700000000' }) },
  } as unknown as Store;
  const port: EvidenceFilePort = { open: async () => ({ ok: true, stream: lazyFile(size), size }) };
  const service = new EvidenceArchiveService({ store, translator, files: port, logger: createLogger({ level: 'silent', name: 'bench-archive' }) });
  const report = {
    _id: new Types.ObjectId(),
    reference: 'R-BENC-HMRK',
    anonymous: !consent,
    reporterId: new Types.ObjectId(),
    referral: { agency: 'IPOA' },
    createdAt: new Date(),
    description: { text: 'bench' },
    evidence: Array.from({ length: files }, (_, i) => ({ kind: 'video', fileId: `f${i}`, fileUniqueId: `u${i}` })),
  } as unknown as ReportDoc;
  for (let r = 1; r <= runs; r++) {
    const f = await once(service, report);
    console.log(JSON.stringify({ run: r, consent, files, fileMb: size / MB, ...f, growthMb: +(f.rssPeakMb - f.rssBeforeMb).toFixed(1) }));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
