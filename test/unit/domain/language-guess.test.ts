import { COUNTIES, everydayWord, guessLanguage, TOWNS } from '../../../src/domain';

it('tells Swahili, Sheng and English apart by their small words, and says nothing when neither is clear', () => {
  for (const text of ['Habari yako', 'habari za asubuhi', 'nataka kuripoti polisi', 'Polisi wamenipiga', 'Niko stage ya Kondele, wako hapa']) expect([text, guessLanguage(text)]).toEqual([text, 'sw']);
  // A Swahili verb of what happened counts.
  expect(guessLanguage('Hello polisi wamenikamata')).toBe('sw');
  // Short first messages in Sheng, or of one person's act ("amenipiga"), or done to someone ("amekamatwa"):
  // each got the whole report in English on a phone set to English.
  for (const text of ['Makarao wamenichapa vibaya', 'mtoto wangu amepotea', 'Askari amenipiga kofi', 'Kanjo wamenitandika', 'Karao amenishika ameitisha doo', 'Ndugu yangu amekamatwa']) expect([text, guessLanguage(text)]).toEqual([text, 'sw']);
  // English words that begin as those verbs do are not them.
  for (const text of ['The amenities were alike and the alimony unpaid', 'He was an amateur, alive and alert']) expect([text, guessLanguage(text)]).toEqual([text, 'en']);
  // Sheng nouns an English sentence borrows count only where no English word is: these stay English.
  for (const text of ['Kanjo confiscated my goods and demanded 500 doo', 'kanjo asked me for doo']) expect([text, guessLanguage(text)]).toEqual([text, 'en']);
  for (const text of ['Hello there', 'I want to report the police', 'America aligned with the amended rules', 'They took my phone at the roadblock']) expect([text, guessLanguage(text)]).toEqual([text, 'en']);
  // A button's word typed, a place, a reference: no language said.
  for (const text of ['Kisumu', 'R-7K3F-9QX2', '👍', '', 'Ndio', 'sasa hivi', 'Today', 'Habari', 'Á̧̈ Z̴̡̧̛͓͎̰']) expect([text, guessLanguage(text)]).toEqual([text, undefined]);
});

it('an everyday word is a small word of either language or a Swahili verb of what happened, never a county or a known town', () => {
  for (const word of ['leo', 'Pesa', 'where', 'wamenipiga', 'nilipigwa']) expect([word, everydayWord(word)]).toEqual([word, true]);
  for (const word of ['Ndabibi', 'Kencom', 'Tononoka']) expect([word, everydayWord(word)]).toEqual([word, false]);
  // Words the language guess counts only alone, which name places too ("Wangu" ward, "Kofi Annan Road"): no everyday words.
  for (const word of ['Wangu', 'Kofi', 'Doo', 'makarao']) expect([word, everydayWord(word)]).toEqual([word, false]);
  const names = [...COUNTIES.map((c) => c.name), ...TOWNS.map((t) => t.name)].map((n) => n.split(/[\s-]+/)[0]);
  expect(names.filter(everydayWord)).toEqual([]);
});
