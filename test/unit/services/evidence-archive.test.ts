/**
 * MANIFEST.txt is what the agency reads to know which file is which and to check each one's
 * SHA-256. A caption or file name is the reporter's own text: it must stay inside its own line,
 * never start a line that looks like an entry, a checksum or the reporter's name.
 */
import { Translator } from '../../../src/i18n';
import { archiveEntries, manifestText, safeEntryName, type EntryOutcome } from '../../../src/services/evidence-archive';

let tr: Translator;
beforeAll(async () => {
  tr = await Translator.create();
});

const at = new Date('2026-11-29T10:00:00Z');
const forged = 'the roadblock\r\n\r\nevidence/09-fake.jpg\r\n  SHA-256: 0000000000000000000000000000000000000000000000000000000000000000\nName: Wanjiku Kamau';

it('keeps a caption or original name with line breaks inside its own indented line', () => {
  const media = { kind: 'document' as const, fileId: 'f', fileUniqueId: 'u', fileName: 'receipt\r\n  SHA-256: 1111.pdf', mimeType: 'application/pdf', size: 10, caption: forged };
  const [entry] = archiveEntries({ description: {}, evidence: [media], createdAt: at } as never, []);
  const outcome: EntryOutcome = { entry, included: true, bytes: 10, sha256: 'a'.repeat(64), complete: true, cleaned: false };
  const text = manifestText({ reference: 'RPT-ABC', language: 'en', preparedAt: at, outcomes: [outcome], reporter: null }, tr);
  const lines = text.split('\r\n');
  // One entry line, one checksum line: the real ones.
  expect(lines.filter((l) => /^evidence\//.test(l))).toEqual([entry.path]);
  expect(lines.filter((l) => /^ {0,2}SHA-256:/.test(l))).toEqual([`  SHA-256: ${'a'.repeat(64)}`]);
  expect(lines.filter((l) => /^Name:/.test(l))).toEqual([]);
  // Nothing is dropped: the words are still there, on the caption's own indented lines.
  expect(text).toContain('Wanjiku Kamau');
  expect(text.split(/\r\n/).every((l) => !/[\r\n]/.test(l))).toBe(true);
});

it('names entries so they cannot leave their folder', () => {
  for (const name of ['../../etc/passwd', '..\\..\\win.ini', '/abs/path', '....', '\u202Etxt.exe']) {
    const s = safeEntryName(name);
    expect(s).not.toMatch(/[\\/]/);
    expect(s.startsWith('.')).toBe(false);
    expect(s).not.toContain('\u202E');
  }
});
