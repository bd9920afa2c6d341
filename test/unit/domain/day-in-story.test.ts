import { dayInStory } from '../../../src/domain';

describe('a day the story names, to offer at the date question', () => {
  it('reads yesterday or today named once, in English or Swahili, with the part of the day after it', () => {
    expect(dayInStory('they beat us at the rally yesterday')).toEqual({ when: 'yesterday', words: 'yesterday' });
    expect(dayInStory('Jana usiku polisi walinikamata pale stage')).toEqual({ when: 'yesterday', words: 'Jana usiku', time: 'usiku' });
    expect(dayInStory('Police arrested my son last night at the roadblock')).toEqual({ when: 'yesterday', words: 'last night' });
    expect(dayInStory('polisi wamenipiga leo asubuhi')).toEqual({ when: 'today', words: 'leo asubuhi', time: 'asubuhi' });
    expect(dayInStory('This morning officers took 500 from every driver')).toEqual({ when: 'today', words: 'This morning' });
    // The same day twice is still one day.
    expect(dayInStory('jana walinipiga, jana hiyo hiyo wakanifunga')).toEqual({ when: 'yesterday', words: 'jana' });
  });

  it('reads a day typed in a hurry ("last nyt", "yestaday", "jana usku"), quoting it as typed, the part of the day written out', () => {
    expect(dayInStory('plz hlp polisi wamenipiga last nyt')).toEqual({ when: 'yesterday', words: 'last nyt' });
    expect(dayInStory('they beat me lastnight at the stage')).toEqual({ when: 'yesterday', words: 'lastnight' });
    expect(dayInStory('cops took my phone yestaday')).toEqual({ when: 'yesterday', words: 'yestaday' });
    expect(dayInStory('walinishika jana usku')).toEqual({ when: 'yesterday', words: 'jana usku', time: 'usiku' });
  });

  it('reads no day from "jana" inside a word, a possessive, a year, week or month, nor "until today"', () => {
    for (const story of [
      'kijana wangu alikamatwa na polisi',
      'they changed yesterday\'s results at the tallying centre',
      'polisi walinikamata mwaka jana na bado kesi iko',
      'wiki jana walituvamia',
      'he has been in the cells until today',
      'mpaka leo hajaachiliwa',
      'Police asked me for a bribe at the junction.',
    ]) expect([story, dayInStory(story)]).toEqual([story, undefined]);
  });

  it('reads no day when the story names two, or another day besides ("arrested yesterday and beaten today")', () => {
    for (const story of [
      'he was arrested yesterday and beaten today',
      'walimkamata jana na leo wamempiga tena',
      'they came on Tuesday and again yesterday',
      'jana na juzi walikuja',
      'usiku wa kuamkia leo polisi walivamia nyumba',
      'last week they beat us and yesterday they came back',
      'on 3/11 they arrested him, yesterday they refused bail',
    ]) expect([story, dayInStory(story)]).toEqual([story, undefined]);
  });
});
