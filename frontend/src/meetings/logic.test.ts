import { describe, expect, it } from 'vitest';

import { bookingProblems, formatMeetingTime, formatSlotTime, mailLinkFrom, placesText, registrationProblems } from './logic';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz_0123-';

describe('the token of a mail link, from the fragment', () => {
  it('reads the token and the score', () => {
    expect(mailLinkFrom(`#token=${TOKEN}&score=4`)).toEqual({ token: TOKEN, score: 4 });
    expect(mailLinkFrom(`#score=1&token=${TOKEN}`)).toEqual({ token: TOKEN, score: 1 });
  });

  it('takes a link without a score as one that records nothing', () => {
    expect(mailLinkFrom(`#token=${TOKEN}`)).toEqual({ token: TOKEN, score: null });
  });

  it('refuses a score outside 1 to 5 and a malformed or short token', () => {
    expect(mailLinkFrom(`#token=${TOKEN}&score=6`).score).toBeNull();
    expect(mailLinkFrom(`#token=${TOKEN}&score=0`).score).toBeNull();
    expect(mailLinkFrom(`#token=${TOKEN}&score=4.5`).score).toBeNull();
    expect(mailLinkFrom(`#token=${TOKEN}&score=`).score).toBeNull();
    expect(mailLinkFrom('#token=te-kort&score=3')).toEqual({ token: null, score: 3 });
    expect(mailLinkFrom(`#token=${TOKEN.slice(0, 19)}<script>`).token).toBeNull();
    expect(mailLinkFrom('').token).toBeNull();
    expect(mailLinkFrom('#').token).toBeNull();
  });
});

describe('a meeting’s time in Dutch', () => {
  it('gives the day and the hours in Amsterdam time, in winter and in summer', () => {
    // 13:00 UTC is 14:00 in winter (CET) and 15:00 in summer (CEST).
    expect(formatMeetingTime('2027-01-12T13:00:00Z', '2027-01-12T14:30:00Z')).toBe('dinsdag 12 januari 2027, 14:00–15:30');
    expect(formatMeetingTime('2027-06-15T13:00:00Z', '2027-06-15T14:30:00Z')).toBe('dinsdag 15 juni 2027, 15:00–16:30');
  });

  it('crosses the daylight-saving change with the right hours', () => {
    // Sunday 28 March 2027: clocks go from 02:00 to 03:00. The Saturday evening is still winter time.
    expect(formatMeetingTime('2027-03-27T18:00:00Z', '2027-03-28T09:00:00Z')).toBe(
      'zaterdag 27 maart 2027, 19:00 – zondag 28 maart 2027, 11:00',
    );
  });

  it('takes the Dutch day, not the UTC one, for a meeting late in the evening', () => {
    // 23:15 UTC on the 12th is a quarter past midnight on the 13th in Amsterdam.
    expect(formatMeetingTime('2027-01-12T23:15:00Z', '2027-01-12T23:45:00Z')).toBe('woensdag 13 januari 2027, 00:15–00:45');
  });

  it('gives a slot as hours only and shows what it cannot read as is', () => {
    expect(formatSlotTime('2027-01-12T13:00:00Z', '2027-01-12T13:20:00Z')).toBe('14:00–14:20');
    expect(formatMeetingTime('morgen', '2027-01-12T13:20:00Z')).toBe('morgen – 2027-01-12T13:20:00Z');
  });
});

describe('places left', () => {
  const places = { capaciteit: 20, aangemeld: 18, wachtlijst: 0, vrij: 2 };
  it('says how many, full with a waiting list, or nothing once over or cancelled', () => {
    expect(placesText({ status: 'open', plaatsen: places })).toBe('Nog 2 plaatsen vrij');
    expect(placesText({ status: 'open', plaatsen: { ...places, vrij: 1 } })).toBe('Nog 1 plaats vrij');
    expect(placesText({ status: 'vol', plaatsen: { ...places, vrij: 0, wachtlijst: 3 } })).toBe('Vol – wachtlijst');
    expect(placesText({ status: 'open', plaatsen: { capaciteit: null, aangemeld: 4, wachtlijst: 0, vrij: null } })).toBe('Plaats genoeg');
    expect(placesText({ status: 'afgelopen', plaatsen: places })).toBeNull();
    expect(placesText({ status: 'geannuleerd', plaatsen: places })).toBeNull();
  });
});

describe('the registration form’s checks', () => {
  const self = { colleague: false, naam: '', email: '', gemeente: '', chooseMunicipality: false };

  it('asks nothing of a contact of one municipality who registers herself', () => {
    expect(Object.values(registrationProblems(self)).filter(Boolean)).toEqual([]);
  });

  it('asks a contact of several municipalities for which one', () => {
    expect(registrationProblems({ ...self, chooseMunicipality: true }).gemeente).toBe('Kies voor welke gemeente.');
    expect(registrationProblems({ ...self, chooseMunicipality: true, gemeente: 'GM0344' }).gemeente).toBeNull();
  });

  it('asks a colleague’s name and a valid e-mail address', () => {
    const colleague = { ...self, colleague: true };
    expect(registrationProblems(colleague)).toEqual({
      naam: 'Vul de naam van uw collega in.',
      email: 'Vul een e-mailadres in.',
      gemeente: null,
    });
    expect(registrationProblems({ ...colleague, naam: ' K ', email: 'kees@utrecht' })).toEqual({
      naam: 'Een naam heeft minstens 2 tekens.',
      email: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.',
      gemeente: null,
    });
    expect(registrationProblems({ ...colleague, naam: 'x'.repeat(201), email: 'kees@utrecht.nl' }).naam).toBe(
      'Een naam heeft hoogstens 200 tekens.',
    );
    expect(Object.values(registrationProblems({ ...colleague, naam: 'Kees de Vries', email: 'kees@utrecht.nl' })).filter(Boolean)).toEqual([]);
  });

  it('asks a slot’s topic and explanation as long as a question needs them', () => {
    const booking = { onderwerp: 'Loon', toelichting: 'Kort', gemeente: '', chooseMunicipality: false };
    expect(bookingProblems(booking)).toEqual({
      onderwerp: 'Een onderwerp heeft minstens 5 tekens.',
      toelichting: 'Een toelichting heeft minstens 10 tekens.',
      gemeente: null,
    });
  });
});
