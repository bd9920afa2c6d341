import { dateInStory, dayInStory } from '../../../src/domain';

describe('a day the story names, to offer at the date question', () => {
  it('reads yesterday or today named once, in English or Swahili, with the part of the day after it', () => {
    expect(dayInStory('they beat us at the rally yesterday')).toEqual({ when: 'yesterday', words: 'yesterday' });
    expect(dayInStory('Jana usiku polisi walinikamata pale stage')).toEqual({ when: 'yesterday', words: 'Jana usiku', time: 'usiku' });
    expect(dayInStory('Police arrested my son last night at the roadblock')).toEqual({ when: 'yesterday', words: 'last night', time: 'night' });
    expect(dayInStory('polisi wamenipiga leo asubuhi')).toEqual({ when: 'today', words: 'leo asubuhi', time: 'asubuhi' });
    expect(dayInStory('This morning officers took 500 from every driver')).toEqual({ when: 'today', words: 'This morning', time: 'morning' });
    expect(dayInStory('they came this evening and took him')).toEqual({ when: 'today', words: 'this evening', time: 'evening' });
    // The same day twice is still one day.
    expect(dayInStory('jana walinipiga, jana hiyo hiyo wakanifunga')).toEqual({ when: 'yesterday', words: 'jana' });
  });

  it('reads the part of the day in "tonight", and one said before its day ("asubuhi ya leo", "usiku wa jana"), as after it', () => {
    expect(dayInStory('they said they will come for him tonight')).toEqual({ when: 'today', words: 'tonight', time: 'night' });
    expect(dayInStory('Tonight police raided our plot')).toEqual({ when: 'today', words: 'Tonight', time: 'night' });
    expect(dayInStory('asubuhi ya leo polisi walinipiga')).toEqual({ when: 'today', words: 'asubuhi ya leo', time: 'asubuhi' });
    expect(dayInStory('usiku wa jana polisi walikuja')).toEqual({ when: 'yesterday', words: 'usiku wa jana', time: 'usiku' });
    expect(dayInStory('walinipiga jioni ya jana pale stage')).toEqual({ when: 'yesterday', words: 'jioni ya jana', time: 'jioni' });
    expect(dayInStory('walinishika usku wa jana')).toEqual({ when: 'yesterday', words: 'usku wa jana', time: 'usiku' });
    expect(dayInStory('usiku wa manane wa jana walivamia')).toEqual({ when: 'yesterday', words: 'usiku wa manane wa jana', time: 'usiku wa manane' });
    // A word before "ya"/"wa" that is no part of the day leaves the day alone ("kijana wa jana" is no time).
    expect(dayInStory('habari ya jana ni kwamba walinipiga')).toEqual({ when: 'yesterday', words: 'jana' });
  });

  it('reads "2nite", "tonite" and "2night" as "tonight": today, at night, quoted as typed', () => {
    for (const words of ['2nite', 'tonite', '2night', 'Tonite']) {
      expect(dayInStory(`they said they will come for him ${words}`)).toEqual({ when: 'today', words, time: 'night' });
      expect(dayInStory(`${words} police raided our plot`)).toEqual({ when: 'today', words, time: 'night' });
    }
  });

  it('reads a day typed in a hurry ("last nyt", "yestaday", "jana usku"), quoting it as typed, the part of the day written out', () => {
    expect(dayInStory('plz hlp polisi wamenipiga last nyt')).toEqual({ when: 'yesterday', words: 'last nyt', time: 'night' });
    expect(dayInStory('they beat me lastnight at the stage')).toEqual({ when: 'yesterday', words: 'lastnight', time: 'night' });
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

describe('another day the story names (a day of the week, "juzi"), to offer at the date question', () => {
  // Saturday 28 November 2026, 12:30 in Nairobi.
  const NOW = new Date('2026-11-28T09:30:00Z');
  const day = (d: number) => new Date(Date.UTC(2026, 10, d) - 3 * 3_600_000);

  it('reads a day of the week or "juzi" named once, in English or Swahili, as the date it was, with the part of the day after it', () => {
    expect(dateInStory('police shot him during the protest in Mathare on Tuesday', NOW)).toEqual({ at: day(24), words: 'on Tuesday' });
    expect(dateInStory('my husband was arrested by DCI officers on monday in Eastleigh', NOW)).toEqual({ at: day(23), words: 'on monday' });
    expect(dateInStory('walinikamata Jumatano usiku pale stage', NOW)).toEqual({ at: day(25), words: 'Jumatano usiku', time: 'usiku' });
    expect(dateInStory('wakanipiga makofi hii ilikuwa eastleigh first avenue juzi', NOW)).toEqual({ at: day(26), words: 'juzi' });
    expect(dateInStory('last Friday the chief told us to vote for his man', NOW)).toEqual({ at: day(27), words: 'last Friday' });
    expect(dateInStory('siku ya Ijumaa polisi walikuja, Ijumaa hiyo hiyo wakamchukua', NOW)).toEqual({ at: day(27), words: 'siku ya Ijumaa' });
  });

  it('"the day before yesterday" is "juzi", never yesterday (it was offered as yesterday, its own word)', () => {
    expect(dateInStory('The day before yesterday our area chief was giving out relief food', NOW)).toEqual({ at: day(26), words: 'The day before yesterday' });
    expect(dayInStory('The day before yesterday our area chief was giving out relief food')).toBeUndefined();
    expect(dateInStory('police came on Tuesday and the day before yesterday', NOW)).toBeUndefined();
    for (const story of ['Police beat me before yesterday at Kayole stage', 'the night before yesterday they came', 'day b4 yesterday they came']) expect([story, dateInStory(story, NOW)?.at, dayInStory(story)]).toEqual([story, day(26), undefined]);
    // Counted back from it: no day offered (yesterday was).
    for (const story of ['Police beat me a week before yesterday at Kayole', 'Police arrested him 2 days before yesterday']) expect([story, dateInStory(story, NOW), dayInStory(story)]).toEqual([story, undefined, undefined]);
    // A day to come said after the date, in another clause, or a past court visit: the date still offered.
    for (const story of ['Polisi walinipiga tarehe 3 Novemba usiku, wakasema watarudi', 'Police beat me 2 days ago and said they will come back', 'On 9th August police beat me next to the stage', 'Walinipiga tarehe 4 Novemba usiku kwa utaratibu wao', 'Polisi walinikamata tarehe 3 Novemba wakanipeleka mahakamani']) expect([story, dateInStory(story, NOW)]).not.toEqual([story, undefined]);
  });

  it('reads days counted back and a date given with its month, in English or Swahili, as the date question reads them', () => {
    expect(dateInStory('Police beat my brother 2 days ago at Kondele', NOW)).toEqual({ at: day(26), words: '2 days ago' });
    expect(dateInStory('polisi walimkamata kaka yangu siku tatu zilizopita', NOW)).toEqual({ at: day(25), words: 'siku tatu zilizopita' });
    expect(dateInStory('On 9th August at Kondele polling station, agents were chased away', NOW)).toEqual({ at: new Date(Date.UTC(2026, 7, 9) - 3 * 3_600_000), words: 'On 9th August' });
    expect(dateInStory('walimkamata tarehe 3 Novemba usiku', NOW)).toEqual({ at: day(3), words: 'tarehe 3 Novemba usiku', time: 'usiku' });
    expect(dateInStory('tarehe tisa mwezi wa nane walituvamia', NOW)).toEqual({ at: new Date(Date.UTC(2026, 7, 9) - 3 * 3_600_000), words: 'tarehe tisa mwezi wa nane' });
    expect(dateInStory('walinikamata tarehe 20 mwezi huu', NOW)).toEqual({ at: day(20), words: 'tarehe 20 mwezi huu' });
    expect(dateInStory('tarehe 5 mwezi uliopita walinikamata', NOW)).toEqual({ at: new Date(Date.UTC(2026, 9, 5) - 3 * 3_600_000), words: 'tarehe 5 mwezi uliopita' });
    expect(dateInStory('he was arrested on the 25th and is still in the cells', NOW)).toEqual({ at: day(25), words: 'on the 25th' });
    expect(dateInStory('on 3/11/2026 at 10pm they beat us', NOW)).toEqual({ at: day(3), words: 'on 3/11/2026' });
    expect(dateInStory('on 9 may they came', NOW)).toEqual({ at: new Date(Date.UTC(2026, 4, 9) - 3 * 3_600_000), words: 'on 9 may' });
    expect(dateInStory('police came on Tuesday 24th November', NOW)).toEqual({ at: day(24), words: 'on Tuesday' });
    // A date with dashes or dots after "tarehe" keeps its month (it was "tarehe 9", in this month); "by police" is no day to come.
    expect(dateInStory('Polisi walinipiga tarehe 9-8-2026 Kondele', NOW)).toEqual({ at: new Date(Date.UTC(2026, 7, 9) - 3 * 3_600_000), words: 'tarehe 9-8-2026' });
    expect(dateInStory('I was beaten by police on 9th August at Kondele', NOW)?.words).toBe('on 9th August');
    expect(dateInStory('walinipiga mtaani tarehe 3 Novemba', NOW)?.words).toBe('tarehe 3 Novemba');
  });

  it('reads no date in numbers that are not one, a date still to come, out of range, ended at, or beside another day', () => {
    for (const story of [
      'the score was 3/12 in the exam',
      'those 2 may be the officers',
      'in march 5 people died',
      'I have been waiting for 2 days',
      'they held him until 9th November',
      'police came on Monday 24th November',
      'they will come on 25th December',
      'ilikuwa August 9 2022 during elections',
      'tarehe 5 Agosti mwaka jana polisi walikuja',
      '2 hours ago they beat him',
      'they came 3 days ago and again yesterday',
      'they came on 3rd November and again on 5th November',
    ]) expect([story, dateInStory(story, NOW)]).toEqual([story, undefined]);
    // A day to come, a count by ordinal, since a day (a review found each offered as a past date).
    for (const story of [
      'Polisi walimkamata kaka yangu Mathare, wakasema atapelekwa kortini tarehe 15',
      "Police threatened to arrest me on the 20th if I don't pay",
      'Polisi walisema watarudi tarehe 20',
      'Polisi wametishia kunikamata tarehe 3 mwezi ujao',
      'Police beat me on the 2nd floor of Kilimani police station',
      'They beat him on the 3rd day of detention at Kasarani',
      'Since 9th August police harass us',
      'Tangu tarehe 3 wanatusumbua',
    ]) expect([story, dateInStory(story, NOW)]).toEqual([story, undefined]);
    // Nor is yesterday offered beside a date: which one it was is the reporter's to say.
    expect(dayInStory('they came on November 3rd and again yesterday')).toBeUndefined();
  });

  it('reads none when the story names two days, another besides, today or yesterday, or a day still to come', () => {
    for (const story of [
      'they came on Tuesday and again on Thursday',
      'they came on Tuesday and again yesterday',
      'jana na juzi walikuja',
      'last week on Tuesday they beat us',
      'on 3/11 they arrested him, on Monday they refused bail',
      'they said they will come back next Tuesday',
      'walisema watarudi siku ya jumanne ijayo',
      'he was held in the cells until Friday',
      'amekuwa ndani mpaka Jumatatu',
      'kijana wangu alikamatwa na polisi',
      'Police asked me for a bribe at the junction.',
      'they beat us at the rally yesterday',
    ]) expect([story, dateInStory(story, NOW)]).toEqual([story, undefined]);
  });
});
