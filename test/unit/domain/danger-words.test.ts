import { saysDangerNow } from '../../../src/domain';

describe('saysDangerNow: a later message that says someone is in danger now', () => {
  it.each([
    'They are here again, please help',
    "They're outside my house now",
    'They have come back and are threatening us',
    'Wamerudi tena na bunduki',
    'I am hiding in the toilet',
    'they will kill me',
    'SOS',
    'Wako hapa tena!',
    'Wamerudi, wananitishia',
    'Polisi wanatupiga sasa hivi',
    'Tusaidieni tafadhali',
    'Niko hatarini',
    'Wanataka kuniua',
    'Nimejificha nyumbani kwa jirani',
  ])('%j', (text) => {
    expect(saysDangerNow(text)).toBe(true);
  });

  it.each([
    'They beat me yesterday at the roadblock',
    'They came back last night and threatened my family again.',
    'Can you help me with my report?',
    'Please help me to know the status',
    'Wanapiga kura kesho',
    'Walinipiga jana',
    'Nitawapigia simu',
    'The car was a white Probox, KDA 123X',
    'Asante kwa msaada wenu',
  ])('not %j', (text) => {
    expect(saysDangerNow(text)).toBe(false);
  });
});
