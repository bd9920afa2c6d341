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

const segment = (marker: number, body: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};
/** A photo sent as a file, as a phone writes it: EXIF with a place, its tables and one scan, then its end. */
const HEAD = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  segment(0xe1, Buffer.from('Exif\0\0MM\0\x2a\0\0\0\x08\0\0 GPS -1.2921 36.8219', 'latin1')),
  segment(0xdb, Buffer.alloc(65, 1)),
  segment(0xc0, Buffer.alloc(15, 2)),
  segment(0xc4, Buffer.alloc(30, 3)),
  segment(0xda, Buffer.alloc(10, 4)),
]);
const END = Buffer.from([0xff, 0xd9]);

/** A photo of `bytes` bytes, made 64 KB at a time as it is read. */
function lazyFile(bytes: number): Readable {
  const chunk = Buffer.alloc(64 * 1024, 7);
  const parts = [HEAD];
  let left = bytes - HEAD.length - END.length;
  return new Readable({
    read() {
      if (parts.length) return void this.push(parts.shift());
      if (left <= 0) {
        this.push(END);
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
    evidence: Array.from({ length: files }, (_, i) => ({ kind: 'photo', fileId: `f${i}`, fileUniqueId: `u${i}` })),
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
