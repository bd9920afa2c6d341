import fc from 'fast-check';
import { consentAskable, emailsIn, identityDecision, identityForCaseFile, keepVictimNamedAsIn, ownNameWritten, withheldFromConversation, withoutForgottenIdentity, withoutOwnIdentity, type ConsentAnswer } from '../../../src/domain';

const at = (min: number) => new Date(Date.UTC(2026, 7, 9, 10, min));
const yesIpoa: ConsentAnswer = { agency: 'IPOA', answer: 'yes', at: at(1), covers: 'name_phone' };
const identity = { name: 'Wanjiku Kamau', phone: '+254712345678' };

describe('consent to share identity with an agency', () => {
  it('shares identity with the agency the reporter said yes to', () => {
    expect(identityDecision({ anonymous: false }, 'IPOA', [yesIpoa])).toEqual({ share: true, consentAt: at(1), withName: true });
    const r = identityForCaseFile({ anonymous: false }, 'IPOA', [yesIpoa], identity);
    expect(r).toEqual({ ok: true, identity: { ...identity, consentAt: at(1) } });
  });

  it('never shares an anonymous report, even after a yes', () => {
    expect(identityDecision({ anonymous: true }, 'IPOA', [yesIpoa])).toEqual({ share: false, reason: 'anonymous' });
    expect(identityForCaseFile({ anonymous: true }, 'IPOA', [yesIpoa], identity)).toEqual({ ok: false, reason: 'anonymous' });
  });

  it('does not share without an answer, after a no, or with another agency', () => {
    expect(identityDecision({ anonymous: false }, 'IPOA', [])).toEqual({ share: false, reason: 'not_asked' });
    expect(identityDecision({ anonymous: false }, 'IPOA', [{ agency: 'IPOA', answer: 'no', at: at(1) }])).toEqual({ share: false, reason: 'declined' });
    expect(identityDecision({ anonymous: false }, 'ODPP', [yesIpoa])).toEqual({ share: false, reason: 'not_asked' });
  });

  it('follows the latest answer for that agency, in whatever order answers are listed', () => {
    const changedMind = [{ agency: 'IPOA', answer: 'no', at: at(5) }, yesIpoa] as ConsentAnswer[];
    expect(identityDecision({ anonymous: false }, 'IPOA', changedMind)).toEqual({ share: false, reason: 'declined' });
    const thenYes = [...changedMind, { agency: 'IPOA', answer: 'yes', at: at(9) }] as ConsentAnswer[];
    expect(identityDecision({ anonymous: false }, 'IPOA', thenYes)).toEqual({ share: true, consentAt: at(9), withName: false });
  });

  it('a yes to the older question, which asked only for the phone number, gives only the phone number', () => {
    const phoneOnly: ConsentAnswer = { agency: 'IPOA', answer: 'yes', at: at(1) };
    expect(identityForCaseFile({ anonymous: false }, 'IPOA', [phoneOnly], identity)).toEqual({ ok: true, identity: { phone: identity.phone, consentAt: at(1) } });
    expect(identityForCaseFile({ anonymous: false }, 'IPOA', [phoneOnly], { name: 'Wanjiku Kamau' })).toEqual({ ok: false, reason: 'nothing_to_share' });
  });

  it('"another agency" is a yes to the one it named: referred on to another, nothing is shared', () => {
    const yesX: ConsentAnswer = { agency: 'OTHER', answer: 'yes', at: at(1), covers: 'name_phone', agencyName: 'Kenya National Commission on Human Rights' };
    expect(identityDecision({ anonymous: false }, 'OTHER', [yesX], 'Kenya National Commission on Human Rights')).toMatchObject({ share: true });
    expect(identityDecision({ anonymous: false }, 'OTHER', [yesX], 'Kenya Red Cross')).toEqual({ share: false, reason: 'not_asked' });
  });

  it('shares nothing once the reporter asked to be forgotten, whatever they answered before', () => {
    const forgotten = { anonymous: false, reporterForgottenAt: at(30) };
    expect(identityDecision(forgotten, 'IPOA', [yesIpoa])).toEqual({ share: false, reason: 'forgotten' });
    expect(identityForCaseFile(forgotten, 'IPOA', [yesIpoa], identity)).toEqual({ ok: false, reason: 'forgotten' });
    // An anonymous report whose reporter asked too: the request is what the file says.
    expect(identityDecision({ anonymous: true, reporterForgottenAt: at(30) }, 'IPOA', [])).toEqual({ share: false, reason: 'forgotten' });
    expect(identityDecision({ anonymous: false, reporterForgottenAt: null }, 'IPOA', [yesIpoa])).toMatchObject({ share: true });
  });

  it('asks the consent question only on a referred ticket of a reporter we still know', () => {
    const referred = { anonymous: false, status: 'referred', referral: { agency: 'IPOA' as const } };
    expect(consentAskable(referred)).toEqual({ ok: true, agency: 'IPOA' });
    expect(consentAskable({ ...referred, reporterForgottenAt: at(30) })).toEqual({ ok: false, reason: 'forgotten' });
    expect(consentAskable({ ...referred, anonymous: true })).toEqual({ ok: false, reason: 'anonymous' });
    expect(consentAskable({ ...referred, status: 'in_progress' })).toEqual({ ok: false, reason: 'not_referred' });
    expect(consentAskable({ ...referred, referral: null })).toEqual({ ok: false, reason: 'not_referred' });
    expect(consentAskable({ ...referred, purgedAt: at(40) })).toEqual({ ok: false, reason: 'purged' });
  });

  it('says when there is nothing to share', () => {
    expect(identityForCaseFile({ anonymous: false }, 'IPOA', [yesIpoa], { name: ' ', phone: '' })).toEqual({ ok: false, reason: 'nothing_to_share' });
    expect(identityForCaseFile({ anonymous: false }, 'IPOA', [yesIpoa], { phone: '+254700000001' })).toMatchObject({ ok: true, identity: { phone: '+254700000001' } });
  });
});

describe('a conversation in a file that does not share who the reporter is', () => {
  const marks = { phone: '[phone]', name: '[name]', location: '[place]', email: '[email]' };
  it('blanks every Kenyan phone number and each word of the reporter\'s own name, whole words only', () => {
    const text = 'Ni Amina Wanjiru. Call 0712 345 678 or +254733000111.\nJaneth and Aminata are my friends; AMINA is me.';
    expect(withheldFromConversation(text, { phone: true, names: ['Amina Wanjiru'] }, marks)).toBe('Ni [name] [name]. Call [phone] or [phone].\nJaneth and Aminata are my friends; [name] is me.');
  });
  it('keeps a name word that is an everyday word (were, hawa, will) or a title where it is written in lower case alone; capitalised, or beside another word of the name, it is the name', () => {
    const w = { phone: true, names: ['Hawa Were'] };
    expect(withheldFromConversation('Which station were the officers from? Polisi hawa walikuwa wamelewa.', w, marks)).toBe('Which station were the officers from? Polisi hawa walikuwa wamelewa.');
    expect(withheldFromConversation('I am Hawa. Ask for hawa were, or WERE, at the stage. Were they armed?', w, marks)).toBe('I am [name]. Ask for [name] [name], or [name], at the stage. [name] they armed?');
    expect(withheldFromConversation('mama yangu alisema, Mama Njeri here; call will or njeri', { phone: true, names: ['Mama Njeri', 'Will'] }, marks)).toBe('mama yangu alisema, [name] [name] here; call will or [name]');
    // A word that in a report is mostly a name stays blanked in lower case: "my name is grace".
    expect(withheldFromConversation('my name is grace, polisi walinipiga', { phone: true, names: ['Grace Were'] }, marks)).toBe('my name is [name], polisi walinipiga');
    // A mark is never read again as a name: a reporter called "Name".
    expect(withheldFromConversation('Name Otieno, name otieno', { phone: true, names: ['Name Otieno'] }, marks)).toBe('[name] [name], [name] [name]');
  });
  it("blanks the reporter's own number however it was written, foreign numbers too, and no other digits", () => {
    const own = { phone: true, names: [], phones: ['+254722000111'] };
    expect(withheldFromConversation('Call me on 722 000 111, or 0722-000-111, or +254 (0) 722 000111.', own, marks)).toBe('Call me on [phone], or [phone], or [phone].');
    expect(withheldFromConversation('(0722) 000 111, 0722 - 000 - 111, 0722/000/111.', own, marks)).toBe('[phone], [phone], [phone].');
    // A sum or another number beside it stays.
    expect(withheldFromConversation('KSh 500 722000111; ID 22000111; till 5722000111.', own, marks)).toBe('KSh 500 [phone]; ID 22000111; till 5722000111.');
    const abroad = { phone: true, names: [], phones: ['+256 772 123 456'] };
    expect(withheldFromConversation('My line is +256772123456 (Uganda), my ID 27712345.', abroad, marks)).toBe('My line is [phone] (Uganda), my ID 27712345.');
    // An anonymous reporter's "call me on..." however it is grouped, with no number of theirs known.
    const anonymous = { phone: true, names: [] };
    expect(withheldFromConversation('Call me (0722) 123 456 or 0733 - 444 - 555 or sms 0711  222  333, KSh 700 000 000 on 07.12.2026 10:30', anonymous, marks)).toBe(
      'Call me [phone] or [phone] or sms [phone], KSh 700 000 000 on 07.12.2026 10:30',
    );
    // A number in brackets keeps the text's own brackets round its mark, whichever pattern found it.
    expect(withheldFromConversation('Otieno (0733 444 555) and me (0722 000 111).', own, marks)).toBe('Otieno ([phone]) and me ([phone]).');
    // Kept when the phone is shared.
    expect(withheldFromConversation('Call 722 000 111', { ...own, phone: false }, marks)).toBe('Call 722 000 111');
  });
  it('blanks email addresses with the phone numbers: "or email me" reaches the reporter as surely, whatever the address says', () => {
    const text = 'My other line is 0722 111 222, or email brianfan2000@yahoo.com (or Akinyi.Odhiambo+ipoa@gmail.co.ke).';
    expect(withheldFromConversation(text, { phone: true, names: ['Akinyi Odhiambo'], usernames: ['akinyi_o'] }, marks)).toBe('My other line is [phone], or email [email] (or [email]).');
    // Their username before an @ is part of the address, not a handle: the address goes whole.
    expect(withheldFromConversation('akinyi_o@gmail.com', { phone: true, names: [], usernames: ['akinyi_o'] }, marks)).toBe('[email]');
    // Not a Telegram handle or an @ on its own; and kept when the phone is shared.
    expect(withheldFromConversation('Ask @KenyaPolice or meet me @ the stage', { phone: true, names: [] }, marks)).toBe('Ask @KenyaPolice or meet me @ the stage');
    expect(withheldFromConversation(text, { phone: false, names: [] }, marks)).toBe(text);
  });
  it('keeps what the reporter agreed to share, and names of two letters (too common to blank)', () => {
    expect(withheldFromConversation('Jo here, 0712345678', { phone: false, names: ['Jo'] }, marks)).toBe('Jo here, 0712345678');
    // A place shared ("where are you now?") goes with the number.
    const shared = '📍 Kibera DO office, Kibera Drive\n-1.31234, 36.78123 https://www.openstreetmap.org/?mlat=-1.31234&mlon=36.78123#map=17/-1.31234/36.78123';
    expect(withheldFromConversation(shared, { phone: true, names: [] }, marks)).toBe('[place]');
    expect(withheldFromConversation(shared, { phone: false, names: [] }, marks)).toBe(shared);
    expect(withheldFromConversation('Wambũi wa (Kamau)', { phone: true, names: ['Wambũi', 'K.'] }, marks)).toBe('[name] wa (Kamau)');
  });
});

describe('the email addresses written in a text', () => {
  it('finds a real address in an English or a Swahili sentence, in lower case, without the full stop after it', () => {
    expect(emailsIn('They took my phone. Email me at wanjiku.m@gmail.com.')).toEqual(['wanjiku.m@gmail.com']);
    expect(emailsIn('Niandikie kwa J_Otieno@Yahoo.co.ke, simu yangu walichukua.')).toEqual(['j_otieno@yahoo.co.ke']);
  });

  it('leaves an @ used as "at": a place, a time or a price, in either language', () => {
    for (const text of [
      'They arrested us @ the station and took us @Kisumu.',
      'Walitukamata @ kituo cha polisi, kisha @Kisumu. Walitaka elfu mbili.',
      'He came back at 4@10.30 and again@2.00am.',
      'Walinipiga saa 4@10.30 usiku; tuonane kesho@8.30.',
      'They sold us 2 crates@150.00 each.',
      'Walituuzia kreti 2@150.00 kila moja.',
    ]) {
      expect(emailsIn(text)).toEqual([]);
    }
  });
});

describe('a victim named as the reporter named them, in a file that does not share who the reporter is', () => {
  const marks = { phone: '[phone]', name: '[name]', location: '[place]', email: '[email]' };
  const own = { phone: true, names: ['Grace Kamau'] };
  const blank = (s: string) => withheldFromConversation(s, own, marks);
  const victim = 'My son Brian Kamau, 19, at Githurai Technical';

  it("keeps the victim's name where it holds a word of the reporter's own (a family name): the agency needs whom to look for", () => {
    expect(keepVictimNamedAsIn(victim, blank, victim, own.names)).toBe(victim);
    expect(keepVictimNamedAsIn('They took Brian Kamau. I am Grace Kamau; Kamau is our name. brian kamau', blank, victim, own.names)).toBe(
      'They took Brian Kamau. I am [name] [name]; [name] is our name. brian [name]',
    );
    // Part of the name as given ("Brian Kamau Mwangi"), in another order too.
    expect(keepVictimNamedAsIn('Kamau Brian was seen; Brian Kamau too', blank, 'Brian Kamau Mwangi', own.names)).toBe('Kamau Brian was seen; Brian Kamau too');
  });

  it("never keeps the reporter's own name: their whole name, their name with a title, or a family name alone", () => {
    for (const answer of ['Grace Kamau', 'Mama Kamau, my sister', 'Kamau', 'Mother Grace Kamau', 'Brian, son of Grace Kamau']) {
      expect(keepVictimNamedAsIn(`${answer}. Grace Kamau. Kamau.`, blank, answer, own.names)).not.toMatch(/Grace|Kamau/);
    }
    // Nor a name run into an email address or a username.
    expect(keepVictimNamedAsIn('brian.Kamau@gmail.com, @Brian_Kamau', blank, victim, own.names)).toBe('[email], @Brian_[name]');
    // Nothing to keep without a victim, or when nothing of the reporter's name is withheld.
    expect(keepVictimNamedAsIn('Brian Kamau', blank, undefined, own.names)).toBe('Brian [name]');
    expect(keepVictimNamedAsIn('Brian Kamau 0722 000 111', (s) => withheldFromConversation(s, { phone: true, names: [] }, marks), victim, [])).toBe('Brian Kamau [phone]');
  });
});

describe('the reporter\'s own name in their story', () => {
  const own = { names: ['Wanjiku', 'Kamau'], username: 'wanjiku_k' };

  it('finds a word of their Telegram name written as a name, or their username', () => {
    expect(ownNameWritten('Mimi ni Wanjiku, polisi walinipiga Kondele.', own)).toEqual({ written: 'Wanjiku', as: 'name' });
    expect(ownNameWritten('They took KAMAU\'s phone', own)).toEqual({ written: 'KAMAU', as: 'name' });
    expect(ownNameWritten('Call @wanjiku_k here', own)).toEqual({ written: '@wanjiku_k', as: 'username' });
  });

  it('passes a story without them: lower-case words, parts of longer words, other people\'s names', () => {
    expect(ownNameWritten('Polisi walimpiga Otieno nje ya soko.', own)).toBeUndefined();
    expect(ownNameWritten('wanjiku means something else here in lower case', own)).toBeUndefined();
    expect(ownNameWritten('Wanjikuu and Kamaus are not the same words', own)).toBeUndefined();
    expect(ownNameWritten('Story by Jo', { names: ['Jo'] })).toBeUndefined();
    // A title in the Telegram name names nobody: "Mama yangu" is the reporter's mother, not them.
    expect(ownNameWritten('Mama yangu alipigwa na polisi.', { names: ['Mama Njeri'] })).toBeUndefined();
    expect(ownNameWritten('Mama Njeri ndiye aliyepigwa.', { names: ['Mama Njeri'] })).toEqual({ written: 'Njeri', as: 'name' });
  });
});

describe('what stays of a reporter who asked to be forgotten', () => {
  const own = { names: ['John', 'Kamau'], username: 'jkamau_254', phones: ['+254712345678'] };
  const marks = { name: '[name withheld]', phone: '[phone number withheld]' };
  const sw = { name: '[jina limefichwa]', phone: '[nambari ya simu imefichwa]' };
  const blank = (s: string) => withoutForgottenIdentity(s, own, marks, [sw.name, sw.phone]);

  it('blanks their name in any case, their username whole and their own number however written', () => {
    expect(blank('my name is john kamau, JOHN KAMAU, John.')).toBe('my name is [name withheld] [name withheld], [name withheld] [name withheld], [name withheld].');
    expect(blank('find me at @JKamau_254 or t.me/jkamau_254; call 0712 345 678 or +254-712-345-678')).toBe('find me at [name withheld] or t.me/[name withheld]; call [phone number withheld] or [phone number withheld]');
    // The routine purge blanks only a capitalised name: a forgotten reporter's lower-case name was left.
    expect(withoutOwnIdentity('my name is john kamau', own, marks)).toBe('my name is john kamau');
  });

  it('blanks the email addresses they wrote to us whole, in any case, in the routine purge too; another address, or a longer one holding theirs, stays', () => {
    const mailer = { ...own, emails: ['kamau.j88@gmail.com'] };
    const mailMarks = { ...marks, email: '[email address withheld]' };
    const text = 'write to Kamau.J88@Gmail.com or kamau.j88@gmail.com. IPOA: complaints@ipoa.go.ke; not kamau.j88@gmail.com.au';
    expect(withoutForgottenIdentity(text, mailer, mailMarks, [sw.name, sw.phone, '[barua pepe imefichwa]'])).toBe(
      'write to [email address withheld] or [email address withheld]. IPOA: complaints@ipoa.go.ke; not [name withheld].j88@gmail.com.au',
    );
    expect(withoutOwnIdentity(text, mailer, mailMarks)).toBe('write to [email address withheld] or [email address withheld]. IPOA: complaints@ipoa.go.ke; not kamau.j88@gmail.com.au');
    // Without a mark of its own, an address takes the number's; a second pass changes nothing.
    const once = withoutForgottenIdentity(text, mailer, marks);
    expect(once).toContain('write to [phone number withheld] or [phone number withheld].');
    expect(withoutForgottenIdentity(once, mailer, marks)).toBe(once);
  });

  it('leaves other people, other numbers and parts of longer words', () => {
    expect(blank('Otieno (0733 111 222) saw johnson and Kamaus take 500 shillings')).toBe('Otieno (0733 111 222) saw johnson and Kamaus take 500 shillings');
  });

  it('a title word of their Telegram name only where capitalised: "mama yangu" names nobody', () => {
    const mama = { names: ['Mama Njeri'], phones: [] };
    expect(withoutForgottenIdentity('mama yangu aliona. Mama Njeri ni mimi, njeri.', mama, marks)).toBe('mama yangu aliona. [name withheld] [name withheld] ni mimi, [name withheld].');
  });

  it('never matches the marks themselves, in either language, so a second pass changes nothing', () => {
    // A reporter whose names are words of the marks.
    const marked = { names: ['Name Withheld', 'Jina'], username: 'number', phones: [] };
    const text = 'I am name withheld, jina langu ni Jina; my number? [name withheld] [jina limefichwa] [phone number withheld]';
    const once = withoutForgottenIdentity(text, marked, marks, [sw.name, sw.phone]);
    expect(once).toBe('I am [name withheld] [name withheld], [name withheld] langu ni [name withheld]; my [name withheld]? [name withheld] [jina limefichwa] [phone number withheld]');
    expect(withoutForgottenIdentity(once, marked, marks, [sw.name, sw.phone])).toBe(once);
  });

  it('is idempotent on any text built of their name, number, marks and other words', () => {
    const piece = fc.constantFrom('john', 'JOHN', 'Kamau', 'kamau', '@jkamau_254', 'jkamau_254', '0712345678', '+254 712 345 678', '[name withheld]', '[jina limefichwa]', '[phone number withheld]', 'Otieno', '0733111222', 'johnson', ' ', ',', '-', '_', '(', ')', '@', '.', 'a', '7');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const once = blank(parts.join(''));
        expect(blank(once)).toBe(once);
        // Someone else's name and number, and the marks already there, are never taken along.
        const count = (s: string, w: string) => s.split(w).length - 1;
        for (const w of ['Otieno', '0733111222', '[jina limefichwa]']) expect(count(once, w)).toBe(count(parts.join(''), w));
      }),
      { numRuns: 500 },
    );
  });
});
