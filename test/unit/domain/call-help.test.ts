import { asksUsToCallHelp } from '../../../src/domain';

describe('asking Ripoti to call the police or an ambulance (asksUsToCallHelp)', () => {
  it.each([
    'can you call the police?',
    'Can someone call an ambulance?',
    'please call the police',
    'pls send police now they are beating him',
    'will you send help?',
    'could you call the cops for me',
    'mnaweza kuita polisi?',
    'tafadhali tumeni polisi',
    'tumieni msaada haraka',
    'naomba mnitumie polisi',
    'piga simu polisi tafadhali',
    'unaweza kuniitia ambulensi?',
  ])('%j asks us to call for help', (text) => {
    expect(asksUsToCallHelp(text)).toBe(true);
  });

  it.each([
    'I tried to call the police but they did not come',
    'niliita polisi hawakuja',
    'the police were called',
    'call me',
    'can you call me?',
    'when will you call me?',
    'they said they will call the police on us',
    'polisi',
    'help',
    'yes',
    'can the police see this?',
  ])('%j does not', (text) => {
    expect(asksUsToCallHelp(text)).toBe(false);
  });
});
