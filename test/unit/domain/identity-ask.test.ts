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
});
