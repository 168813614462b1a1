import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { json, mockApi, problem, requestsOf } from '../test/mockApi';
import { renderApp } from '../test/renderApp';
import { loggedInAs } from '../test/session';
import type { Subscription } from './api';

const FIND = { timeout: 5000 };
const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';
const PAGE = { pagina: 1, paginaGrootte: 100, aantal: 0, aantalPaginas: 1 };

const reference = {
  '/api/v1/maatregelen': () =>
    json({ resultaten: [{ code: 'M05', titel: 'Giftenvrijlating' }], paginering: { ...PAGE, aantal: 1 }, _links: {} }),
  '/api/v1/themas': () => json({ resultaten: [{ code: 'werk', naam: 'Werk' }], paginering: PAGE, _links: {} }),
  '/api/v1/fasen': () => json({ resultaten: [{ nummer: 1, naam: 'Golf 1' }] }),
};

const subscription: Subscription = {
  email: 'lezer@example.nl',
  status: 'actief',
  alles: false,
  maatregelen: ['M05'],
  themas: [],
  golven: [],
  viaAccount: false,
  aangemeldOp: '2026-12-01T10:00:00Z',
  bevestigdOp: '2026-12-01T10:05:00Z',
  afgemeldOp: null,
};

function bodiesOf(fetchMock: ReturnType<typeof mockApi>, method: string, path: string) {
  return Promise.all(
    requestsOf(fetchMock)
      .filter((r) => r.method === method && new URL(r.url).pathname === path)
      .map((r) => r.json() as Promise<unknown>),
  );
}

describe('the subscribe form', () => {
  it('checks the address before sending, in the error summary', async () => {
    const fetchMock = mockApi(reference);
    renderApp('/nieuwsbrief');
    fireEvent.click(await screen.findByRole('button', { name: 'Aanmelden' }, FIND));
    expect(await screen.findByRole('link', { name: 'E-mailadres: Vul uw e-mailadres in.' })).toBeInTheDocument();
    expect(await bodiesOf(fetchMock, 'POST', '/api/v1/nieuwsbrief/aanmeldingen')).toEqual([]);
  });

  it('sends a choice of one measure and shows the same message for every address', async () => {
    const fetchMock = mockApi({
      ...reference,
      'POST /api/v1/nieuwsbrief/aanmeldingen': () => json({ melding: 'ok' }, 202),
    });
    renderApp('/nieuwsbrief');
    fireEvent.change(await screen.findByLabelText('E-mailadres', {}, FIND), { target: { value: 'lezer@example.nl' } });
    fireEvent.click(screen.getByLabelText(/Alleen over de maatregelen/));
    fireEvent.click(await screen.findByLabelText('M05 Giftenvrijlating', {}, FIND));
    fireEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
    expect(await screen.findByRole('heading', { name: 'Kijk in uw mailbox' }, FIND)).toBeInTheDocument();
    expect(await bodiesOf(fetchMock, 'POST', '/api/v1/nieuwsbrief/aanmeldingen')).toEqual([
      { email: 'lezer@example.nl', alles: false, maatregelen: ['M05'], themas: [], golven: [] },
    ]);
  });

  it('explains a 429 kindly, with when to try again', async () => {
    mockApi({
      ...reference,
      'POST /api/v1/nieuwsbrief/aanmeldingen': () =>
        problem(429, 'Te veel verzoeken', 'Te veel aanmeldingen.', {}, { 'Retry-After': '120' }),
    });
    renderApp('/nieuwsbrief');
    fireEvent.change(await screen.findByLabelText('E-mailadres', {}, FIND), { target: { value: 'lezer@example.nl' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aanmelden' }));
    expect(await screen.findByText(/Probeer het over 2 minuten opnieuw/, {}, FIND)).toBeInTheDocument();
  });
});

describe('the confirmation page', () => {
  it('confirms the token after # only with the button, and shows the subscription', async () => {
    const fetchMock = mockApi({ ...reference, 'POST /api/v1/nieuwsbrief/aanmeldingen/bevestigen': () => json(subscription) });
    renderApp(`/nieuwsbrief/bevestigen#token=${TOKEN}`);
    const button = await screen.findByRole('button', { name: 'Aanmelding bevestigen' }, FIND);
    // Opening the page (as a mail scanner does) confirms nothing.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await bodiesOf(fetchMock, 'POST', '/api/v1/nieuwsbrief/aanmeldingen/bevestigen')).toEqual([]);
    fireEvent.click(button);
    expect(await screen.findByRole('heading', { name: 'Uw aanmelding is bevestigd' }, FIND)).toBeInTheDocument();
    expect(await screen.findByText('Alleen over maatregelen: M05 Giftenvrijlating', {}, FIND)).toBeInTheDocument();
    expect(await bodiesOf(fetchMock, 'POST', '/api/v1/nieuwsbrief/aanmeldingen/bevestigen')).toEqual([{ token: TOKEN }]);
  });

  it('explains an expired link with a way to sign up again', async () => {
    mockApi({
      ...reference,
      'POST /api/v1/nieuwsbrief/aanmeldingen/bevestigen': () => problem(410, 'Link verlopen', 'De link is verlopen.'),
    });
    renderApp(`/nieuwsbrief/bevestigen#token=${TOKEN}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Aanmelding bevestigen' }, FIND));
    expect(await screen.findByRole('heading', { name: 'Deze bevestigingslink is verlopen' }, FIND)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Meld u opnieuw aan' })).toHaveAttribute('href', '/nieuwsbrief');
  });
});

describe('the manage page', () => {
  it('explains where the link is without a token', async () => {
    mockApi(reference);
    renderApp('/nieuwsbrief/beheren');
    expect(await screen.findByRole('heading', { name: 'Open deze pagina met de link uit een e-mail' }, FIND)).toBeInTheDocument();
  });

  it('changes the choice to everything', async () => {
    const fetchMock = mockApi({
      ...reference,
      'GET /api/v1/nieuwsbrief/abonnement': () => json(subscription),
      'PUT /api/v1/nieuwsbrief/abonnement': () => json({ ...subscription, alles: true, maatregelen: [] }),
    });
    renderApp(`/nieuwsbrief/beheren#token=${TOKEN}`);
    fireEvent.click(await screen.findByLabelText('De hele nieuwsbrief', {}, FIND));
    fireEvent.click(screen.getByRole('button', { name: 'Keuze opslaan' }));
    expect(await screen.findByText('Uw keuze is opgeslagen.', {}, FIND)).toBeInTheDocument();
    expect(await bodiesOf(fetchMock, 'PUT', '/api/v1/nieuwsbrief/abonnement')).toEqual([
      { alles: true, maatregelen: [], themas: [], golven: [] },
    ]);
  });

  it('asks before erasing everything', async () => {
    const fetchMock = mockApi({
      ...reference,
      'GET /api/v1/nieuwsbrief/abonnement': () => json(subscription),
      'DELETE /api/v1/nieuwsbrief/abonnement': () => new Response(null, { status: 204 }),
    });
    renderApp(`/nieuwsbrief/beheren#token=${TOKEN}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Alles wissen…' }, FIND));
    expect(requestsOf(fetchMock).some((r) => r.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Ja, wis alles' }));
    expect(await screen.findByRole('heading', { name: 'Alles is gewist' }, FIND)).toBeInTheDocument();
  });
});

describe('the archive', () => {
  it('lists the sent editions with the feed, and shows one inside a bounded article', async () => {
    mockApi({
      '/api/v1/nieuwsbrief/archief': () =>
        json({
          resultaten: [{ id: 3, titel: 'Nieuwsbrief december', verzondenOp: '2026-12-01T09:00:00Z', link: '/nieuwsbrief/archief/3' }],
          paginering: { ...PAGE, aantal: 1 },
          _links: {},
        }),
      '/api/v1/nieuwsbrief/archief/3': () =>
        json({
          id: 3,
          titel: 'Nieuwsbrief december',
          verzondenOp: '2026-12-01T09:00:00Z',
          link: '/nieuwsbrief/archief/3',
          periodeVanaf: null,
          html: '<h2>Nieuwe producten</h2><p>Een handreiking.</p>',
        }),
    });
    renderApp('/nieuwsbrief/archief');
    expect(await screen.findByRole('link', { name: 'Atom-feed' }, FIND)).toHaveAttribute('href', '/api/v1/nieuwsbrief/archief/feed');
    fireEvent.click(await screen.findByRole('link', { name: 'Nieuwsbrief december' }, FIND));
    const article = await screen.findByRole('article', { name: 'Nieuwsbrief: Nieuwsbrief december' }, FIND);
    expect(article).toHaveTextContent('Een handreiking.');
    expect(screen.getByRole('main')).toHaveTextContent('Verstuurd op');
  });

  it('says so when nothing was sent yet', async () => {
    mockApi({ '/api/v1/nieuwsbrief/archief': () => json({ resultaten: [], paginering: PAGE, _links: {} }) });
    renderApp('/nieuwsbrief/archief');
    expect(await screen.findByText(/Er is nog geen nieuwsbrief verstuurd/, {}, FIND)).toBeInTheDocument();
  });
});

describe('the nieuwsbrief under Mijn account', () => {
  it('subscribes the account’s address without a confirmation mail, then offers to stop', async () => {
    const { handler, gebruiker } = loggedInAs(['gemeente']);
    const fetchMock = mockApi({
      ...reference,
      '/api/v1/sessies/huidig': handler,
      '/api/v1/mijn-account': () => json(gebruiker),
      'GET /api/v1/mijn-account/nieuwsbrief': () => problem(404, 'Niet gevonden', 'Geen abonnement.'),
      'PUT /api/v1/mijn-account/nieuwsbrief': () => json({ ...subscription, alles: true, maatregelen: [], viaAccount: true }),
    });
    renderApp('/mijn-account');
    expect(await screen.findByText(/U krijgt de nieuwsbrief nu niet/, {}, FIND)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Nieuwsbrief ontvangen' }));
    expect(await screen.findByRole('button', { name: 'Nieuwsbrief stoppen' }, FIND)).toBeInTheDocument();
    expect(await bodiesOf(fetchMock, 'PUT', '/api/v1/mijn-account/nieuwsbrief')).toEqual([
      { alles: true, maatregelen: [], themas: [], golven: [] },
    ]);
  });
});
