import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { json, mockApi, noContent, problem, requestsOf } from '../test/mockApi';
import { renderApp } from '../test/renderApp';
import { loggedInAs } from '../test/session';
import type { MeetingDetail, MeetingRating, MeetingSummary, RegistrationByToken } from './types';

const FIND = { timeout: 5000 };
const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';

function makeSummary(overrides: Partial<MeetingSummary> = {}): MeetingSummary {
  return {
    id: 5,
    soort: 'werksessie',
    titel: 'Werksessie giftenvrijlating',
    doelgroep: 'gemeenten',
    status: 'open',
    begin: '2027-01-12T13:00:00Z',
    einde: '2027-01-12T14:30:00Z',
    online: false,
    locatie: 'Stadskantoor',
    provincie: { code: 'PV26', naam: 'Utrecht' },
    arbeidsmarktregio: null,
    maatregelen: [{ code: 'M01', naam: 'Giftenvrijlating' }],
    plaatsen: { capaciteit: 20, aangemeld: 20, wachtlijst: 2, vrij: 0 },
    aanmeldenMogelijk: true,
    mijnAanmelding: null,
    ...overrides,
  };
}

function makeDetail(overrides: Partial<MeetingDetail> = {}): MeetingDetail {
  return {
    ...makeSummary(),
    omschrijving: 'Wat werkt bij de vrijlating van giften?',
    themas: [],
    organisatoren: [{ code: 'DIVOSA', naam: 'Divosa', rol: 'organisator' }],
    adres: 'Stadsplateau 1, Utrecht',
    aanmeldenTot: null,
    tijdslotMinuten: null,
    deelnamelink: null,
    organisator: null,
    geannuleerdOp: null,
    redenAnnulering: null,
    versie: 1,
    _links: { self: { href: '/api/v1/bijeenkomsten/5' }, kalender: { href: '/api/v1/bijeenkomsten/5/kalender' } },
    ...overrides,
  };
}

function calls(fetchMock: ReturnType<typeof mockApi>, method: string, path: string): Request[] {
  return requestsOf(fetchMock).filter((r) => r.method === method && new URL(r.url).pathname === path);
}

describe('the cancel page behind the mail’s link', () => {
  const found: RegistrationByToken = { bijeenkomst: makeSummary(), naam: 'Kees de Vries', status: 'aangemeld' };

  it('looks the registration up, and cancels only when the button is pressed', async () => {
    const fetchMock = mockApi({
      'POST /api/v1/aanmelding-opzoeken': () => json(found),
      'POST /api/v1/aanmelding-annuleren': () => noContent(),
    });
    renderApp(`/aanmelding-annuleren#token=${TOKEN}`);

    expect(await screen.findByText('Kees de Vries', {}, FIND)).toBeInTheDocument();
    expect(screen.getByText('dinsdag 12 januari 2027, 14:00–15:30')).toBeInTheDocument();
    const lookups = calls(fetchMock, 'POST', '/api/v1/aanmelding-opzoeken');
    expect(lookups).toHaveLength(1);
    expect(await lookups[0]!.json()).toEqual({ token: TOKEN });
    expect(calls(fetchMock, 'POST', '/api/v1/aanmelding-annuleren')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Afmelden' }));
    expect(await screen.findByText(/Kees de Vries is afgemeld\./, {}, FIND)).toBeInTheDocument();
    const cancels = calls(fetchMock, 'POST', '/api/v1/aanmelding-annuleren');
    expect(cancels).toHaveLength(1);
    expect(await cancels[0]!.json()).toEqual({ token: TOKEN });
    expect(screen.queryByRole('button', { name: 'Afmelden' })).not.toBeInTheDocument();
  });

  it('says the link is unknown without asking the API when the fragment has no token', async () => {
    const fetchMock = mockApi({});
    renderApp('/aanmelding-annuleren');
    expect(await screen.findByRole('heading', { name: 'Deze afmeldlink kennen we niet' }, FIND)).toBeInTheDocument();
    expect(calls(fetchMock, 'POST', '/api/v1/aanmelding-opzoeken')).toHaveLength(0);
  });
});

describe('the meeting page for a contact', () => {
  function contactApi(extra: Parameters<typeof mockApi>[0] = {}) {
    const { handler } = loggedInAs(['gemeente']);
    return mockApi({
      '/api/v1/sessies/huidig': handler,
      'GET /api/v1/bijeenkomsten/5': () => json(makeDetail()),
      'GET /api/v1/bijeenkomsten/5/aanmeldingen': () =>
        json({
          aanmeldingen: [
            {
              id: 31,
              naam: 'Ans Jansen',
              email: 'ans@utrecht.nl',
              gemeente: { code: 'GM0344', naam: 'Utrecht' },
              organisatie: null,
              status: 'wachtlijst',
              plaatsOpWachtlijst: 2,
              aangemeldOp: '2026-12-01T10:00:00Z',
              afgemeldOp: null,
              aanwezigheid: null,
            },
          ],
          plaatsen: makeSummary().plaatsen,
        }),
      ...extra,
    });
  }

  it('shows her municipality’s registrations with the place on the waiting list', async () => {
    contactApi();
    renderApp('/bijeenkomsten/5');
    const table = await screen.findByRole('table', { name: 'Aanmeldingen van uw gemeente' }, FIND);
    expect(within(table).getByText('Wachtlijst, plaats 2')).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Afmelden: Ans Jansen' })).toBeInTheDocument();
    expect(screen.getByText('Vol – wachtlijst', { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Toevoegen aan agenda (.ics)' })).toHaveAttribute('href', '/api/v1/bijeenkomsten/5/kalender');
  });

  it('checks a colleague’s name and e-mail before sending, and shows the API’s complaint at its field', async () => {
    const fetchMock = contactApi({
      'POST /api/v1/bijeenkomsten/5/aanmeldingen': () =>
        problem(400, 'Ongeldige invoer', 'Controleer de gegevens.', {
          invalidParams: [{ name: 'body.email', reason: 'Dit e-mailadres hoort niet bij uw gemeente.' }],
        }),
    });
    renderApp('/bijeenkomsten/5');
    const form = await screen.findByRole('form', { name: 'Collega aanmelden' }, FIND);
    fireEvent.click(within(form).getByRole('button', { name: 'Collega aanmelden' }));
    expect(await within(form).findByText('Vul de naam van uw collega in.', { selector: '.utrecht-form-field__error-message' })).toBeInTheDocument();
    expect(calls(fetchMock, 'POST', '/api/v1/bijeenkomsten/5/aanmeldingen')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Naam'), { target: { value: 'Kees de Vries' } });
    fireEvent.change(within(form).getByLabelText('E-mailadres'), { target: { value: 'kees@example.nl' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Collega aanmelden' }));
    expect(
      await within(form).findByText('Dit e-mailadres hoort niet bij uw gemeente.', { selector: '.utrecht-form-field__error-message' }, FIND),
    ).toBeInTheDocument();
    const posts = calls(fetchMock, 'POST', '/api/v1/bijeenkomsten/5/aanmeldingen');
    expect(posts).toHaveLength(1);
    expect(await posts[0]!.json()).toEqual({ naam: 'Kees de Vries', email: 'kees@example.nl' });
  });
});

describe('the evaluation page behind the mail’s links', () => {
  const rating: MeetingRating = {
    bijeenkomst: { id: 5, titel: 'Werksessie giftenvrijlating', begin: '2027-01-12T13:00:00Z' },
    score: null,
    toelichting: null,
    wijzigbaarTot: '2099-01-26T13:00:00Z',
    wijzigbaar: true,
  };

  it('records the link’s score with one PUT and offers to change it', async () => {
    const sent: unknown[] = [];
    const fetchMock = mockApi({
      'POST /api/v1/bijeenkomstbeoordeling/opzoeken': () => json(rating),
      'PUT /api/v1/bijeenkomstbeoordeling': async (_url, request) => {
        const body = (await request.json()) as { score: number };
        sent.push(body);
        return json({ ...rating, score: body.score });
      },
    });
    renderApp(`/bijeenkomst-beoordelen#token=${TOKEN}&score=4`);
    expect(await screen.findByText(/Uw beoordeling is opgeslagen: 4 van 5/, {}, FIND)).toBeInTheDocument();
    const puts = calls(fetchMock, 'PUT', '/api/v1/bijeenkomstbeoordeling');
    expect(puts).toHaveLength(1);
    expect(sent).toEqual([{ token: TOKEN, score: 4, toelichting: null }]);
    expect(screen.getByRole('radio', { name: /^4 – / })).toBeChecked();
  });

  it('records nothing when the fragment has no score', async () => {
    const fetchMock = mockApi({ 'POST /api/v1/bijeenkomstbeoordeling/opzoeken': () => json(rating) });
    renderApp(`/bijeenkomst-beoordelen#token=${TOKEN}`);
    expect(await screen.findByText('U heeft deze bijeenkomst nog niet beoordeeld.', {}, FIND)).toBeInTheDocument();
    expect(calls(fetchMock, 'PUT', '/api/v1/bijeenkomstbeoordeling')).toHaveLength(0);
  });
});
