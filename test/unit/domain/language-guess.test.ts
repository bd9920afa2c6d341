import { guessLanguage } from '../../../src/domain';

it('tells Swahili, Sheng and English apart by their small words, and says nothing when neither is clear', () => {
  for (const text of ['Habari yako', 'habari za asubuhi', 'nataka kuripoti polisi', 'Polisi wamenipiga', 'Niko stage ya Kondele, wako hapa']) expect([text, guessLanguage(text)]).toEqual([text, 'sw']);
  // A Swahili verb of what happened counts.
  expect(guessLanguage('Hello polisi wamenikamata')).toBe('sw');
  for (const text of ['Hello there', 'I want to report the police', 'America aligned with the amended rules', 'They took my phone at the roadblock']) expect([text, guessLanguage(text)]).toEqual([text, 'en']);
  // A button's word typed, a place, a reference: no language said.
  for (const text of ['Kisumu', 'R-7K3F-9QX2', '👍', '', 'Ndio', 'sasa hivi', 'Today', 'Habari', 'Á̧̈ Z̴̡̧̛͓͎̰']) expect([text, guessLanguage(text)]).toEqual([text, undefined]);
});
