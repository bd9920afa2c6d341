import { identityForCaseFile } from '../../src/domain';
import { Translator } from '../../src/i18n';
import { caseFileContent, caseFileName, escapeHtml, formatBytes, renderCaseFileHtml, toPdfText, type CaseFileInput } from '../../src/services/case-file';

let translator: Translator;
beforeAll(async () => {
  translator = await Translator.create();
});

const base: CaseFileInput = {
  reference: 'R-AAAA-BBBB',
  agency: 'NCIC',
  kind: 'election',
  category: 'e_hate',
  story: 'Leaflets calling for violence against a community were handed out at the market.',
  county: 42,
  incidentAt: new Date('2026-08-01T09:00:00Z'),
  when: 'now',
  reportedAt: new Date('2026-08-01T09:30:00Z'),
  evidence: [],
  timeline: [],
  language: 'en',
  reporter: null,
  preparedAt: new Date('2026-08-02T06:00:00Z'),
};

const allText = (input: CaseFileInput) => JSON.stringify(caseFileContent(input, translator));

describe('case file content', () => {
  it('has the sections an agency needs, in order, for an election report', () => {
    const c = caseFileContent(base, translator);
    expect(c.sections.map((s) => s.heading)).toEqual([
      'Summary',
      'Where and when',
      // Hate speech is not asked about a polling station: who said it and where it went instead.
      'Who said it, and where it was shared',
      "What happened, in the reporter's words",
      'Evidence',
      'Messages after the report',
      'How to reach the reporter',
    ]);
    expect(c.title).toBe('Case file for NCIC (National Cohesion and Integration Commission)');
    const hate = caseFileContent({ ...base, perpetrator: { kind: 'candidate', words: 'the MCA aspirant' }, hateChannel: 'online' }, translator);
    expect(JSON.stringify(hate.sections[2])).not.toContain('polling station');
    const bribery = caseFileContent({ ...base, category: 'e_bribery', agency: 'IEBC' }, translator);
    expect(bribery.sections[2]).toEqual({ heading: 'Who did it, and the polling station', blocks: [{ type: 'text', text: 'The reporter did not say who did it, nor name the polling station.' }] });
  });

  it("heads who did it as such, not as the polling station: a GK vehicle at a rally, for EACC, has no polling station", () => {
    const rally: CaseFileInput = { ...base, category: 'e_resources', agency: 'EACC', perpetrator: { kind: 'officers', words: 'deputy county commissioner' } };
    expect(caseFileContent(rally, translator).sections[2]).toEqual({
      heading: 'Who did it, and the polling station',
      blocks: [
        { type: 'fields', rows: [{ label: 'Who did it (as the reporter says)', value: 'Government officials (chief, county staff); deputy county commissioner' }] },
        { type: 'text', text: 'The reporter did not name the polling station.' },
      ],
    });
    expect(caseFileContent({ ...rally, language: 'sw' }, translator).sections[2].heading).toBe('Aliyehusika, na kituo cha kupigia kura');
    expect(caseFileContent({ ...rally, perpetrator: undefined, language: 'sw' }, translator).sections[2].blocks).toEqual([{ type: 'text', text: 'Aliyeripoti hakusema aliyehusika, wala kutaja kituo cha kupigia kura.' }]);
  });

  it('shows officers only for police reports, and says when none were identified', () => {
    const police = caseFileContent({ ...base, kind: 'police', category: 'p_force', agency: 'IPOA' }, translator);
    expect(police.sections[2]).toEqual({ heading: 'Who the police officers were', blocks: [{ type: 'text', text: 'The reporter gave no details that identify the officers.' }] });
  });

  it("gives each officer with the service number the reporter wrote with them, and the answer as written; an older report without the answer as before", () => {
    const police: CaseFileInput = { ...base, kind: 'police', category: 'p_force', agency: 'IPOA' };
    const officers = { names: 'Koplo Mutua, Sajini Wekesa', serviceNumbers: ['78123'], rank: 'Koplo, Sajini', answer: 'Koplo Mutua 78123, Sajini Wekesa' };
    expect(caseFileContent({ ...police, officers }, translator).sections[2].blocks).toEqual([{ type: 'fields', rows: [
      { label: 'Officers and their service numbers', value: 'Koplo Mutua: service number 78123\nSajini Wekesa: no service number given' },
      { label: "The reporter's answer, as written", value: 'Koplo Mutua 78123, Sajini Wekesa' },
      { label: 'Rank', value: 'Koplo, Sajini' },
    ] }]);
    const sw = caseFileContent({ ...police, language: 'sw', officers: { names: 'afande mmoja, na mwingine hakuwa na', serviceNumbers: ['45231'], answer: 'afande mmoja, namba yake 45231 na mwingine hakuwa na namba' } }, translator);
    expect(sw.sections[2].blocks).toEqual([{ type: 'fields', rows: [
      { label: 'Polisi na nambari zao za kazi', value: 'afande mmoja: nambari ya kazi 45231\nmwingine: nambari ya kazi haikutolewa' },
      { label: 'Jibu la aliyeripoti, kama alivyoliandika', value: 'afande mmoja, namba yake 45231 na mwingine hakuwa na namba' },
    ] }]);
    // Names without numbers: the answer says it all, nothing paired.
    expect(caseFileContent({ ...police, officers: { names: 'Otieno na Kamau', answer: 'Otieno na Kamau' } }, translator).sections[2].blocks).toEqual([{ type: 'fields', rows: [
      { label: "The reporter's answer, as written", value: 'Otieno na Kamau' },
    ] }]);
    const { answer: _a, ...old } = officers;
    expect(caseFileContent({ ...police, officers: old }, translator).sections[2].blocks).toEqual([{ type: 'fields', rows: [
      { label: 'Names', value: 'Koplo Mutua, Sajini Wekesa' },
      { label: 'Service numbers', value: '78123' },
      { label: 'Rank', value: 'Koplo, Sajini' },
    ] }]);
  });

  it('says videos and documents stay out of the archive while the reporter has not agreed to be known', () => {
    const files: CaseFileInput['evidence'] = [{ kind: 'video', sizeBytes: 1_000_000 }, { kind: 'photo', sizeBytes: 100_000 }];
    const leftOut = /the archive leaves out files from which the details of the phone that made them cannot be removed for certain \(videos, audio files other than Ogg, MP3 or M4A recordings, and documents other than JPEG, PNG or WebP pictures\)/;
    expect(allText({ ...base, evidence: files })).toMatch(leftOut);
    expect(allText({ ...base, evidence: [files[1]] })).not.toMatch(leftOut);
    // A picture sent as a file is cleaned and goes; an HEIC one cannot be, and does not.
    expect(allText({ ...base, evidence: [{ kind: 'document', mimeType: 'image/jpeg' }] })).not.toMatch(leftOut);
    expect(allText({ ...base, evidence: [{ kind: 'document', mimeType: 'image/heic' }] })).toMatch(leftOut);
    // An Ogg, MP3 or M4A audio file goes without its tags, as a voice note does; a FLAC or WAV one does not go.
    for (const mimeType of ['audio/ogg', 'audio/mpeg', 'audio/mp4', 'audio/x-m4a']) expect(allText({ ...base, evidence: [{ kind: 'audio', mimeType }] })).not.toMatch(leftOut);
    for (const mimeType of ['audio/flac', 'audio/wav', undefined]) expect(allText({ ...base, evidence: [{ kind: 'audio', ...(mimeType ? { mimeType } : {}) }] })).toMatch(leftOut);
    const consented = identityForCaseFile({ anonymous: false }, 'NCIC', [{ agency: 'NCIC', answer: 'yes', at: new Date('2026-08-01T10:00:00Z'), covers: 'name_phone' }], { name: 'Baraka Mwangi', phone: '+254700111222' });
    if (!consented.ok) throw new Error('consent');
    expect(allText({ ...base, evidence: files, reporter: consented.identity })).not.toMatch(leftOut);
  });

  it('prints identity only as the consent rule hands it over', () => {
    const consented = identityForCaseFile({ anonymous: false }, 'NCIC', [{ agency: 'NCIC', answer: 'yes', at: new Date('2026-08-01T10:00:00Z'), covers: 'name_phone' }], { name: 'Baraka Mwangi', phone: '+254700111222' });
    if (!consented.ok) throw new Error('consent');
    expect(allText({ ...base, reporter: consented.identity })).toContain('+254700111222');
    const without = allText(base);
    expect(without).not.toContain('Baraka');
    expect(without).toContain('quote reference number R-AAAA-BBBB');
  });

  it('says an anonymous report is anonymous: "not shared in this file" read as if Ripoti could give the identity on request', () => {
    const reporter = (lang: 'en' | 'sw') => caseFileContent({ ...base, anonymous: true, language: lang }, translator).sections.at(-1)?.blocks;
    expect(reporter('en')).toEqual([{ type: 'text', text: 'The reporter chose to report anonymously: their name and phone number are not shared with anyone, this agency included. To put questions to the reporter, contact Ripoti and quote reference number R-AAAA-BBBB: the staff of Ripoti will pass your questions to the reporter through the hotline and send you the answers.' }]);
    expect(reporter('sw')).toEqual([{ type: 'text', text: 'Aliyeripoti alichagua kuripoti bila kutaja jina lake: jina lake na nambari yake ya simu havitolewi kwa mtu yeyote, hata kwa taasisi hii. Ili kumuuliza maswali, wasiliana na Ripoti ukitaja nambari ya kumbukumbu R-AAAA-BBBB: wahudumu wa Ripoti watamfikishia maswali yenu kupitia huduma hii na kuwaletea majibu yake.' }]);
    expect(allText(base)).not.toContain('anonymously');
  });

  it("does not tell the agency an anonymous report's name was withheld: its words are kept as written, only numbers, emails and the phone's place are", () => {
    const blanked: CaseFileInput = { ...base, anonymous: true, detailsWithheld: true, timelineWithheld: true, story: 'Call [phone number withheld].', timeline: [{ at: new Date('2026-08-01T10:00:00Z'), from: 'reporter', text: 'Or write to [email address withheld]' }] };
    const notes = (lang: 'en' | 'sw') => caseFileContent({ ...blanked, language: lang }, translator).sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'text' ? [b.text] : []));
    const en = notes('en');
    expect(en).toContain("As the reporter chose to report anonymously, phone numbers, email addresses and the location shared from the reporter's phone are withheld from the report itself (the story, the place, the files' names and captions), whoever they belong to. To ask about them, contact Ripoti and quote reference number R-AAAA-BBBB.");
    expect(en).toContain('Phone numbers and email addresses are withheld from these messages, whoever they belong to, as the reporter chose to report anonymously. To ask about them, contact Ripoti and quote reference number R-AAAA-BBBB.');
    const sw = notes('sw');
    expect(sw).toContain('Kwa kuwa aliyeripoti alichagua kuripoti bila kutaja jina lake, nambari zote za simu, anwani za barua pepe na mahali palipotumwa kutoka kwenye simu yake vimefichwa kwenye ripoti yenyewe (maelezo ya tukio, mahali, majina ya faili na maelezo yake), hata kama ni vya watu wengine. Mkitaka kuuliza kuhusu hayo, wasilianeni na Ripoti mkitaja nambari ya kumbukumbu R-AAAA-BBBB.');
    expect(sw).toContain('Nambari zote za simu na anwani za barua pepe zimefichwa kwenye jumbe hizi, hata kama ni za watu wengine, kwa kuwa aliyeripoti alichagua kuripoti bila kutaja jina lake. Mkitaka kuuliza kuhusu hayo, wasilianeni na Ripoti mkitaja nambari ya kumbukumbu R-AAAA-BBBB.');
    // Nothing says a name was blanked: none was, and saying so would make a reader look for it.
    expect(en.join(' ')).not.toMatch(/reporter's name/);
    expect(sw.join(' ')).not.toMatch(/jina la aliyeripoti/);
    // A named report without consent still says its name was withheld.
    const named = caseFileContent({ ...blanked, anonymous: undefined }, translator).sections.flatMap((s) => s.blocks);
    expect(JSON.stringify(named)).toContain("phone numbers, email addresses, the reporter's name and the location shared from their phone are withheld from the report itself");
    expect(JSON.stringify(named)).toContain("Phone numbers, email addresses and the reporter's name are withheld from these messages");
  });

  it('says the reporter said no to sharing their details with this agency, and when, where "not shared" read as not yet asked', () => {
    const declined: CaseFileInput = { ...base, consentDeclinedAt: new Date('2026-08-01T22:30:00Z') };
    const reporter = (lang: 'en' | 'sw') => caseFileContent({ ...declined, language: lang }, translator).sections.at(-1)?.blocks;
    expect(reporter('en')).toEqual([{ type: 'text', text: 'On 2 August 2026 the reporter said no when asked whether Ripoti may give their name and phone number to NCIC (National Cohesion and Integration Commission), so they are not in this file. To reach the reporter, contact Ripoti and quote reference number R-AAAA-BBBB: the staff of Ripoti will pass your questions to the reporter through the hotline and send you the answers.' }]);
    expect(reporter('sw')).toEqual([{ type: 'text', text: 'Tarehe 2 Agosti 2026 aliyeripoti alikataa Ripoti iwape NCIC (Tume ya Kitaifa ya Uwiano na Utangamano) jina lake na nambari yake ya simu, kwa hivyo havimo kwenye faili hili. Ili kumfikia, wasiliana na Ripoti ukitaja nambari ya kumbukumbu R-AAAA-BBBB: wahudumu wa Ripoti watamfikishia maswali yenu kupitia huduma hii na kuwaletea majibu yake.' }]);
    // Never asked: as before, nothing said of an answer.
    expect(allText(base)).not.toContain('said no when asked');
    // Anonymous or forgotten say so whatever was answered before.
    expect(allText({ ...declined, anonymous: true })).not.toContain('said no when asked');
    expect(allText({ ...declined, reporterForgotten: true })).not.toContain('said no when asked');
  });

  it('says a reporter who asked to be forgotten did so, instead of how to reach them or that words were withheld on request', () => {
    const forgotten: CaseFileInput = { ...base, reporterForgotten: true, detailsWithheld: true, timelineWithheld: true, timeline: [{ at: new Date('2026-08-01T10:00:00Z'), from: 'reporter', text: 'I am [name withheld]' }] };
    const reporter = (lang: 'en' | 'sw') => caseFileContent({ ...forgotten, language: lang }, translator).sections.at(-1)?.blocks;
    expect(reporter('en')).toEqual([{ type: 'text', text: 'The reporter asked Ripoti to delete their details (their right to erasure). Their name, Telegram username and phone number have been deleted, and any agreement to share them that they gave before no longer holds. Ripoti can no longer reach them about report R-AAAA-BBBB.' }]);
    expect(reporter('sw')).toEqual([{ type: 'text', text: 'Aliyeripoti aliomba Ripoti ifute maelezo yake, kama sheria ya ulinzi wa data inavyomruhusu. Jina lake, jina lake la mtumiaji kwenye Telegram na nambari yake ya simu vimefutwa, na ruhusa yoyote aliyotoa awali ya kuyatoa maelezo hayo haitumiki tena. Ripoti haiwezi tena kumfikia kuhusu ripoti R-AAAA-BBBB.' }]);
    // Nothing left to ask Ripoti for.
    expect(allText(forgotten)).not.toContain('quote reference number');
  });

  it('has no place for internal notes', () => {
    // @ts-expect-error internal notes are not part of a case file's input
    const withNotes: CaseFileInput = { ...base, internalNotes: 'agent thinks this is a duplicate' };
    expect(allText(withNotes)).not.toContain('duplicate');
  });

  it('is written in Swahili when asked, with our staff called wahudumu wa Ripoti', () => {
    const sw = caseFileContent({ ...base, language: 'sw' }, translator);
    expect(sw.sections[0].heading).toBe('Muhtasari');
    expect(JSON.stringify(sw)).toContain('wahudumu wa Ripoti');
    expect(JSON.stringify(sw)).not.toMatch(/afisa|maafisa/i);
  });

  it("lists the conversation oldest first, the staff's questions beside the answers, with files sent", () => {
    const c = caseFileContent(
      {
        ...base,
        timeline: [
          { at: new Date('2026-08-01T12:00:00Z'), from: 'reporter', text: 'second' },
          { at: new Date('2026-08-01T11:00:00Z'), from: 'reporter', text: 'first', attachment: { kind: 'document', fileName: 'leaflet.pdf' } },
          { at: new Date('2026-08-01T11:30:00Z'), from: 'staff', text: 'Who gave you the leaflet?' },
        ],
      },
      translator,
    );
    expect(c.sections[5].heading).toBe('Messages after the report');
    expect(c.sections[5].blocks).toEqual([
      {
        type: 'messages',
        items: [
          { at: '1 August 2026 at 14:00 EAT', who: 'The reporter', text: 'first\nSent a file: Document leaflet.pdf' },
          { at: '1 August 2026 at 14:30 EAT', who: 'Ripoti staff', text: 'Who gave you the leaflet?' },
          { at: '1 August 2026 at 15:00 EAT', who: 'The reporter', text: 'second' },
        ],
      },
    ]);
    // Blanked for want of consent: the file says why, and where to ask.
    const withheld = caseFileContent({ ...base, language: 'sw', timelineWithheld: true, timeline: [{ at: new Date('2026-08-01T11:00:00Z'), from: 'reporter', text: 'Nipigie [nambari ya simu imefichwa]' }] }, translator);
    expect(withheld.sections[5].blocks[1]).toEqual({ type: 'text', text: expect.stringContaining('mkitaja nambari ya kumbukumbu R-AAAA-BBBB') });
  });
});

describe('what the agency would otherwise misread', () => {
  const field = (input: CaseFileInput, label: string) => {
    const rows = caseFileContent(input, translator).sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'fields' ? b.rows : [])));
    return rows.find((r) => r.label === label)?.value;
  };
  const story = (input: CaseFileInput) => caseFileContent(input, translator).sections[3].blocks[0];

  it('a story told in a voice note points to its file instead of saying "not given"', () => {
    const voice = { ...base, story: undefined, storyVoice: { durationSec: 83 }, evidence: [{ kind: 'voice' as const, mimeType: 'audio/ogg' }] };
    expect(story(voice)).toEqual({ type: 'text', text: 'The reporter told it in a voice note (1:23): file 1 of the evidence list.' });
    expect(story({ ...voice, storyVoice: {} })).toEqual({ type: 'text', text: 'The reporter told it in a voice note: file 1 of the evidence list.' });
    expect(story({ ...voice, language: 'sw' })).toEqual({ type: 'text', text: 'Aliyeripoti alieleza kilichotokea kwa ujumbe wa sauti (dakika 1:23): ni faili nambari 1 kwenye orodha ya ushahidi.' });
    expect(story({ ...base, story: undefined })).toEqual({ type: 'text', text: 'Not given' });
    // Words written after the voice note follow the pointer to it.
    const both = caseFileContent({ ...voice, story: 'They also took his ID card.' }, translator).sections[3].blocks;
    expect(both).toEqual([{ type: 'text', text: 'The reporter told it in a voice note (1:23): file 1 of the evidence list.' }, { type: 'text', text: 'They also took his ID card.' }]);
    // Once retention deleted the voice note, the words written after it are not taken for the whole story.
    const spoken = caseFileContent({ ...base, story: 'They also took his ID card.', storyVoiceDeleted: true, filesDeletedAt: new Date('2027-09-01T08:00:00Z') }, translator).sections[3].blocks;
    expect(spoken).toEqual([{ type: 'text', text: "The reporter also told it in a voice note, deleted with the report's files on 1 September 2027. What they wrote:" }, { type: 'text', text: 'They also took his ID card.' }]);
    // After retention deleted the files (a voice-note story with them), it says so.
    expect(story({ ...base, story: undefined, filesDeletedAt: new Date('2027-09-01T08:00:00Z') })).toEqual({
      type: 'text',
      text: "No written story: if it was told in a voice note, that was deleted with the report's files on 1 September 2027.",
    });
  });

  it('gives how long each video, voice note and recording is, as the reporter sent it: what an investigator sets time aside for', () => {
    const evidence: CaseFileInput['evidence'] = [
      { kind: 'video', mimeType: 'video/mp4', sizeBytes: 12_000_000, durationSec: 95 },
      { kind: 'voice', mimeType: 'audio/ogg', sizeBytes: 48_213, durationSec: 7 },
      { kind: 'photo', mimeType: 'image/jpeg', sizeBytes: 245_760 },
    ];
    const types = (language: 'en' | 'sw') => {
      const table = caseFileContent({ ...base, evidence, language }, translator).sections[4].blocks[0];
      return table.type === 'table' ? table.rows.map((r) => r[2]) : [];
    };
    expect(types('en')).toEqual(['Video, video/mp4\n1:35 long', 'Voice note, audio/ogg\n0:07 long', 'Photo, image/jpeg']);
    expect(types('sw')).toEqual(['Video, video/mp4\ndakika 1:35', 'Ujumbe wa sauti, audio/ogg\ndakika 0:07', 'Picha, image/jpeg']);
  });

  it('says in Swahili who the reporter is as a sentence reads: "Aliyeripoti ni mtu anayeripoti…", never "Aliyeripoti ni anaripoti…"', () => {
    const role = (reporterRole: 'victim' | 'witness' | 'on_behalf') => `Aliyeripoti ni ${field({ ...base, language: 'sw', reporterRole }, 'Aliyeripoti ni')}`;
    expect(role('on_behalf')).toBe('Aliyeripoti ni mtu anayeripoti kwa niaba ya mwingine');
    expect(role('victim')).toBe('Aliyeripoti ni mtu aliyefanyiwa tukio hili');
    expect(role('witness')).toBe('Aliyeripoti ni shahidi');
  });

  it("says the reporter's language, a report never finished, and a ticket no longer referred", () => {
    expect(field({ ...base, reporterLanguage: 'sw' }, "Reporter's language")).toBe('Swahili');
    expect(field({ ...base, notFinished: true }, 'Not finished')).toMatch(/did not finish this report/);
    expect(field(base, 'Not finished')).toBeUndefined();
    expect(field({ ...base, status: 'in_progress' }, 'Status at Ripoti')).toBe('back with Ripoti staff: no longer referred');
    expect(field({ ...base, status: 'resolved' }, 'Status at Ripoti')).toBe('closed as resolved');
    expect(field({ ...base, status: 'referred' }, 'Status at Ripoti')).toBeUndefined();
  });

  it('reads the time of day the reporter typed on the 24-hour clock in the file\'s language, their words kept as typed', () => {
    const day: CaseFileInput = { ...base, when: 'yesterday', incidentAt: new Date('2026-07-31T21:00:00Z') };
    const when = (timeOfDay: string, language: 'en' | 'sw' = 'en') => field({ ...day, timeOfDay, language }, language === 'en' ? 'When it happened' : 'Lilitokea lini');
    expect(when('saa nne usiku')).toBe('1 August 2026, 22:00 EAT (the reporter wrote "saa nne usiku")');
    expect(when('at around 10pm', 'sw')).toBe('1 Agosti 2026, saa 22:00 EAT (aliyeripoti aliandika "at around 10pm")');
    expect(when('saa nne usiku', 'sw')).toBe('1 Agosti 2026, saa 22:00 EAT (aliyeripoti aliandika "saa nne usiku")');
    // Words that allow two readings give both, and say so.
    expect(when('saa 4 usiku')).toBe('1 August 2026, 22:00 or 04:00 EAT: the reporter wrote "saa 4 usiku", which can mean either');
    expect(when('saa 4 usiku', 'sw')).toBe('1 Agosti 2026, saa 22:00 au 04:00 EAT: aliyeripoti aliandika "saa 4 usiku", yaani inaweza kuwa mojawapo ya hizo mbili');
    // "Saa nne mchana": 10:00 (the daytime) or 4 pm on a clock face; "saa tisa alasiri" is 15:00 alone.
    expect(when('saa nne mchana')).toBe('1 August 2026, 10:00 or 16:00 EAT: the reporter wrote "saa nne mchana", which can mean either');
    expect(when('saa tisa alasiri', 'sw')).toBe('1 Agosti 2026, saa 15:00 EAT (aliyeripoti aliandika "saa tisa alasiri")');
    // "Saa 4" alone: Swahili time or a clock face, morning or night: four readings, not "either".
    expect(when('saa 4')).toBe('1 August 2026, 10:00 or 22:00 or 04:00 or 16:00 EAT: the reporter wrote "saa 4", which can mean any of these');
    expect(when('saa 4', 'sw')).toBe('1 Agosti 2026, saa 10:00 au 22:00 au 04:00 au 16:00 EAT: aliyeripoti aliandika "saa 4", yaani inaweza kuwa yoyote kati ya hizo');
    // A part of the day alone, in the file's language.
    expect(when('usiku')).toBe('1 August 2026, at night (the reporter wrote "usiku")');
    expect(when('in the evening', 'sw')).toBe('1 Agosti 2026, jioni (aliyeripoti aliandika "in the evening")');
    // What cannot be read stays the words, as before.
    expect(when('saa hizo')).toBe('1 August 2026, "saa hizo" (the time of day as the reporter typed it)');
  });

  it('a time after midnight in the night words of a day may be of the night after it: both dates, where the next is not after the report', () => {
    // "Jana saa nane usiku", typed on 3 August: 2 am of the night after 1 August's day, or of 1 August's own small hours.
    const day: CaseFileInput = { ...base, when: 'yesterday', incidentAt: new Date('2026-07-31T21:00:00Z'), reportedAt: new Date('2026-08-03T07:00:00Z') };
    const when = (timeOfDay: string, language: 'en' | 'sw' = 'en', input = day) => field({ ...input, timeOfDay, language }, language === 'en' ? 'When it happened' : 'Lilitokea lini');
    expect(when('saa nane usiku')).toBe('1 August 2026 or 2 August 2026, 02:00 EAT (the reporter wrote "saa nane usiku": after midnight, it may be the night after the day they gave)');
    expect(when('saa nane usiku', 'sw')).toBe('1 Agosti 2026 au 2 Agosti 2026, saa 02:00 EAT (aliyeripoti aliandika "saa nane usiku": ni baada ya saa sita usiku, huenda ni usiku uliofuata siku aliyoitaja)');
    // Midnight ("saa sita usiku", "juzi saa sita usiku"): the day's night ends in it, so both dates, as for 2 am.
    expect(when('saa sita usiku')).toBe('1 August 2026 or 2 August 2026, 00:00 EAT (the reporter wrote "saa sita usiku": after midnight, it may be the night after the day they gave)');
    // Before midnight, or the next day not yet come when the report was made: the one date.
    expect(when('saa nne usiku')).toBe('1 August 2026, 22:00 EAT (the reporter wrote "saa nne usiku")');
    expect(when('saa nane usiku', 'en', { ...day, reportedAt: new Date('2026-08-01T20:00:00Z') })).toBe('1 August 2026, 02:00 EAT (the reporter wrote "saa nane usiku")');
    // A clock time with no night words is of the day given.
    expect(when('at 2am')).toBe('1 August 2026, 02:00 EAT (the reporter wrote "at 2am")');
  });

  it('"jana usiku wa manane" (the middle of the night, no hour) may be the night after the day too, as "jana saa sita usiku" is', () => {
    const day: CaseFileInput = { ...base, when: 'yesterday', incidentAt: new Date('2026-07-31T21:00:00Z'), reportedAt: new Date('2026-08-03T07:00:00Z') };
    const when = (timeOfDay: string, language: 'en' | 'sw' = 'en', input = day) => field({ ...input, timeOfDay, language }, language === 'en' ? 'When it happened' : 'Lilitokea lini');
    expect(when('usiku wa manane')).toBe('1 August 2026 or 2 August 2026, in the middle of the night (the reporter wrote "usiku wa manane": it may be the night after the day they gave)');
    expect(when('usiku wa manane', 'sw')).toBe('1 Agosti 2026 au 2 Agosti 2026, usiku wa manane (aliyeripoti aliandika "usiku wa manane": huenda ni usiku uliofuata siku aliyoitaja)');
    // Reported before the next day began (in the small hours of the same day): the one date.
    expect(when('usiku wa manane', 'en', { ...day, reportedAt: new Date('2026-07-31T23:30:00Z') })).toBe('1 August 2026, in the middle of the night (the reporter wrote "usiku wa manane")');
    // Other parts of the day are of the day given ("usiku", the night, begins on it).
    expect(when('usiku')).toBe('1 August 2026, at night (the reporter wrote "usiku")');
    expect(when('alfajiri')).toBe('1 August 2026, at dawn (the reporter wrote "alfajiri")');
  });

  it('says the time zone with every time, in both languages: a page read on its own has no header saying it', () => {
    const input: CaseFileInput = {
      ...base,
      passedOn: [{ text: 'Come with pangas', from: 'Group', sentAt: new Date('2026-07-31T18:00:00Z') }],
      timeline: [{ at: new Date('2026-08-01T11:00:00Z'), from: 'reporter', text: 'first' }],
    };
    for (const [language, reported] of [['en', 'Reported to Ripoti'], ['sw', 'Iliripotiwa kwa Ripoti']] as const) {
      const c = caseFileContent({ ...input, language }, translator);
      const times = [
        field({ ...input, language }, reported),
        ...c.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'messages' ? b.items.map((m) => m.at) : []))),
      ];
      expect(times).toHaveLength(3);
      expect(times.filter((x) => !/ \d\d:\d\d EAT$/.test(x ?? ''))).toEqual([]);
    }
    expect(field(input, 'When it happened')).toBe('1 August 2026 at 12:00 EAT');
  });

  it('the "Other / not sure" unit says so, rather than "another unit" the reporter never named', () => {
    const police: CaseFileInput = { ...base, kind: 'police', category: 'p_force', agency: 'IPOA', officers: { unit: 'other' } };
    expect(field(police, 'Unit')).toBe('Other or not sure');
    expect(field({ ...police, language: 'sw' }, 'Kitengo')).toBe('Kingine au hana uhakika');
  });

  it('names one other report of the incident in the singular, and counts past the first 30', () => {
    expect(field({ ...base, incidentReferences: ['R-AAAA-0001'] }, 'Same incident')).toBe('One other report to Ripoti is about the same incident: R-AAAA-0001. Ask Ripoti about it by reference.');
    const refs = Array.from({ length: 33 }, (_, i) => `R-AAAA-${String(i).padStart(4, '0')}`);
    const text = field({ ...base, incidentReferences: refs }, 'Same incident')!;
    expect(text).toMatch(/^33 other reports to Ripoti are about the same incident: R-AAAA-0000, .* R-AAAA-0029 and 3 more\. /);
    expect(text).not.toContain('R-AAAA-0030');
  });

  it('a shared location is where the reporter was, a name is the Telegram one, deleted files are not "none sent"', () => {
    expect(field({ ...base, location: { lat: -1.3, lon: 36.8 } }, "Location shared from the reporter's phone: where they were when reporting (latitude, longitude)")).toBe('-1.30000, 36.80000');
    const consented = identityForCaseFile({ anonymous: false }, 'NCIC', [{ agency: 'NCIC', answer: 'yes', at: new Date('2026-08-01T10:00:00Z'), covers: 'name_phone' }], { name: 'Baraka Mwangi', phone: '+254700111222' });
    if (!consented.ok) throw new Error('consent');
    expect(field({ ...base, reporter: consented.identity }, 'Name on Telegram (not verified)')).toBe('Baraka Mwangi');
    expect(caseFileContent({ ...base, filesDeletedAt: new Date('2027-09-01T08:00:00Z') }, translator).sections[4].blocks[0]).toEqual({
      type: 'text',
      text: "The report's files were deleted on 1 September 2027 under Ripoti's rule on how long data is kept.",
    });
  });
});

describe('injuries and medical evidence', () => {
  const police: CaseFileInput = { ...base, kind: 'police', category: 'p_force', agency: 'IPOA' };
  const section = (input: CaseFileInput) => caseFileContent(input, translator).sections.find((s) => /Injuries|Majeraha/.test(s.heading));

  it('says who was hurt, whether treated, and whether there is a P3 form or a medical report, after the officers', () => {
    const c = caseFileContent({ ...police, injuries: { hurt: 'untreated', record: 'not_yet' } }, translator);
    expect(c.sections[3]).toEqual({
      heading: 'Injuries and medical evidence',
      blocks: [{ type: 'fields', rows: [{ label: 'Anyone hurt', value: 'Yes, no medical help yet' }, { label: 'P3 form or medical report', value: 'Not yet' }] }],
    });
  });

  it('in Swahili, the staff language chosen for the file', () => {
    expect(section({ ...police, language: 'sw', injuries: { hurt: 'treated', record: 'yes' } })).toEqual({
      heading: 'Majeraha na ushahidi wa kitabibu',
      blocks: [{ type: 'fields', rows: [{ label: 'Kuna aliyeumia', value: 'Ndio, amepata matibabu' }, { label: 'Fomu ya P3 au ripoti ya daktari', value: 'Ipo' }] }],
    });
  });

  it('after sexual violence names the PRC form the reporter was asked about, in English and Swahili', () => {
    const sexual: CaseFileInput = { ...police, category: 'p_sexual', injuries: { hurt: 'none', record: 'not_yet' } };
    expect(section(sexual)?.blocks).toEqual([
      { type: 'fields', rows: [{ label: 'Anyone hurt', value: 'No one was hurt' }, { label: 'P3 or PRC form (post-rape care), or medical report', value: 'Not yet' }] },
    ]);
    expect(section({ ...sexual, language: 'sw' })?.blocks).toEqual([
      { type: 'fields', rows: [{ label: 'Kuna aliyeumia', value: 'Hakuna aliyeumia' }, { label: 'Fomu ya P3 au ya PRC (huduma baada ya ubakaji), au ripoti ya daktari', value: 'Bado' }] },
    ]);
  });

  it('after a killing, of anyone else; and says so when the reporter did not answer', () => {
    expect(section({ ...police, category: 'p_killing', injuries: { hurt: 'none' } })?.blocks).toEqual([{ type: 'fields', rows: [{ label: 'Anyone else hurt (besides anyone killed)', value: 'No one else was hurt' }] }]);
    expect(section(police)?.blocks).toEqual([{ type: 'text', text: 'The reporter did not say whether anyone was hurt.' }]);
  });

  it('says "not given" for the P3 question when someone was hurt and the reporter skipped it: a missing row read as "not asked"', () => {
    expect(section({ ...police, injuries: { hurt: 'treated' } })?.blocks).toEqual([
      { type: 'fields', rows: [{ label: 'Anyone hurt', value: 'Yes, got medical help' }, { label: 'P3 form or medical report', value: 'Not given' }] },
    ]);
    expect(section({ ...police, category: 'p_sexual', injuries: { hurt: 'none' }, language: 'sw' })?.blocks).toEqual([
      { type: 'fields', rows: [{ label: 'Kuna aliyeumia', value: 'Hakuna aliyeumia' }, { label: 'Fomu ya P3 au ya PRC (huduma baada ya ubakaji), au ripoti ya daktari', value: 'Haikutolewa' }] },
    ]);
    // No one hurt: the P3 question was never asked, so no row.
    expect(section({ ...police, injuries: { hurt: 'none' } })?.blocks).toEqual([{ type: 'fields', rows: [{ label: 'Anyone hurt', value: 'No one was hurt' }] }]);
  });

  it('is not in the file of a category that does not ask it', () => {
    expect(section({ ...police, category: 'p_bribery', injuries: { hurt: 'treated' } })).toBeUndefined();
    expect(section(base)).toBeUndefined();
  });
});

describe('PDF text', () => {
  it('keeps what Helvetica can draw, drops accents it cannot, and marks the rest', () => {
    expect(toPdfText('Murang’a – “kitu kidogo” café €5')).toEqual({ text: 'Murang’a – “kitu kidogo” café €5', lossy: false });
    expect(toPdfText('Ŝeŵa')).toEqual({ text: 'Sewa', lossy: false });
    expect(toPdfText('help 🙏 now')).toEqual({ text: 'help ? now', lossy: true });
    expect(toPdfText('a\r\nb\tc')).toEqual({ text: 'a\nb c', lossy: false });
  });

  it('names the download by reference and agency only', () => {
    expect(caseFileName({ reference: 'R-7KQ2-M4XD', agency: 'NPS_IA' }, 'pdf')).toBe('ripoti-R-7KQ2-M4XD-NPS_IA.pdf');
  });

  it('formats file sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(245_760)).toBe('240.0 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(undefined)).toBe('');
  });
});

describe('HTML print view', () => {
  it('escapes every value', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = renderCaseFileHtml(
      { ...base, place: '<img src=x onerror=alert(1)>', evidence: [{ kind: 'photo', fileName: '"><b>x.jpg', sizeBytes: 10 }] },
      translator,
    );
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<html lang="en">');
  });
});
