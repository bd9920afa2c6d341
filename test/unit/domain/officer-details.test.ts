import { withheldFromConversation } from '../../../src/domain/consent';
import { isPoliceUnit, isReporterRole, keepOfficersNamed, keepOfficersNamedAsIn, matchPoliceUnit, officersNamed, parsePlate, parsePollingStation, parseServiceNumber, rankIn, readVehicle, withoutPhoneNumbers } from '../../../src/domain';

describe('number plates', () => {
  it.each([
    ['KDA 123A', 'KDA 123A', 'private'],
    ['kda123a', 'KDA 123A', 'private'],
    ['K D A 1 2 3 A', 'KDA 123A', 'private'],
    ['KAA 001B', 'KAA 001B', 'private'],
    [' kcx-456z ', 'KCX 456Z', 'private'],
    ['kmda 123a', 'KMDA 123A', 'motorcycle'],
    ['GK 123A', 'GK 123A', 'government'],
    ['gk-123a', 'GK 123A', 'government'],
    ['gk.a 372f', 'GKA 372F', 'government'],
  ])('reads %j as %s', (typed, plate, kind) => {
    expect(parsePlate(typed)).toEqual({ ok: true, plate, kind });
  });

  it.each(['a white Probox', 'KDA 12A', 'KDA 1234A', 'XYZ 123A', '123', 'GK', 'KDA123'])('refuses %j as not a plate', (typed) => {
    expect(parsePlate(typed)).toEqual({ ok: false, reason: 'not_a_plate' });
  });

  it('says an empty answer is empty, not a wrong plate', () => {
    expect(parsePlate('  - ')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('what was seen of the vehicle', () => {
  it.each([
    ['a white Probox', [], 'white Probox'],
    ['KDA 12', [], 'KDA 12'],
    ['plate number KDA 12', [], 'KDA 12'],
    ['white Probox KDA 123A', ['KDA 123A'], 'white Probox'],
    ['gari nyeupe (kda123a)', ['KDA 123A'], 'gari nyeupe'],
    ['white Probox, blue Land Cruiser GK 456B', ['GK 456B'], 'white Probox, blue Land Cruiser'],
    // A phone number typed in is never passed on as a vehicle detail.
    ['0712345678 call me, white probox', [], 'call me, white probox'],
    // A vehicle without a plate says so whole (it was cut to "probox nyeupe bila", the missing plate lost).
    ['probox nyeupe bila number plate', [], 'probox nyeupe bila number plate'],
    ['white probox, no plate', [], 'white probox, no plate'],
    ['a white probox without plates', [], 'a white probox without plates'],
    ['Land Cruiser ya polisi, haina namba', [], 'Land Cruiser ya polisi, haina namba'],
  ])('keeps what is not a plate in %j as the description', (typed, plates, description) => {
    expect(readVehicle(typed)).toEqual({ plates, description });
  });

  it.each([
    ['KDA 123A na GK 456B', ['KDA 123A', 'GK 456B']],
    ['K D A 1 2 3 A', ['KDA 123A']],
    ['the car was KDA 123A, kda123a', ['KDA 123A']],
    ['nambari ya usajili ni GK 123A', ['GK 123A']],
    ['sijui', []],
    ["I don't know", []],
    ['hapana', []],
    ['none', []],
    ["didn't see the plate", []],
    ['sikuona namba', []],
    ['I did not see any car', []],
    ['+254 712 345 678', []],
  ])('adds no description when %j has nothing but plates and lead-in words', (typed, plates) => {
    expect(readVehicle(typed)).toEqual({ plates });
  });
});

describe('phone numbers in typed answers', () => {
  it.each(['0712 345 678', '0712345678', '+254 712 345 678', '254-712-345-678', '00254712345678', '+254 (0)712 345678', '0712.345.678', '071 234 5678', '0712 34 56 78', '0110 123 456', '+254712345678',
    // As a probe typed them into an anonymous story, which reached the agency's case file unblanked.
    '(0722) 123 456', '0733 - 444 - 555', '0711  222  333', '722 123 456', '020 2345678', '+254 20 2345678'])(
    'blanks %j wherever it stands',
    (phone) => {
      expect(withoutPhoneNumbers(`Kilimani, nipigie ${phone} jioni`)).toBe('Kilimani, nipigie [phone removed] jioni');
    },
  );
  it('keeps the brackets round a number in brackets', () => {
    expect(withoutPhoneNumbers('Sgt Otieno (0712 345 678), Kilimani')).toBe('Sgt Otieno ([phone removed]), Kilimani');
  });
  it.each(['service number 237465', 'code 037202101101', 'KDA 123A', 'Ksh 2,000', 'KSh 150 000 000', 'KSh 700 000 000', 'sh. 700 000 000', '700 000 000/=', '100.000.000', '2026-08-08 19:30', '07.12.2026 10:30', '07/12/2026 10:30', 'ID 27712345',
    // Evidence an investigator needs, which a review found blanked by the first wider pattern: OB and case numbers, days with times, amounts.
    'OB No. 07/12/05/2024', 'CR 712/45/2024', 'Cr. No. 745/12/2024', '02/11/2024 14.30', '12/07/2024 1400hrs', '12/7/2024 1430', '20.07.2024 1430', '12-07-2024 1430hrs', 'KSh 1 700 000 000', '750 000 000 shillings'])('leaves %j alone', (typed) => {
    expect(withoutPhoneNumbers(typed)).toBe(typed);
  });
});

describe('police units', () => {
  it('has codes for the services a reporter can tell apart', () => {
    expect(['kps', 'ap', 'gsu', 'traffic', 'dci', 'other'].every(isPoliceUnit)).toBe(true);
    expect(isPoliceUnit('army')).toBe(false);
  });

  it.each([
    ['GSU', 'gsu'],
    ['general service unit', 'gsu'],
    ['A.P.', 'ap'],
    ['Administration Police', 'ap'],
    ['polisi wa utawala', 'ap'],
    ['CID officers', 'dci'],
    ['DCI', 'dci'],
    ['trafiki', 'traffic'],
    ['traffic police', 'traffic'],
    ['regular police', 'kps'],
    ['Kenya Police Service', 'kps'],
    ['polisi wa kawaida', 'kps'],
    // As typed on a phone, and the Administration Police's own units (RDU, SGB, the border police).
    ['trafik', 'traffic'],
    ['walikuwa maAP', 'ap'],
    ['askari wa utawala', 'ap'],
    ['walikuwa RDU', 'ap'],
    ['SGB', 'ap'],
  ])('recognises %j as %s', (typed, unit) => {
    expect(matchPoliceUnit(typed)).toBe(unit);
  });

  it.each(['polisi', 'Police', 'police officers', 'askari'])('records %j (police, but which service?) as not known, not as the regular police', (typed) => {
    expect(matchPoliceUnit(typed)).toBe('other');
  });

  it('does not guess a unit from unrelated words', () => {
    expect(matchPoliceUnit('sijui')).toBeUndefined();
    expect(matchPoliceUnit('they wore jungle green')).toBeUndefined();
    expect(matchPoliceUnit('happy')).toBeUndefined();
  });
});

describe('service numbers', () => {
  it('keeps the number and drops the words around it', () => {
    expect(parseServiceNumber('No. 237465')).toEqual({ ok: true, serviceNumber: '237465' });
    expect(parseServiceNumber('service number 2012-04-5567')).toEqual({ ok: true, serviceNumber: '2012-04-5567' });
    expect(parseServiceNumber('namba ya huduma 88 431')).toEqual({ ok: true, serviceNumber: '88 431' });
    expect(parseServiceNumber('ap/12345')).toEqual({ ok: true, serviceNumber: 'AP/12345' });
  });

  it.each([
    ['Nambari ya huduma 12345', '12345'],
    ['namba yake ni 12345', '12345'],
    ['namba ya kazi: 12345', '12345'],
    ['his service number is 12345', '12345'],
    ['Force No. 12345', '12345'],
    ['S/No 12345', '12345'],
  ])('drops the English and Swahili words that introduce the number in %j', (typed, serviceNumber) => {
    expect(parseServiceNumber(typed)).toEqual({ ok: true, serviceNumber });
  });

  it('refuses text that is not a number', () => {
    expect(parseServiceNumber('Corporal Otieno')).toEqual({ ok: false, reason: 'no_digits' });
    expect(parseServiceNumber('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseServiceNumber('1'.repeat(25))).toEqual({ ok: false, reason: 'too_long' });
  });
});

describe('each officer with the service number written with them', () => {
  it.each([
    ['Koplo Mutua 78123, Sajini Wekesa', [{ name: 'Koplo Mutua', serviceNumber: '78123' }, { name: 'Sajini Wekesa' }]],
    // "One officer, his number 45231, and the other had no number."
    ['afande mmoja, namba yake 45231 na mwingine hakuwa na namba', [{ name: 'afande mmoja', serviceNumber: '45231' }, { name: 'mwingine' }]],
    ['Cpl Otieno No. 12345 and Sgt Wanjiru (67890)', [{ name: 'Cpl Otieno', serviceNumber: '12345' }, { name: 'Sgt Wanjiru', serviceNumber: '67890' }]],
    ['Otieno, his service number is 12345', [{ name: 'Otieno', serviceNumber: '12345' }]],
    ['Sgt Wekesa had no number; PC Njeri 2231', [{ name: 'Sgt Wekesa' }, { name: 'PC Njeri', serviceNumber: '2231' }]],
    ['namba yake ni 12345', [{ serviceNumber: '12345' }]],
    // A mark left where a phone number was withheld is no number, nor is its "number" dropped as a word that introduces one.
    ['Sgt Wekesa [phone number withheld]', [{ name: 'Sgt Wekesa [phone number withheld]' }]],
  ])('%j', (answer, officers) => {
    expect(officersNamed(answer)).toEqual(officers);
  });

  it('reads a count of officers as words, not as a service number', () => {
    expect(officersNamed('Cpl Otieno, 2 others')).toEqual([{ name: 'Cpl Otieno' }, { name: '2 others' }]);
    expect(officersNamed('Cpl Otieno na wengine 3')).toEqual([{ name: 'Cpl Otieno' }, { name: 'wengine 3' }]);
    expect(officersNamed('Cpl Otieno 84512 with 2 others')).toEqual([{ name: 'Cpl Otieno', serviceNumber: '84512' }, { name: 'with 2 others' }]);
  });

  it('never guesses whose a number is when it was written apart from two officers', () => {
    expect(officersNamed('Sgt Kamau, Cpl Otieno, namba zao 555 na 777')).toEqual([{ name: 'Sgt Kamau' }, { name: 'Cpl Otieno' }, { serviceNumber: '555' }, { serviceNumber: '777' }]);
  });
});

describe('ranks', () => {
  it.each([
    ['Cpl Otieno', 'Cpl'],
    ['Snr Sgt Wanjiru', 'Snr Sgt'],
    ['Otieno (Cpl.)', 'Cpl.'],
    ['Koplo Otieno', 'Koplo'],
    ['Sajini Mkuu Achieng', 'Sajini Mkuu'],
    ['Chief Inspector Mutua', 'Chief Inspector'],
    ['Konstebo Kamau', 'Konstebo'],
  ])('finds the rank in %j as written', (typed, rank) => {
    expect(rankIn(typed)).toBe(rank);
  });

  it('finds none in a plain name', () => {
    expect(rankIn('Otieno Wanjiru')).toBeUndefined();
  });
});

describe('reporter role', () => {
  it('knows the three roles', () => {
    expect(['victim', 'witness', 'on_behalf'].every(isReporterRole)).toBe(true);
    expect(isReporterRole('officer')).toBe(false);
  });
});

describe('polling stations', () => {
  it('takes a name, a code, or both', () => {
    expect(parsePollingStation('Moi Primary School')).toEqual({ ok: true, station: { name: 'Moi Primary School' } });
    expect(parsePollingStation('047 280 1398 01')).toEqual({ ok: true, station: { code: '047280139801' } });
    expect(parsePollingStation('Kasarani Primary, 047280139801')).toEqual({ ok: true, station: { name: 'Kasarani Primary', code: '047280139801' } });
    // Short numbers belong to the name ("Stream 2"), not a code.
    expect(parsePollingStation('Shauri Moyo stream 2')).toEqual({ ok: true, station: { name: 'Shauri Moyo stream 2' } });
  });

  it('refuses what is not a station', () => {
    expect(parsePollingStation(' ')).toEqual({ ok: false, reason: 'empty' });
    expect(parsePollingStation('12')).toEqual({ ok: false, reason: 'not_a_station' });
    expect(parsePollingStation('x'.repeat(121))).toEqual({ ok: false, reason: 'too_long' });
  });
});

describe("the officers' names in a document without the reporter's name", () => {
  const blank = (s: string) => withheldFromConversation(s, { phone: true, names: ['Brian Otieno'] }, { phone: '[phone]', name: '[name]', location: '[place]', email: '[email]' });
  it('keeps an officer named by rank or title even when the reporter shares the name; blanks the name elsewhere', () => {
    expect(keepOfficersNamed('Cpl Otieno and Sgt. Kamau, call Otieno 0722 123 456', blank)).toBe('Cpl Otieno and Sgt. Kamau, call [name] [phone]');
    expect(keepOfficersNamed('afande Otieno wa OCS Brian', blank)).toBe('afande Otieno wa OCS Brian');
    expect(keepOfficersNamed('Otieno the tall one', blank)).toBe('[name] the tall one');
  });
  it("keeps, in the story and the messages, an officer named by title as the officers' answer named them: a blank there beside 'PC Otieno' above told whose name it was", () => {
    const story = 'PC Otieno and Cpl Mwangi slapped me. Afande otieno took my ID. I am Brian Otieno, Sgt Brian knows me.';
    expect(keepOfficersNamedAsIn(story, blank, 'PC Otieno, Cpl Mwangi')).toBe('PC Otieno and Cpl Mwangi slapped me. Afande otieno took my ID. I am [name] [name], Sgt [name] knows me.');
    // A police reporter's own rank and name, not in the officers' answer, stays blanked.
    expect(keepOfficersNamedAsIn('I am Cpl Otieno of Kasarani; they beat me', blank, 'Sgt Kamau')).toBe('I am Cpl [name] of Kasarani; they beat me');
    expect(keepOfficersNamedAsIn('PC Otieno beat me', blank, undefined)).toBe('PC [name] beat me');
  });
});
