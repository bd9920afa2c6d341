/** Whether the report was sent, how long, when someone replies: asked mid-report, answered; never the story or the place. */
import { asksAboutProcess, asksWhoSees } from '../../../src/domain';

describe('asksAboutProcess', () => {
  it.each([
    // As a walk found them: saved as the story, as the place, or "not understood".
    'how long will it take?',
    'has it been sent?',
    'when will you call me?',
    'did you get it?',
    'will someone call me?',
    'imefika?',
    'mtanijibu lini?',
    'mmeona ripoti yangu?',
    'itachukua muda gani?',
    'mtanipigia lini?',
    'mumepata?',
    'imetumwa?',
    // The same asked other ways.
    'Has my report been sent?',
    'is it sent?',
    'sent?',
    'did it go through?',
    'have you received my report?',
    'did you receive my message',
    'how long does it take',
    'how long before someone replies?',
    'how soon will you reply?',
    'how long?',
    'when will someone get back to me?',
    'When will someone from your office call me?',
    'when will I hear from you?',
    'when can I expect a reply?',
    'will I get a call?',
    'are you going to call me?',
    'what happens next?',
    'ok so what happens after i send it?',
    'imefika',
    'ripoti yangu imefika kweli?',
    'ujumbe wangu umefika',
    'mumepata ripoti yangu',
    'mmeipata ama bado?',
    'mshapata?',
    'umepata?',
    'je mtanipigia simu?',
    'mtanicall lini',
    'nitajibiwa lini?',
    'kuna mtu atanipigia?',
    'itachukua siku ngapi?',
    'mpaka lini?',
    'nini kinafuata?',
    'sawa, mtafanya nini?',
  ])('%j asks', (text) => expect(asksAboutProcess(text)).toBe(true));

  it.each([
    // A real account with such words in it is the story.
    'I waited long at the station and they asked me when I will pay',
    'nilingoja muda mrefu kituoni wakaniuliza nitalipa lini',
    'they told me someone will call me',
    'walisema watanipigia',
    'the officer asked how long I had been there',
    'it was sent to me by the OCS',
    'gari imefika',
    'imefika saa nne usiku',
    'umeona vile walifanya',
    'polisi walifika',
    // Questions about someone in the story, or something else.
    'when will you release my son?',
    'did they see you?',
    'did you get the money?',
    'how long ago?',
    'ni siku gani?',
    'ni saa ngapi?',
    'watakuja lini?',
    'is it true?',
    'what is a P3 form?',
    // Asking us to call someone else (help, in danger): never "no one calls you unless...".
    'can you call the police?',
    'can someone call an ambulance?',
    'can you call the police for me?',
    'will you call the OCS?',
    'can you contact my lawyer?',
    'when will you call the police?',
    'can you call my brother?',
    // Who sees it is the privacy question's, answered there.
    'who will see this?',
    'nani ataona?',
    // A long message, however it ends.
    'they beat me and took my phone and my ID at the roadblock, has it been sent?',
  ])('%j does not', (text) => expect(asksAboutProcess(text)).toBe(false));

  it.each(['who will see this?', 'nani ataona ripoti yangu?', 'ni salama?'])('%j stays a privacy question (read first)', (text) => {
    expect(asksWhoSees(text)).toBe(true);
    expect(asksAboutProcess(text)).toBe(false);
  });
});
