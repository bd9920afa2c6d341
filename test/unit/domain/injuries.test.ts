import { asksAboutInjuries, asksAboutOthers, asksForMedicalRecord, hurtSaidWithYes, injuriesAfterCategoryChange, medicalFormFor, noneHurtBadly, noOneElseButTheDead, readHurt, readMedicalRecord, saysMoreThanHurt, skippedAfterCategoryChange, someoneHurt, withHurt } from '../../../src/domain';

describe('injuries', () => {
  it('are asked where the case is about bodily harm; after a killing, of anyone else', () => {
    expect(['p_force', 'p_killing', 'p_sexual', 'e_violence'].filter(asksAboutInjuries)).toHaveLength(4);
    expect(['p_bribery', 'p_arrest', 'p_disappear', 'e_hate', undefined].some(asksAboutInjuries)).toBe(false);
    expect(asksAboutOthers('p_killing')).toBe(true);
    expect(asksAboutOthers('p_force')).toBe(false);
  });

  it.each([
    ['Hakuna aliyeumia', 'none'], ['hapana, hakuna mtu aliyeumia', 'none'], ['No one else was hurt', 'none'], ['hakuna mwingine', 'none'],
    ['alitibiwa hospitali', 'treated'], ['ndio, yuko hospitali', 'treated'], ['yes he went to hospital', 'treated'], ['amelazwa', 'treated'],
    ['bado hajatibiwa', 'untreated'], ['hajaenda hospitali', 'untreated'], ['no medical help', 'untreated'],
    ['no one went to hospital', undefined], ['ndio', undefined], ['Nairobi', undefined],
    // Denied or not taken: never read as treated (a case file would tell IPOA they got help).
    ['ndio hajapelekwa hospitali', 'untreated'], ['ndio, hakupelekwa hospitali', 'untreated'], ['ndio anahitaji matibabu', 'untreated'],
    ['yes he needs treatment', 'untreated'], ['yes but he didnt go to hospital', 'untreated'], ['could not afford hospital', 'untreated'],
    ['hospitali walikataa kumtibu', 'untreated'], ['alinyimwa matibabu', 'untreated'], ['he could not get treatment', 'untreated'],
    ['hospital refused to treat him', 'untreated'], ['Hawakumpeleka hospitali', 'untreated'], ['tulikosa pesa ya hospitali', 'untreated'],
    ['hakulazwa', undefined],
    // A place of care named after "no" or "without" is care not had.
    ['YES NO HOSPITAL', 'untreated'], ['ndio hakuna hospitali', 'untreated'], ['yes but no doctor', 'untreated'], ['yes without going to hospital', 'untreated'], ['ndio bila daktari', 'untreated'],
    // "No one hurt" with more after it is no "hurt, untreated"; the everyday spellings are "no one".
    ['No one was hurt, no help needed', undefined], ['not hurt, no treatment needed', undefined],
    ['hakuna alieumia', 'none'], ['hakuna mtu ameumia', 'none'], ['hamna', 'none'], ['hamna aliyeumia', 'none'], ['none', 'none'],
    ['ndio ameumia', 'hurt'], ['wameumia sana', 'hurt'],
    // Bleeding is hurt ("yes he is bleeding" was "did not understand", the words lost); a no before it is no answer.
    ['yes he is bleeding', 'hurt'], ['yes hes bleeding badly', 'hurt'], ['he bled a lot', 'hurt'], ['ndio anavuja damu', 'hurt'], ['alitoka damu nyingi', 'hurt'],
    ['yes he is bleeding no hospital', 'untreated'], ['no he is not bleeding', undefined], ['hakutoka damu', undefined], ['hakuvuja damu', undefined],
    // An account is more of the story, not an answer.
    ['Then they took him to hospital and the doctor said his arm is broken in two places.', undefined],
  ])('"%s" to "was anyone hurt?" reads %s', (text, answer) => {
    expect(readHurt(text)).toBe(answer);
  });

  it.each([
    ['bado', 'not_yet'], ['Bado sijapata', 'not_yet'], ['not yet', 'not_yet'], ['sina', 'not_yet'], ['hapana bado', 'not_yet'],
    ['tunayo', 'yes'], ['ndio ninayo', 'yes'], ['we have it', 'yes'], ['sijui', undefined], ['ndio', undefined],
    ['sijaipata', 'not_yet'], ['bado hatujaipata', 'not_yet'], ['sina fomu ya P3', 'not_yet'], ['hamna', 'not_yet'],
    ['tumeipata', 'yes'], ['niko nayo', 'yes'], ['tuko na p3', 'yes'],
  ])('"%s" to the P3 question reads %s', (text, answer) => {
    expect(readMedicalRecord(text)).toBe(answer);
  });

  it('"no one was hurt" drops an earlier P3 answer; another yes keeps it', () => {
    expect(withHurt({ hurt: 'treated', record: 'yes' }, 'none')).toEqual({ hurt: 'none' });
    expect(withHurt({ hurt: 'treated', record: 'yes' }, 'untreated')).toEqual({ hurt: 'untreated', record: 'yes' });
    expect(someoneHurt({ hurt: 'hurt' })).toBe(true);
    expect(someoneHurt({ hurt: 'none' })).toBe(false);
    expect(someoneHurt(undefined)).toBe(false);
  });

  it('after sexual violence the medical question is asked whatever the answer, as care and the PRC form are needed without visible injury', () => {
    expect(asksForMedicalRecord('p_sexual', { hurt: 'none' })).toBe(true);
    expect(asksForMedicalRecord('p_force', { hurt: 'none' })).toBe(false);
    expect(asksForMedicalRecord('p_sexual', undefined)).toBe(false);
    expect(withHurt({ hurt: 'treated', record: 'yes' }, 'none', 'p_sexual')).toEqual({ hurt: 'none', record: 'yes' });
  });

  it('the medical question names the PRC form after sexual violence, the P3 form otherwise: the label every reader sees follows it', () => {
    expect(medicalFormFor('p_sexual')).toBe('prc');
    for (const category of ['p_force', 'p_killing', 'e_violence', 'p_bribery', undefined]) expect(medicalFormFor(category)).toBe('p3');
  });

  it('a category changed keeps only the answers its own questions would have had', () => {
    const answered = { hurt: 'treated', record: 'yes' } as const;
    // Same questions: kept.
    expect(injuriesAfterCategoryChange('p_force', 'e_violence', answered)).toEqual(answered);
    expect(injuriesAfterCategoryChange('p_force', 'p_force', answered)).toEqual(answered);
    // No injury question, or none before (a kind changed clears the category): nothing.
    expect(injuriesAfterCategoryChange('p_force', 'p_bribery', answered)).toBeUndefined();
    expect(injuriesAfterCategoryChange(undefined, 'p_force', answered)).toBeUndefined();
    // "Was anyone hurt?" is no answer to "was anyone else hurt?" after a killing, nor the other way.
    expect(injuriesAfterCategoryChange('p_force', 'p_killing', answered)).toBeUndefined();
    expect(injuriesAfterCategoryChange('p_killing', 'p_force', { hurt: 'none' })).toBeUndefined();
    // A P3 answer is no answer about the PRC form (nor the other way); the hurt answer stays.
    expect(injuriesAfterCategoryChange('p_force', 'p_sexual', answered)).toEqual({ hurt: 'treated' });
    expect(injuriesAfterCategoryChange('p_sexual', 'p_force', answered)).toEqual({ hurt: 'treated' });
    expect(injuriesAfterCategoryChange('p_sexual', 'p_force', { hurt: 'none', record: 'not_yet' })).toEqual({ hurt: 'none' });
    expect(injuriesAfterCategoryChange('p_force', 'p_bribery', undefined)).toBeUndefined();
  });

  it('a category changed keeps a skipped question skipped by the same rule, unless it was answered', () => {
    // "Was anyone hurt?" skipped: still skipped where it reads the same, not where it asks about someone else or is not asked.
    expect(skippedAfterCategoryChange('p_force', 'p_sexual', ['hurt'], undefined)).toEqual(['hurt']);
    expect(skippedAfterCategoryChange('p_force', 'e_violence', ['hurt'], undefined)).toEqual(['hurt']);
    expect(skippedAfterCategoryChange('p_force', 'p_killing', ['hurt'], undefined)).toEqual([]);
    expect(skippedAfterCategoryChange('p_force', 'p_bribery', ['hurt'], undefined)).toEqual([]);
    expect(skippedAfterCategoryChange(undefined, 'p_force', ['hurt'], undefined)).toEqual([]);
    // The medical question skipped: while it names the same form and still follows the answer kept.
    expect(skippedAfterCategoryChange('p_force', 'e_violence', ['record'], { hurt: 'treated' })).toEqual(['record']);
    expect(skippedAfterCategoryChange('p_force', 'p_sexual', ['record'], { hurt: 'treated' })).toEqual([]);
    expect(skippedAfterCategoryChange('p_force', 'e_violence', ['record'], { hurt: 'none' })).toEqual([]);
    // An answer outranks a skip.
    expect(skippedAfterCategoryChange('p_force', 'e_violence', ['hurt', 'record'], { hurt: 'treated', record: 'yes' })).toEqual([]);
    expect(skippedAfterCategoryChange('p_force', 'e_violence', undefined, undefined)).toEqual([]);
  });

  it('a yes then what was done to the body is someone hurt; a yes taken back, or no harm told, is not', () => {
    for (const text of ['ndiyo, walimvunja mkono', 'yes they broke his arm', 'Ndio alipigwa risasi mguuni', 'yes he was stabbed', 'yes they broke his arm but he is ok', 'ndio walimvunja mkono lakini yuko sawa']) expect([text, hurtSaidWithYes(text)]).toEqual([text, true]);
    for (const text of ['walimvunja mkono', 'ndio lakini hakuumia', 'yes but they did not beat him', 'yes he is', 'ndio, hawakumpiga', 'hapana walimvunja simu', 'yes they hit him but he is not ok', 'ndio walimpiga lakini', 'yes they beat him but']) expect([text, hurtSaidWithYes(text)]).toEqual([text, false]);
  });

  it('no one badly hurt ("hakuna aliyeumia sana", "nobody was badly hurt") is told apart from no one hurt and from one not hurt badly', () => {
    for (const text of ['hakuna aliyeumia sana', 'Hakuna aliyeumia vibaya', 'hamna mtu aliyeumia sana', 'hakuna mwingine aliyejeruhiwa vibaya', 'nobody was badly hurt', 'no one was seriously injured', 'No one was hurt badly', 'nobody got hurt too badly', 'hapana, hakuna aliyeumia sana']) expect([text, noneHurtBadly(text)]).toEqual([text, true]);
    for (const text of ['hakuna aliyeumia', 'nobody was hurt', 'hakuumia sana', 'he was badly hurt', 'hakuna aliyeumia sana lakini kaka yangu alipigwa']) expect([text, noneHurtBadly(text)]).toEqual([text, false]);
  });

  it('after a killing, "no one else" then only the one who died told is no one else hurt; another harmed after it is not', () => {
    for (const text of ['no one else, only my brother who died', 'hakuna mwingine, ni ndugu yangu tu aliyekufa', 'nobody else was hurt, just my son who was killed', 'hapana, hakuna mtu mwingine aliyeumia, ni yeye tu aliyefariki', 'only my brother who died']) expect([text, noOneElseButTheDead(text)]).toEqual([text, true]);
    for (const text of ['no one else', 'hakuna mwingine', 'no one else died but his wife was beaten', 'hakuna mwingine aliyekufa lakini mke wake alipigwa', 'no one else, my brother was injured']) expect([text, noOneElseButTheDead(text)]).toEqual([text, false]);
  });

  it('an answer that says more than the buttons hold is told apart from the answer alone', () => {
    for (const text of ['yes he is bleeding', 'ndio anavuja damu', 'ndiyo, walimvunja mkono', 'ndio alitibiwa hospitali ya Nakuru']) expect([text, saysMoreThanHurt(text)]).toEqual([text, true]);
    for (const text of ['ndio', 'Yes, badly hurt', 'ndio, alitibiwa hospitali', 'bado hajatibiwa', 'yes injured', 'yes he was treated', 'ndio ameumia sana']) expect([text, saysMoreThanHurt(text)]).toEqual([text, false]);
  });
});

describe('hurt and the P3 question, as two probes typed them', () => {
  it.each([
    // Care that cannot be reached is none had (it read "treated": a case file would tell IPOA they got help).
    ['a man is bleeding badly and we cant get him to hospital', 'untreated'],
    ['we cannot take him to hospital', 'untreated'],
    ['hatuwezi kumpeleka hospitali', 'untreated'],
    ['he is unable to get treatment', 'untreated'],
    // No doctor seen yet ("daktari" alone read as care: "Ndio, amepata matibabu" was shown and sent).
    ['hajaona daktari', 'untreated'],
    ['sijaona daktari', 'untreated'],
    ['alipigwa kofi tu, hajaona daktari', 'untreated'],
    ['he has not seen a doctor yet', 'untreated'],
    ['she hasn\'t seen a doctor', 'untreated'],
    ['aliona daktari', 'treated'],
    ['hajaonwa na daktari', 'untreated'],
    ['daktari hajamwona', 'untreated'],
    ["the doctor hasn't seen him", 'untreated'],
    // Care told beside it is care ("hajaona daktari lakini alipewa first aid"; a review found these sent as untreated).
    ['hajaona daktari lakini alipewa first aid', 'treated'],
    ["he got first aid but hasn't seen a doctor", 'treated'],
    ['amelazwa hospitali, bado hajaona daktari', 'treated'],
    ['sikuona daktari, nilijitibu nyumbani', 'treated'],
    // Care not had ("hajalazwa", "anasubiri kutibiwa", "needs to be treated") is no care told (a second review found them read as treated).
    ['ndio, hajaona daktari, hajalazwa', 'untreated'],
    ['ndio ameumia, hajaona daktari, anasubiri kutibiwa', 'untreated'],
    ["yes, he hasn't seen a doctor, he needs to be treated", 'untreated'],
    ['hajaona daktari, no first aid', 'untreated'],
    // Still treated when they were.
    ['alitibiwa hospitali', 'treated'],
  ])('"%s" to "was anyone hurt?" reads %s', (text, answer) => {
    expect(readHurt(text)).toBe(answer);
  });

  it.each([
    ['ndio nilijaza P3', 'yes'], ['tumejaza P3', 'yes'], ['P3 imejazwa', 'yes'], ['ndio, P3 iko', 'yes'], ['ndio P3 iko', 'yes'], ['we filled the p3', 'yes'],
    ['tulinyimwa P3', 'not_yet'], ['nilikataliwa P3 na polisi', 'not_yet'], ['hatujajaza', 'not_yet'], ['bado hatujaenda', 'not_yet'], ['tutaenda kesho', 'not_yet'], ['we have not filled it', 'not_yet'],
    // Doubt is no answer.
    ['sijui kama ilijazwa', undefined],
  ])('"%s" to the P3 question reads %s', (text, answer) => {
    expect(readMedicalRecord(text)).toBe(answer);
  });
});
