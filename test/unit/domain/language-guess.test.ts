import { guessLanguage } from '../../../src/domain';

it('tells Swahili, Sheng and English apart by their small words, and says nothing when neither is clear', () => {
  for (const text of ['Habari', 'nataka kuripoti polisi', 'Polisi wamenipiga', 'saidieni', 'Niko stage ya Kondele, wako hapa']) expect([text, guessLanguage(text)]).toEqual([text, 'sw']);
  for (const text of ['Hello', 'I want to report the police', 'They took my phone at the roadblock']) expect([text, guessLanguage(text)]).toEqual([text, 'en']);
  for (const text of ['Kisumu', 'R-7K3F-9QX2', '👍', '']) expect([text, guessLanguage(text)]).toEqual([text, undefined]);
});
