import { wrapWords } from '../../../src/console/views';

describe('wrapWords (chart labels)', () => {
  it('keeps a short label on one line and wraps a long one at a word', () => {
    expect(wrapWords('Excessive force or brutality', 29, 2)).toEqual(['Excessive force or brutality']);
    expect(wrapWords('Kupiga kura kwa jina la mwingine au mara mbili', 29, 2)).toEqual(['Kupiga kura kwa jina la', 'mwingine au mara mbili']);
  });

  it('ends the last line in "…" past the lines allowed, and cuts a word longer than a line', () => {
    expect(wrapWords('one two three four five six', 9, 2)).toEqual(['one two', 'three fo…']);
    expect(wrapWords('Antidisestablishmentarianism now', 10, 2)).toEqual(['Antidises…', 'now']);
  });
});
