import { describe, expect, it } from 'vitest';

import { createBody, EMPTY_MEETING, meetingProblems, movesPeople, updateBody, valuesOf, type MeetingFormValues } from './meetingForm';
import type { MeetingDetail } from './types';

const filled: MeetingFormValues = {
  ...EMPTY_MEETING,
  soort: 'werksessie',
  titel: 'Werksessie loonkostensubsidie',
  beginDatum: '2027-01-14',
  beginTijd: '14:00',
  eindeDatum: '2027-01-14',
  eindeTijd: '16:00',
};

const problemsOf = (values: Partial<MeetingFormValues>) =>
  Object.fromEntries(Object.entries(meetingProblems({ ...filled, ...values })).filter(([, message]) => message));

describe('meetingProblems', () => {
  it('finds nothing wrong with a complete meeting', () => {
    expect(problemsOf({})).toEqual({});
  });

  it('asks for the kind, a title of at least five letters, and both moments', () => {
    expect(problemsOf({ soort: '', titel: 'Kort', beginTijd: '', eindeDatum: '', eindeTijd: '' })).toEqual({
      soort: 'Kies de soort bijeenkomst.',
      titel: 'Gebruik minstens 5 tekens.',
      begin: 'Vul de tijd van het begin in.',
      einde: 'Vul de datum en de tijd van het einde in.',
    });
  });

  it('wants the end after the start', () => {
    expect(problemsOf({ eindeTijd: '14:00' })).toEqual({ einde: 'Het einde ligt na het begin.' });
  });

  it('takes a capacity of 1 to 10,000 places, or none', () => {
    expect(problemsOf({ capaciteit: '' })).toEqual({});
    expect(problemsOf({ capaciteit: '25' })).toEqual({});
    expect(Object.keys(problemsOf({ capaciteit: '0' }))).toEqual(['capaciteit']);
    expect(Object.keys(problemsOf({ capaciteit: 'twintig' }))).toEqual(['capaciteit']);
    expect(Object.keys(problemsOf({ capaciteit: '10001' }))).toEqual(['capaciteit']);
  });

  it('closes registration no later than the start, and wants both its date and time', () => {
    expect(problemsOf({ aanmeldenTotDatum: '2027-01-13', aanmeldenTotTijd: '17:00' })).toEqual({});
    expect(problemsOf({ aanmeldenTotDatum: '2027-01-14', aanmeldenTotTijd: '15:00' })).toEqual({
      aanmeldenTot: 'Aanmelden sluit uiterlijk bij het begin.',
    });
    expect(Object.keys(problemsOf({ aanmeldenTotDatum: '2027-01-13' }))).toEqual(['aanmeldenTot']);
  });

  it('asks a consultation hour for a slot length of 5 to 240 minutes', () => {
    expect(problemsOf({ soort: 'spreekuur', tijdslotMinuten: '20' })).toEqual({});
    expect(problemsOf({ soort: 'spreekuur', tijdslotMinuten: '3' })).toEqual({
      tijdslotMinuten: 'Een tijdslot duurt 5 tot en met 240 minuten.',
    });
    expect(problemsOf({ soort: 'webinar', tijdslotMinuten: '3' })).toEqual({});
  });

  it('wants a join link over https', () => {
    expect(problemsOf({ online: true, deelnamelink: 'http://vergadering.example/123' })).toEqual({
      deelnamelink: 'Een deelnamelink begint met https:// en bevat geen spaties.',
    });
    expect(problemsOf({ online: false, adres: 'Stadhuisplein 1', deelnamelink: 'http://oud.example' })).toEqual({});
  });

  it('wants the address of a meeting on site', () => {
    expect(problemsOf({ online: false, adres: ' ' })).toEqual({ adres: 'Vul het adres in van een bijeenkomst op locatie.' });
  });
});

describe('createBody', () => {
  it('sends Dutch times with their offset, a place only on site, and no slot length but for a consultation hour', () => {
    const body = createBody({
      ...filled,
      online: false,
      deelnamelink: 'https://vergeten.example',
      locatie: ' Stadhuis ',
      adres: 'Stadhuisplein 1',
      beginDatum: '2027-06-10',
      eindeDatum: '2027-06-10',
      capaciteit: '30',
    });
    expect(body).toMatchObject({
      begin: '2027-06-10T14:00:00+02:00',
      einde: '2027-06-10T16:00:00+02:00',
      online: false,
      deelnamelink: null,
      locatie: 'Stadhuis',
      capaciteit: 30,
      tijdslotMinuten: null,
      status: 'gepland',
    });
  });
});

const meeting: MeetingDetail = {
  id: 7,
  soort: 'werksessie',
  titel: 'Werksessie loonkostensubsidie',
  doelgroep: 'gemeenten',
  status: 'open',
  begin: '2027-01-14T13:00:00Z',
  einde: '2027-01-14T15:00:00Z',
  online: true,
  locatie: null,
  provincie: null,
  arbeidsmarktregio: null,
  maatregelen: [{ code: 'M03', naam: 'Loonkostensubsidie' }],
  plaatsen: { capaciteit: 20, aangemeld: 4, wachtlijst: 0, vrij: 16 },
  aanmeldenMogelijk: true,
  omschrijving: '',
  themas: [],
  organisatoren: [],
  adres: null,
  aanmeldenTot: null,
  tijdslotMinuten: null,
  deelnamelink: 'https://vergadering.example/1',
  organisator: null,
  geannuleerdOp: null,
  redenAnnulering: null,
  versie: 3,
  _links: { self: { href: '/api/v1/bijeenkomsten/7' }, kalender: { href: '/api/v1/bijeenkomsten/7/kalender' } },
};

describe('updateBody', () => {
  it('sends nothing for a form left as it was', () => {
    expect(updateBody(meeting, valuesOf(meeting))).toEqual({});
  });

  it('sends only what changed; a new title moves no one', () => {
    const body = updateBody(meeting, { ...valuesOf(meeting), titel: 'Werksessie loonkostensubsidie (vol)' });
    expect(body).toEqual({ titel: 'Werksessie loonkostensubsidie (vol)' });
    expect(movesPeople(body)).toBe(false);
  });

  it('warns that a new time sends everyone an updated invitation', () => {
    const body = updateBody(meeting, { ...valuesOf(meeting), beginTijd: '14:30' });
    expect(body).toEqual({ begin: '2027-01-14T14:30:00+01:00' });
    expect(movesPeople(body)).toBe(true);
  });
});
