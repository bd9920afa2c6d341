import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { identityForCaseFile, parsePlate, parsePollingStation, type ConsentAnswer, type SharedIdentity } from '../../../src/domain';
import { Translator } from '../../../src/i18n';
import { renderCaseFileHtml, renderCaseFilePdf, type CaseFileInput } from '../../../src/services/case-file';

/**
 * Case files as an agency receives them: generated as PDF, read back with pdftotext (poppler-utils),
 * checked for exactly the fields that may leave Ripoti. One page is rendered to PNG in
 * test-artifacts/ to look at.
 */
const PDFTOTEXT = '/usr/bin/pdftotext';
const PDFTOPPM = '/usr/bin/pdftoppm';
const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts');

let translator: Translator;
let tmp: string;
beforeAll(async () => {
  translator = await Translator.create();
  tmp = mkdtempSync(join(tmpdir(), 'casefile-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function pdfText(pdf: Buffer, name: string): string {
  if (!existsSync(PDFTOTEXT)) throw new Error(`${PDFTOTEXT} is missing: apt-get install poppler-utils`);
  const file = join(tmp, `${name}.pdf`);
  writeFileSync(file, pdf);
  // Lines wrap where the page is full: whitespace (line and page breaks too) is one space for matching.
  return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const at = (iso: string) => new Date(iso);
const REPORTER = { name: 'Wanjiku Achieng Kamau', phone: '+254712345678' };
const plate = (s: string) => {
  const p = parsePlate(s);
  if (!p.ok) throw new Error(s);
  return p.plate;
};

function policeReport(reporter: SharedIdentity | null): CaseFileInput {
  return {
    reference: 'R-7KQ2-M4XD',
    agency: 'IPOA',
    kind: 'police',
    category: 'p_bribery',
    story: 'Two officers stopped our matatu at the Kasarani roundabout and asked for "kitu kidogo" from every passenger.\nThey took KSh 500 from me.',
    county: 47,
    constituency: 'Kasarani',
    ward: 'Mwiki',
    place: 'Kasarani roundabout, Thika Road',
    incidentAt: at('2026-08-08T16:30:00Z'),
    when: 'now',
    reportedAt: at('2026-08-08T16:42:00Z'),
    dangerNow: false,
    reporterRole: 'victim',
    officers: {
      names: 'Cpl. Otieno',
      serviceNumbers: ['237465'],
      unit: 'traffic',
      station: 'Kasarani Police Station',
      vehiclePlates: [plate('gk-123a'), plate('kda123a')],
      uniform: 'Traffic white shirts',
    },
    evidence: [
      { kind: 'photo', fileName: 'photo-1.jpg', mimeType: 'image/jpeg', sizeBytes: 245_760, caption: 'The police car' },
      { kind: 'voice', fileName: 'voice-1.ogg', mimeType: 'audio/ogg', sizeBytes: 48_213 },
    ],
    timeline: [
      { at: at('2026-08-08T17:05:00Z'), from: 'staff', text: 'Did you see a name on his uniform?' },
      { at: at('2026-08-08T17:10:00Z'), from: 'reporter', text: 'The officer had a name tag: Otieno. 🙏' },
      { at: at('2026-08-08T17:12:00Z'), from: 'reporter', attachment: { kind: 'photo', fileName: 'photo-2.jpg' } },
    ],
    language: 'en',
    reporter,
    preparedAt: at('2026-08-09T07:00:00Z'),
  };
}

function electionReport(reporter: SharedIdentity | null): CaseFileInput {
  const station = parsePollingStation('Lurambi Primary School 037202101101');
  if (!station.ok) throw new Error('station');
  return {
    reference: 'R-3HT9-PA2C',
    agency: 'IEBC',
    kind: 'election',
    category: 'e_tamper',
    story: 'Watu wawili walileta karatasi za kura zilizojazwa tayari kituoni saa kumi jioni.',
    county: 37,
    constituency: 'Lurambi',
    ward: 'Sheywe',
    incidentAt: at('2026-08-07T21:00:00Z'), // 8 August, Kenyan day
    when: 'yesterday',
    reportedAt: at('2026-08-09T05:15:00Z'),
    reporterRole: 'witness',
    pollingStation: station.station,
    evidence: [],
    timeline: [],
    language: 'sw',
    reporter,
    preparedAt: at('2026-08-09T07:00:00Z'),
  };
}

const consent = (answer: 'yes' | 'no', agency: ConsentAnswer['agency']): ConsentAnswer[] => [{ agency, answer, at: at('2026-08-09T06:30:00Z'), covers: 'name_phone' }];
const identity = (anonymous: boolean, answers: ConsentAnswer[], agency: ConsentAnswer['agency']) => {
  const r = identityForCaseFile({ anonymous }, agency, answers, REPORTER);
  return r.ok ? r.identity : null;
};

describe('police case file (IPOA, English)', () => {
  it('holds the facts, the officers, the evidence and the timeline, and identity after consent', async () => {
    const text = pdfText(await renderCaseFilePdf(policeReport(identity(false, consent('yes', 'IPOA'), 'IPOA')), translator), 'police-consent');
    for (const expected of [
      'Case file for IPOA (Independent Policing Oversight Authority)',
      'R-7KQ2-M4XD',
      'Bribery or extortion by police',
      'Nairobi City',
      'Kasarani',
      'Mwiki',
      'kitu kidogo',
      'Cpl. Otieno',
      '237465',
      'Traffic police',
      'Kasarani Police Station',
      'GK 123A, KDA 123A',
      'photo-1.jpg',
      'voice-1.ogg',
      '240.0 KB',
      'Ripoti staff',
      'Did you see a name on his uniform?',
      'The officer had a name tag: Otieno. ?',
      'Sent a file: Photo photo-2.jpg',
      'the person it happened to',
      '8 August 2026 at 19:30 EAT',
      REPORTER.name,
      REPORTER.phone,
      'the reporter agreed that Ripoti may give these details to IPOA',
      'cannot be shown in this PDF',
      'Page 1 of',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('quote reference number');
  });

  it('leaves identity out without consent, and says how to reach the reporter through Ripoti', async () => {
    for (const [label, reporter] of [
      ['declined', identity(false, consent('no', 'IPOA'), 'IPOA')],
      ['consent given to another agency', identity(false, consent('yes', 'ODPP'), 'IPOA')],
      ['anonymous, even after a yes', identity(true, consent('yes', 'IPOA'), 'IPOA')],
    ] as const) {
      const text = pdfText(await renderCaseFilePdf(policeReport(reporter), translator), `police-${label.replace(/\W+/g, '-')}`);
      expect({ label, name: text.includes('Wanjiku'), phone: text.includes('712345678') }).toEqual({ label, name: false, phone: false });
      expect(text).toContain('To reach the reporter, contact Ripoti and quote reference number R-7KQ2-M4XD');
      expect(text).toContain('Cpl. Otieno');
    }
  });
});

describe('election case file (IEBC, Swahili)', () => {
  it('holds the polling station and the electoral units, in Swahili, with identity after consent', async () => {
    const pdf = await renderCaseFilePdf(electionReport(identity(false, consent('yes', 'IEBC'), 'IEBC')), translator);
    const text = pdfText(pdf, 'election-consent');
    for (const expected of [
      'Faili la kesi kwa IEBC (Tume Huru ya Uchaguzi na Mipaka)',
      'R-3HT9-PA2C',
      'Kituo cha kupigia kura',
      'Lurambi Primary School',
      '037202101101',
      'Kakamega',
      'Eneo bunge',
      'Lurambi',
      'Wadi',
      'Sheywe',
      'shahidi',
      '8 Agosti 2026 (saa haikutajwa)',
      'Aliyeripoti hakutuma ushahidi wowote',
      'Hakuna ujumbe uliotumwa kati ya Ripoti na aliyeripoti baada ya ripoti.',
      REPORTER.name,
      REPORTER.phone,
      'Ukurasa 1 kati ya',
    ]) {
      expect(text).toContain(expected);
    }
    // An election report has no officers section.
    expect(text).not.toContain('Polisi waliohusika');
    expect(text).not.toContain('cannot be shown');

    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'case-file-election-sw.pdf'), pdf);
  });

  it("keeps the reporter's name and number out of the PDF's own details (title, author, subject, keywords), with consent too", async () => {
    for (const [name, reporter] of [['consent', identity(false, consent('yes', 'IEBC'), 'IEBC')], ['anonymous', identity(true, consent('yes', 'IEBC'), 'IEBC')]] as const) {
      const file = join(tmp, `election-info-${name}.pdf`);
      writeFileSync(file, await renderCaseFilePdf(electionReport(reporter), translator));
      const info = execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toContain('Title:           Faili la kesi R-3HT9-PA2C');
      expect(info).not.toMatch(/Wanjiku|Achieng|Kamau|712345678|Keywords/);
    }
  });

  it('leaves identity out of an anonymous election report', async () => {
    const pdf = await renderCaseFilePdf(electionReport(identity(true, consent('yes', 'IEBC'), 'IEBC')), translator);
    const text = pdfText(pdf, 'election-anonymous');
    expect(text).not.toContain('Wanjiku');
    expect(text).not.toContain('712345678');
    expect(text).toContain('wasiliana na Ripoti ukitaja nambari ya kumbukumbu R-3HT9-PA2C');
    expect(text).toContain('wahudumu wa Ripoti');
  });
});

describe('injuries and medical evidence (IPOA)', () => {
  /** A police case file with these injury answers, as text, its wrapped lines joined. */
  async function injuryText(category: 'p_force' | 'p_sexual', language: 'en' | 'sw', name: string): Promise<string> {
    const input: CaseFileInput = { ...policeReport(null), category, language, injuries: { hurt: 'untreated', record: 'not_yet' } };
    return pdfText(await renderCaseFilePdf(input, translator), name);
  }

  it('after sexual violence names the PRC form the reporter was asked about, in English and Swahili', async () => {
    const en = await injuryText('p_sexual', 'en', 'injuries-sexual-en');
    // pdftotext reads the labels, then their values.
    expect(en).toContain('Injuries and medical evidence Anyone hurt P3 or PRC form (post-rape care), or medical report Yes, no medical help yet Not yet');
    expect(en).not.toContain('P3 form or medical report');
    const sw = await injuryText('p_sexual', 'sw', 'injuries-sexual-sw');
    expect(sw).toContain('Majeraha na ushahidi wa kitabibu Kuna aliyeumia Fomu ya P3 au ya PRC (huduma baada ya ubakaji), au ripoti ya daktari Ndio, bado hajapata matibabu Bado');
    expect(sw).not.toContain('Fomu ya P3 au ripoti ya daktari');
  });

  it('after a beating names the P3 form alone', async () => {
    expect(await injuryText('p_force', 'en', 'injuries-force-en')).toContain('Anyone hurt P3 form or medical report Yes, no medical help yet Not yet');
    const sw = await injuryText('p_force', 'sw', 'injuries-force-sw');
    expect(sw).toContain('Kuna aliyeumia Fomu ya P3 au ripoti ya daktari Ndio, bado hajapata matibabu Bado');
    expect(sw).not.toContain('PRC');
  });
});

describe('a long report', () => {
  it('flows over several pages, each with the reference and its page number', async () => {
    const input = policeReport(null);
    input.story = Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of a long account of what happened at the roadblock.`).join('\n');
    input.timeline = Array.from({ length: 40 }, (_, i) => ({ at: new Date(Date.UTC(2026, 7, 9, 10, i)), from: 'reporter' as const, text: `Message ${i + 1} with more details.` }));
    const text = pdfText(await renderCaseFilePdf(input, translator), 'police-long');
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let i = 1; i <= pages; i++) expect(text).toContain(`R-7KQ2-M4XD. Confidential: for the use of the agency it was sent to. Page ${i} of ${pages}`);
    expect(text).toContain('Line 60 of a long account');
    expect(text).toContain('Message 40 with more details.');
  });
});

describe('many evidence files', () => {
  it('repeats the evidence table\'s header row on every page the table goes on to, in both languages', async () => {
    const evidence: CaseFileInput['evidence'] = Array.from({ length: 70 }, (_, i) => ({ kind: 'photo' as const, fileName: `photo-${i + 1}.jpg`, mimeType: 'image/jpeg', sizeBytes: 100_000 + i }));
    for (const [language, head] of [['en', /#\s+File\s+Type\s+Size\s+Caption/], ['sw', /#\s+Faili\s+Aina\s+Ukubwa\s+Maelezo/]] as const) {
      const file = join(tmp, `evidence-many-${language}.pdf`);
      writeFileSync(file, await renderCaseFilePdf({ ...policeReport(null), language, evidence }, translator));
      // Page by page (pdftotext ends each with a form feed), laid out as drawn.
      const pages = execFileSync(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
      const withRows = pages.filter((p) => /photo-\d+\.jpg/.test(p));
      expect(withRows.length).toBeGreaterThanOrEqual(2);
      // On each page the header comes before the page's first row.
      const headFirst = (p: string) => (head.exec(p)?.index ?? Infinity) < p.search(/photo-\d+\.jpg/);
      expect(withRows.map(headFirst)).toEqual(withRows.map(() => true));
    }
  });
});

describe('long captions', () => {
  it('keeps each file\'s row whole on one page, under the header, when its caption is long', async () => {
    // Every fourth file with a caption of 60 words: such a row met a page's end and went on, headless, on the next.
    const caption = (n: number) => Array.from({ length: n % 4 === 0 ? 60 : 2 }, (_, w) => `c${n}w${w + 1}`).join(' ');
    const evidence: CaseFileInput['evidence'] = Array.from({ length: 30 }, (_, i) => ({ kind: 'photo' as const, fileName: `photo-${i + 1}.jpg`, caption: caption(i + 1) }));
    const file = join(tmp, 'evidence-long-captions.pdf');
    writeFileSync(file, await renderCaseFilePdf({ ...policeReport(null), evidence }, translator));
    const pages = execFileSync(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
    const pageOf = (word: RegExp) => pages.findIndex((p) => word.test(p));
    const split = evidence.map((_, i) => i + 1).filter((n) => {
      const words = caption(n).split(' ');
      const page = pageOf(new RegExp(`photo-${n}\\.jpg`));
      return pageOf(new RegExp(`\\b${words[0]}\\b`)) !== page || pageOf(new RegExp(`\\b${words.at(-1)}\\b`)) !== page;
    });
    expect(split).toEqual([]);
    const headFirst = (p: string) => (/#\s+File\s+Type\s+Size\s+Caption/.exec(p)?.index ?? Infinity) < p.search(/photo-\d+\.jpg|\bc\d+w\d+\b/);
    const withRows = pages.filter((p) => /photo-\d+\.jpg|\bc\d+w\d+\b/.test(p));
    expect(withRows.map(headFirst)).toEqual(withRows.map(() => true));
  });
});

describe('reference numbers', () => {
  /** How many times the reference is whole on one line of the PDF's text, and how many times its last part is there at all. */
  async function references(input: CaseFileInput, name: string): Promise<{ whole: number; all: number }> {
    const file = join(tmp, `${name}.pdf`);
    writeFileSync(file, await renderCaseFilePdf(input, translator));
    // As pdftotext gives it, lines unjoined: "R-" at the end of one and "MXDR-KQ7A" on the next is no match.
    const raw = execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    return { whole: raw.match(/R-MXDR-KQ7A/g)?.length ?? 0, all: raw.match(/KQ7A/g)?.length ?? 0 };
  }

  it('are never split at the end of a line: an investigator searching the PDF for one finds every one', async () => {
    // "…contact Ripoti and quote reference number R-" ended a line, "MXDR-KQ7A." began the next.
    const withheld = await references({ ...policeReport(null), reference: 'R-MXDR-KQ7A', timelineWithheld: true }, 'reference-withheld');
    expect(withheld.all).toBeGreaterThanOrEqual(3);
    expect(withheld.whole).toBe(withheld.all);
    // Pushed along one narrow letter at a time, a reference in the story meets the end of a line at each of its characters.
    const story = Array.from({ length: 240 }, (_, i) => `${'i'.repeat(i)} Quote R-MXDR-KQ7A at Kasarani.`).join('\n');
    expect(await references({ ...policeReport(null), story }, 'reference-story')).toEqual({ whole: 240, all: 240 });
  });
});

describe('what a person sees', () => {
  it('renders the police case file page 1 to PNG in test-artifacts/', async () => {
    if (!existsSync(PDFTOPPM)) throw new Error(`${PDFTOPPM} is missing: apt-get install poppler-utils`);
    mkdirSync(ARTIFACTS, { recursive: true });
    const pdfFile = join(ARTIFACTS, 'case-file-police-en.pdf');
    writeFileSync(pdfFile, await renderCaseFilePdf(policeReport(identity(false, consent('yes', 'IPOA'), 'IPOA')), translator));
    execFileSync(PDFTOPPM, ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfFile, join(ARTIFACTS, 'case-file-police-en')]);
    const png = readFileSync(join(ARTIFACTS, 'case-file-police-en.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('writes the print view with every value escaped and the same consent rule', () => {
    const input = policeReport(null);
    input.story = '<script>alert(1)</script> & "quotes"';
    const html = renderCaseFileHtml(input, translator);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('🙏');
    expect(html).not.toContain('Wanjiku');
    expect(html).toContain('quote reference number <span class="ref">R-7KQ2-M4XD</span>');
    writeFileSync(join(ARTIFACTS, 'case-file-police-en.html'), html);
  });
});
