/**
 * The review warns a reporter whose story holds their own Telegram name or username: sent
 * anonymously, staff would still see it there. Translations as keys with their values.
 */
import type { Draft } from '../../../src/bot/session';
import { reviewText } from '../../../src/bot/wizard/render';

const t = (key: string, opts?: Record<string, unknown>) => (opts && 'written' in opts ? `${key}(${String(opts.written)})` : key);
const review = (extra: Partial<Draft> = {}): Draft => ({ id: 'dRaFt0000001', step: 'review', kind: 'police', category: 'p_bribery', danger: false, county: 47, place: 'Kenol', when: 'today', incidentAt: Date.UTC(2026, 10, 28), text: 'Mimi ni Achieng. Polisi walitaka hongo ya 500 kwenye kizuizi.', ...extra });
const own = { names: ['Achieng', 'Odhiambo'], username: 'achi_o' };

describe('the review, when the story names its reporter', () => {
  it('warns before the choice of how to send it, naming the word as written', () => {
    const text = reviewText(t, review(), 'sw', own);
    expect(text).toContain('review.own_name(Achieng)');
    expect(text.indexOf('review.own_name')).toBeLessThan(text.indexOf('review.hint'));
    expect(reviewText(t, review({ text: 'Ask <@achi_o> on Telegram' }), 'en', own)).toContain('review.own_username(@achi_o)');
  });

  it('says nothing when the story does not name them, or they already chose to share their number', () => {
    expect(reviewText(t, review({ text: 'Polisi walitaka hongo ya 500.' }), 'sw', own)).not.toContain('review.own_');
    expect(reviewText(t, review({ anonymous: false }), 'sw', own)).not.toContain('review.own_');
    // Without their Telegram name, "Mimi ni Achieng" is still warned of, as a name given (below).
    expect(reviewText(t, review(), 'sw')).not.toContain('review.own_name');
  });
});

describe('the review, when the place names its reporter', () => {
  // Typed at the county question ("Achieng Odhiambo"), a name no list knows is kept as the place, which staff read.
  it('warns before the choice of how to send it, naming the word as written', () => {
    const text = reviewText(t, review({ text: 'Polisi walitaka hongo.', place: 'Achieng Odhiambo' }), 'sw', own);
    expect(text).toContain('review.own_name_place(Achieng)');
    expect(text.indexOf('review.own_name_place')).toBeLessThan(text.indexOf('review.hint'));
  });

  it('says nothing of a place that is not their name, or when they chose to share their number', () => {
    expect(reviewText(t, review({ text: 'Polisi walitaka hongo.', place: 'Kenol' }), 'sw', own)).not.toContain('review.own_');
    expect(reviewText(t, review({ text: 'Polisi walitaka hongo.', place: 'Achieng Odhiambo', anonymous: false }), 'sw', own)).not.toContain('review.own_');
  });
});

describe('the review, when the story holds a phone number', () => {
  it('warns that staff see it even when sent anonymously, naming the number as written', () => {
    const text = reviewText(t, review({ text: 'THEY BEAT ME AT THE ROADBLOCK. CALL ME 0712 345 678 PLS' }), 'en', own);
    expect(text).toContain('review.own_phone(0712 345 678)');
    expect(text.indexOf('review.own_phone')).toBeLessThan(text.indexOf('review.hint'));
    expect(reviewText(t, review({ text: 'Nipigie +254 722-000-111 jioni' }), 'sw', own)).toContain('review.own_phone(+254 722-000-111)');
  });

  it('says nothing of an amount, a date or a number they chose to share', () => {
    expect(reviewText(t, review({ text: 'Walitaka KSh 150 000 000 tarehe 07.12.2026 10:30' }), 'sw', own)).not.toContain('review.own_phone');
    expect(reviewText(t, review({ text: 'Call me on 0712 345 678', anonymous: false }), 'en', own)).not.toContain('review.own_phone');
  });
});

describe('the review, when the story holds an email address', () => {
  it('warns that staff see it even when sent anonymously, naming the address as written', () => {
    const text = reviewText(t, review({ text: 'They took my phone at the roadblock. Email me at Wanjiku.M@gmail.com.' }), 'en', own);
    expect(text).toContain('review.own_email(Wanjiku.M@gmail.com)');
    expect(text.indexOf('review.own_email')).toBeLessThan(text.indexOf('review.hint'));
    expect(reviewText(t, review({ text: 'Simu walichukua. Niandikie j_otieno@yahoo.co.ke' }), 'sw', own)).toContain('review.own_email(j_otieno@yahoo.co.ke)');
  });

  it('says nothing of an @ written as "at", or of an address in a report they send with their number', () => {
    expect(reviewText(t, review({ text: 'Walitukamata @ kituo cha polisi @Kisumu saa 4@10.30 usiku' }), 'sw', own)).not.toContain('review.own_email');
    expect(reviewText(t, review({ text: 'Email me at wanjiku.m@gmail.com', anonymous: false }), 'en', own)).not.toContain('review.own_email');
    // Longer than any address can be (254 characters): a pasted run of text, not quoted back into the review, whose story is shortened.
    expect(reviewText(t, review({ text: `${'x'.repeat(3000)}@gmail.com` }), 'en', own)).not.toContain('review.own_email');
  });
});

describe('the review of an urgent report, stored and read by staff as it was written', () => {
  it('does not promise that taking the name, number or address out keeps it from staff: they may have read it already', () => {
    for (const text of ['Mimi ni Achieng. Polisi walinipiga.', 'Call me on 0712 345 678', 'Email me at wanjiku.m@gmail.com']) {
      const said = reviewText(t, review({ text, danger: true, urgent: 'R-7K3F-9QX2' }), 'en', own);
      expect(said).toContain('review.own_seen_urgent');
      expect(said.indexOf('review.own_seen_urgent')).toBeLessThan(said.indexOf('review.hint'));
    }
    // Not on a report that waited for Send, nor on an urgent one with nothing of theirs in the story.
    expect(reviewText(t, review(), 'sw', own)).not.toContain('review.own_seen_urgent');
    expect(reviewText(t, review({ text: 'Polisi walinipiga.', danger: true, urgent: 'R-7K3F-9QX2' }), 'sw', own)).not.toContain('review.own_seen_urgent');
  });
});

describe('the review, when the story introduces its reporter', () => {
  it('warns that staff see the name even when sent anonymously, naming it as written', () => {
    const text = reviewText(t, review({ text: 'Jina langu ni Wafula Barasa. Polisi walinikamata Kayole.' }), 'sw', own);
    expect(text).toContain('review.own_intro(Wafula Barasa)');
    expect(text.indexOf('review.own_intro')).toBeLessThan(text.indexOf('review.hint'));
    expect(reviewText(t, review({ text: "I'm Njeri, they took my phone" }), 'en', own)).toContain('review.own_intro(Njeri)');
    expect(reviewText(t, review(), 'sw')).toContain('review.own_intro(Achieng)');
    // In capitals, as many type on a phone: still a name staff would read.
    expect(reviewText(t, review({ text: 'MIMI NI KAMAU, POLISI WALINIPIGA' }), 'sw', own)).toContain('review.own_intro(KAMAU)');
    expect(reviewText(t, review({ text: 'I am PETER and they took my phone' }), 'en', own)).toContain('review.own_intro(PETER)');
  });

  it('says nothing of words that are no name, of a name they chose to share, or twice of their Telegram name', () => {
    expect(reviewText(t, review({ text: 'Mimi ni mwalimu. Polisi walinipiga.' }), 'sw', own)).not.toContain('review.own_intro');
    expect(reviewText(t, review({ text: 'I am scared, I am at Kayole' }), 'en', own)).not.toContain('review.own_intro');
    expect(reviewText(t, review({ text: 'I AM SCARED. NIKO KAYOLE' }), 'en', own)).not.toContain('review.own_intro');
    expect(reviewText(t, review({ text: 'My name is Wafula Barasa', anonymous: false }), 'en', own)).not.toContain('review.own_intro');
    const named = reviewText(t, review({ text: 'Mimi ni Achieng Odhiambo. Polisi walitaka hongo.' }), 'sw', own);
    expect(named).toContain('review.own_name(Achieng)');
    expect(named).not.toContain('review.own_intro');
  });
});
