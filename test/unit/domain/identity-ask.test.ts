import { identityAsked } from '../../../src/domain';

describe('identityAsked: a reply that asks the reporter who they are', () => {
  it.each([
    ['What is your phone number?', 'phone'],
    ['Please send your number so we can call you', 'phone'],
    ['Can we call you tomorrow?', 'phone'],
    ['Share your contact details please', 'phone'],
    ['Tafadhali tuma namba yako ya simu', 'phone'],
    ['Nambari ya simu yako ni gani?', 'phone'],
    ['Tukupigie saa ngapi?', 'phone'],
    ['Tunaweza kukupigia kesho?', 'phone'],
    ['Tutakupigia jioni', 'phone'],
    ['Tuma number yako', 'phone'],
    ['What is your name?', 'name'],
    ['Could you give us your full name', 'name'],
    ['Who are you?', 'name'],
    ['Jina lako ni nani?', 'name'],
    ['Unaitwa nani?', 'name'],
    ['Unaitwa?', 'name'],
    ['Tafadhali\njitambulishe', 'name'],
    ['We need your ID number', 'id_number'],
    ['Tuma namba yako ya kitambulisho', 'id_number'],
    ['Where do you live?', 'home'],
    ['Unaishi wapi?', 'home'],
    ['Unakaa mtaa gani?', 'home'],
    ['Kwenu ni wapi?', 'home'],
    ['Please give us your address', 'home'],
    ['Nipe ID namba yako', 'id_number'],
    ['Tuma Gmail yako', 'email'],
    ['What is your gmail?', 'email'],
    ['Unaishi estate gani?', 'home'],
    ['Unakaa area gani?', 'home'],
  ])('%j asks for the reporter\'s %s', (text, ask) => {
    expect(identityAsked(text)).toBe(ask);
  });

  it.each([
    'Thank you. Your reference number is R-7K3F-9QX2.',
    'Nambari yako ya kumbukumbu ni R-7K3F-9QX2.',
    'Tafadhali tuma namba yako ya OB',
    'Did the officer call you before the arrest?',
    'Unaitwa na afisa gani kituoni?',
    'Did the officers take your phone or your ID?',
    'Walichukua simu yako?',
    'Do you know the officer\'s name or number?',
    'Did they come to your house?',
    'Who are you reporting about?',
    'We have referred your report to IPOA.',
    'Tumepokea ripoti yako. Je, uko salama sasa?',
  ])('%j asks nothing of the kind', (text) => {
    expect(identityAsked(text)).toBeNull();
  });

  // Phrasings the first rule let through (found by probes): each of these was null before.
  it.each([
    ['Please share a number we can reach you on', 'phone'],
    ['Is there a number where we can reach you?', 'phone'],
    ['How can we contact you?', 'phone'],
    ['Send us your phone', 'phone'],
    ['Tuma namba ya kukupata', 'phone'],
    ['What is your email?', 'email'],
    ['Please give us your email address', 'email'],
    ['Tutumie barua pepe yako', 'email'],
    ['Tuma email yako', 'email'],
    ['Anwani yako ya barua pepe ni ipi?', 'email'],
    ['Uko wapi unaishi?', 'home'],
    ['Unaishi sehemu gani?', 'home'],
    ['ID no.?', 'id_number'],
    ['Please send name and ID number', 'id_number'],
    ['Tutumie kitambulisho chako', 'id_number'],
    ['Tafadhali tuonyeshe picha ya kitambulisho chako', 'id_number'],
    ['Kitambulisho chako?', 'id_number'],
    ['Send us a photo of your ID', 'id_number'],
  ])('%j asks for the reporter\'s %s (missed by the first rule)', (text, ask) => {
    expect(identityAsked(text)).toBe(ask);
  });

  // Listed by the probes as misses, but the rule already caught them; kept so they stay caught.
  it.each([
    ['Tutumie namba yako ya simu', 'phone'],
    ['Nipe nambari yako', 'phone'],
    ['Unaishi wapi?', 'home'],
    ['Jina lako kamili ni?', 'name'],
    ['Your full name please', 'name'],
  ])('%j still asks for the reporter\'s %s', (text, ask) => {
    expect(identityAsked(text)).toBe(ask);
  });

  // Beside the new phrasings: questions about what happened or about the officer stay quiet.
  it.each([
    'Did they take your phone?',
    'Did they take your ID?',
    'Walichukua kitambulisho chako?',
    'Did anyone try to contact you after that?',
    'Did the officer call you?',
    'Uko wapi sasa? Uko salama?',
    'Where are you now, are you safe?',
    'Namba ya gari ilikuwa gani?',
    'ID ya askari ni gani?',
    'Did you see the officer\'s ID number?',
    'Do you know the ID number of the officer?',
    'Send us a photo of the officer\'s ID if you have one',
    'Tafadhali tuma namba yako ya OB',
  ])('%j asks nothing of the kind (beside the new phrasings)', (text) => {
    expect(identityAsked(text)).toBeNull();
  });
});
