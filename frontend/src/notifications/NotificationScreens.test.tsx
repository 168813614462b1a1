import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { focusManager } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { json, mockApi, problem, requestsOf } from '../test/mockApi';
import { renderApp } from '../test/renderApp';
import { loggedInAs } from '../test/session';
import type { Notification, NotificationPage, Preference, Unsubscription } from './api';

const FIND = { timeout: 5000 };
const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';

function makeNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 5,
    soort: 'toetsing-uitgenodigd',
    titel: 'Toetsen: Handreiking giften',
    tekst: "U bent uitgenodigd om conceptversie 1 van 'Handreiking giften' te toetsen.",
    link: '/producten/12',
    aangemaakt: '2026-11-28T10:00:00Z',
    gelezen: null,
    ...overrides,
  };
}

function page(results: Notification[], unread = results.filter((n) => n.gelezen === null).length): NotificationPage {
  return {
    resultaten: results,
    ongelezen: unread,
    paginering: { pagina: 1, paginaGrootte: 20, totaal: results.length, aantalPaginas: 1 },
    _links: { self: { href: '/api/v1/meldingen' }, first: { href: '' }, last: { href: '' } },
  };
}

function requestsTo(fetchMock: ReturnType<typeof mockApi>, method: string, path: string): Request[] {
  return requestsOf(fetchMock).filter((r) => r.method === method && new URL(r.url).pathname === path);
}

afterEach(() => {
  vi.useRealTimers();
  focusManager.setFocused(undefined);
});

const bell = () => screen.findByRole('link', { name: /^Meldingen/ }, FIND);

describe('the bell in the header', () => {
  it('says how many notifications are unread, in its name and as a badge', async () => {
    const { handler } = loggedInAs(['gemeente']);
    mockApi({ '/api/v1/sessies/huidig': handler, '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 3 }) });
    renderApp('/toegankelijkheid');
    const account = await screen.findByRole('navigation', { name: 'Account' }, FIND);
    const link = await within(account).findByRole('link', { name: 'Meldingen, 3 ongelezen' }, FIND);
    expect(link).toHaveAttribute('href', '/meldingen');
    expect(link.querySelector('.utrecht-number-badge')).toHaveTextContent('3');
  });

  it('shows no count when nothing is unread', async () => {
    const { handler } = loggedInAs(['redacteur']);
    const fetchMock = mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 0 }),
    });
    renderApp('/toegankelijkheid');
    const link = await bell();
    await waitFor(() => expect(requestsTo(fetchMock, 'GET', '/api/v1/meldingen/aantal-ongelezen')).toHaveLength(1));
    expect(link).toHaveAccessibleName('Meldingen');
    expect(link.querySelector('.utrecht-number-badge')).toBeNull();
  });

  it('asks for the count again every minute while the tab is visible, and not while it is hidden', async () => {
    // Only the interval is faked: the page's other timers (debounce, React) run as usual.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let unread = 1;
    const { handler } = loggedInAs(['gemeente']);
    const fetchMock = mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: unread }),
    });
    renderApp('/toegankelijkheid');
    expect(await screen.findByRole('link', { name: 'Meldingen, 1 ongelezen' }, FIND)).toBeInTheDocument();
    const asked = () => requestsTo(fetchMock, 'GET', '/api/v1/meldingen/aantal-ongelezen').length;
    expect(asked()).toBe(1);

    unread = 4;
    await vi.advanceTimersByTimeAsync(59_000);
    expect(asked()).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await screen.findByRole('link', { name: 'Meldingen, 4 ongelezen' }, FIND)).toBeInTheDocument();
    expect(asked()).toBe(2);

    // A hidden tab is not polled.
    focusManager.setFocused(false);
    await vi.advanceTimersByTimeAsync(180_000);
    expect(asked()).toBe(2);
  });

  it('is not there for a visitor, who is not asked about notifications', async () => {
    const fetchMock = mockApi({});
    renderApp('/toegankelijkheid');
    expect(await screen.findByRole('link', { name: 'Inloggen' }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^Meldingen/ })).not.toBeInTheDocument();
    expect(requestsTo(fetchMock, 'GET', '/api/v1/meldingen/aantal-ongelezen')).toHaveLength(0);
  });
});

describe('the notification centre', () => {
  it('lists notifications, marks the unread ones, and marks one read on request', async () => {
    const { handler } = loggedInAs(['gemeente']);
    let unread = 1;
    const unreadOne = makeNotification();
    const readOne = makeNotification({
      id: 4,
      titel: 'Gepubliceerd: Factsheet buffer',
      link: '/producten/9',
      gelezen: '2026-11-27T09:00:00Z',
    });
    const fetchMock = mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: unread }),
      '/api/v1/meldingen': () => json(page([unreadOne, readOne])),
      'POST /api/v1/meldingen/5/gelezen': () => {
        unread = 0;
        return json({ ...unreadOne, gelezen: '2026-11-28T11:00:00Z' });
      },
    });
    renderApp('/meldingen');

    const item = await screen.findByRole('listitem', { name: 'Toetsen: Handreiking giften' }, FIND);
    expect(within(item).getByText('Ongelezen')).toBeInTheDocument();
    expect(within(item).getByRole('link', { name: 'Toetsen: Handreiking giften' })).toHaveAttribute('href', '/producten/12');
    const read = screen.getByRole('listitem', { name: 'Gepubliceerd: Factsheet buffer' });
    expect(within(read).queryByText('Ongelezen')).not.toBeInTheDocument();
    expect(within(read).queryByRole('button', { name: 'Markeer als gelezen' })).not.toBeInTheDocument();
    expect(screen.getByText('U hebt 1 ongelezen melding.')).toBeInTheDocument();
    expect(await bell()).toHaveAccessibleName('Meldingen, 1 ongelezen');
    expect(screen.getByRole('link', { name: /Mijn meldingen/ })).toHaveAttribute('href', '/mijn-meldingen');

    fireEvent.click(within(item).getByRole('button', { name: 'Markeer als gelezen' }));

    await waitFor(() => expect(within(item).queryByText('Ongelezen')).not.toBeInTheDocument(), FIND);
    expect(requestsTo(fetchMock, 'POST', '/api/v1/meldingen/5/gelezen')).toHaveLength(1);
    expect(screen.getByText('De melding "Toetsen: Handreiking giften" is als gelezen gemarkeerd.')).toBeInTheDocument();
    expect(within(item).getByRole('link', { name: 'Toetsen: Handreiking giften' })).toHaveFocus();
    // The bell is asked again and drops its count.
    await waitFor(() => expect(screen.getByRole('link', { name: /^Meldingen/ })).toHaveAccessibleName('Meldingen'), FIND);
  });

  it('marks a notification read when its link is followed', async () => {
    const { handler } = loggedInAs(['gemeente']);
    const fetchMock = mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 1 }),
      '/api/v1/meldingen': () => json(page([makeNotification()])),
      'POST /api/v1/meldingen/5/gelezen': () => json(makeNotification({ gelezen: '2026-11-28T11:00:00Z' })),
      '/api/v1/producten/12': () => problem(404, 'Niet gevonden', 'Dit product bestaat niet.'),
    });
    renderApp('/meldingen');
    const item = await screen.findByRole('listitem', { name: 'Toetsen: Handreiking giften' }, FIND);
    fireEvent.click(within(item).getByRole('link', { name: 'Toetsen: Handreiking giften' }));
    await waitFor(() => expect(requestsTo(fetchMock, 'POST', '/api/v1/meldingen/5/gelezen')).toHaveLength(1), FIND);
    await waitFor(() => expect(requestsTo(fetchMock, 'GET', '/api/v1/producten/12').length).toBeGreaterThan(0), FIND);
  });

  it('never links a notification outside the application', async () => {
    const { handler } = loggedInAs(['gemeente']);
    mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 1 }),
      '/api/v1/meldingen': () => json(page([makeNotification({ link: '//evil.example/producten/12' })])),
    });
    renderApp('/meldingen');
    const item = await screen.findByRole('listitem', { name: 'Toetsen: Handreiking giften' }, FIND);
    expect(within(item).queryByRole('link')).not.toBeInTheDocument();
  });

  it('says so when there are none, and filters on unread through the URL', async () => {
    const { handler } = loggedInAs(['redacteur']);
    const fetchMock = mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 0 }),
      '/api/v1/meldingen': () => json(page([])),
    });
    renderApp('/meldingen');
    expect(await screen.findByText('U hebt geen meldingen.', {}, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Alles als gelezen markeren' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Alleen ongelezen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Filteren' }));
    expect(await screen.findByText('U hebt geen ongelezen meldingen.', {}, FIND)).toBeInTheDocument();
    const queries = requestsTo(fetchMock, 'GET', '/api/v1/meldingen').map((r) => Object.fromEntries(new URL(r.url).searchParams));
    expect(queries).toContainEqual({ ongelezen: 'true', pagina: '1', paginaGrootte: '20' });
    expect(screen.getByRole('checkbox', { name: 'Alleen ongelezen' })).toBeChecked();
  });

  it('marks everything read at once', async () => {
    const { handler } = loggedInAs(['redacteur']);
    let marked = false;
    const two = [makeNotification(), makeNotification({ id: 6, titel: 'Oordeel over Factsheet: goedgekeurd' })];
    const fetchMock = mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: marked ? 0 : 2 }),
      '/api/v1/meldingen': () =>
        json(page(marked ? two.map((n) => ({ ...n, gelezen: '2026-11-28T12:00:00Z' })) : two)),
      'POST /api/v1/meldingen/alles-gelezen': () => {
        marked = true;
        return json({ gemarkeerd: 2 });
      },
    });
    renderApp('/meldingen');
    fireEvent.click(await screen.findByRole('button', { name: 'Alles als gelezen markeren' }, FIND));
    expect(await screen.findByText('2 meldingen zijn als gelezen gemarkeerd.', {}, FIND)).toBeInTheDocument();
    expect(requestsTo(fetchMock, 'POST', '/api/v1/meldingen/alles-gelezen')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByText('Ongelezen')).not.toBeInTheDocument(), FIND);
    expect(screen.queryByRole('button', { name: 'Alles als gelezen markeren' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Meldingen/ })).toHaveAccessibleName('Meldingen');
  });
});

const PREFERENCES: Preference[] = [
  {
    soort: 'toetsing-uitgenodigd',
    naam: 'Uitnodiging om te toetsen',
    omschrijving: 'Een redacteur nodigt u uit een conceptversie van een product te toetsen.',
    bezorging: 'direct',
    standaard: 'direct',
  },
  {
    soort: 'gemeente-termijn',
    naam: 'Termijnen van uw gemeente',
    omschrijving: 'Een maatregel moet binnenkort in uw gemeente in gang gezet zijn, of loopt achter.',
    bezorging: 'dagelijks',
    standaard: 'dagelijks',
  },
];

describe('Mijn meldingen', () => {
  it('offers each kind its three choices with the default marked, and saves what changed', async () => {
    const { handler } = loggedInAs(['gemeente']);
    const fetchMock = mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 0 }),
      'GET /api/v1/meldingen/voorkeuren': () => json({ voorkeuren: PREFERENCES }),
      'PATCH /api/v1/meldingen/voorkeuren': () =>
        json({ voorkeuren: PREFERENCES.map((p) => (p.soort === 'gemeente-termijn' ? { ...p, bezorging: 'alleen-in-app' } : p)) }),
    });
    renderApp('/mijn-meldingen');

    const group = await screen.findByRole('radiogroup', { name: 'Termijnen van uw gemeente' }, FIND);
    expect(group).toHaveAccessibleDescription(PREFERENCES[1]?.omschrijving);
    expect(within(group).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual([
      'Direct per e-mail',
      'In het dagoverzicht per e-mail (standaard)',
      'Alleen in Spoorboek',
    ]);
    expect(within(group).getByRole('radio', { name: 'In het dagoverzicht per e-mail (standaard)' })).toBeChecked();
    const invited = screen.getByRole('radiogroup', { name: 'Uitnodiging om te toetsen' });
    expect(within(invited).getByRole('radio', { name: 'Direct per e-mail (standaard)' })).toBeChecked();

    fireEvent.click(within(group).getByRole('radio', { name: 'Alleen in Spoorboek' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keuzes opslaan' }));

    expect(await screen.findByText('Uw keuzes zijn opgeslagen.', {}, FIND)).toBeInTheDocument();
    const [patch] = requestsTo(fetchMock, 'PATCH', '/api/v1/meldingen/voorkeuren');
    expect(await patch?.json()).toEqual({ voorkeuren: { 'gemeente-termijn': 'alleen-in-app' } });
    expect(within(group).getByRole('radio', { name: 'Alleen in Spoorboek' })).toBeChecked();
  });

  it('shows a refused kind in the error summary, linked to its choices', async () => {
    const { handler } = loggedInAs(['gemeente']);
    mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 0 }),
      'GET /api/v1/meldingen/voorkeuren': () => json({ voorkeuren: PREFERENCES }),
      'PATCH /api/v1/meldingen/voorkeuren': () =>
        problem(400, 'Ongeldige invoer', '1 parameter(s) ongeldig; zie invalidParams.', {
          invalidParams: [
            {
              name: 'voorkeuren.toetsing-uitgenodigd',
              in: 'body',
              code: 'not_for_role',
              reason: 'Deze soort melding krijgt u met uw rollen niet.',
            },
          ],
        }),
    });
    renderApp('/mijn-meldingen');
    const group = await screen.findByRole('radiogroup', { name: 'Uitnodiging om te toetsen' }, FIND);
    fireEvent.click(within(group).getByRole('radio', { name: 'Alleen in Spoorboek' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keuzes opslaan' }));

    const summary = await screen.findByRole('link', {
      name: 'Uitnodiging om te toetsen: Deze soort melding krijgt u met uw rollen niet.',
    }, FIND);
    expect(summary).toHaveAttribute('href', '#voorkeur-toetsing-uitgenodigd-direct');
    await waitFor(() => expect(summary.closest('.spoorboek-error-summary')).toHaveFocus());
    expect(group).toHaveTextContent('Deze soort melding krijgt u met uw rollen niet.');
    expect(screen.queryByText('Uw keuzes zijn opgeslagen.')).not.toBeInTheDocument();
  });

  it('says so when nothing changed, without asking the server', async () => {
    const { handler } = loggedInAs(['gemeente']);
    const fetchMock = mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 0 }),
      'GET /api/v1/meldingen/voorkeuren': () => json({ voorkeuren: PREFERENCES }),
    });
    renderApp('/mijn-meldingen');
    fireEvent.click(await screen.findByRole('button', { name: 'Keuzes opslaan' }, FIND));
    expect(screen.getByText('U hebt niets gewijzigd; uw keuzes blijven zoals ze waren.')).toBeInTheDocument();
    expect(requestsTo(fetchMock, 'PATCH', '/api/v1/meldingen/voorkeuren')).toHaveLength(0);
  });
});

describe('the unsubscribe page', () => {
  const link: Unsubscription = {
    soort: 'toetsing-uitgenodigd',
    omschrijving: 'e-mail over: uitnodiging om te toetsen',
    gebruikt: false,
  };

  it('says what the link stops and unsubscribes only when the button is pressed', async () => {
    const fetchMock = mockApi({
      'GET /api/v1/meldingen/afmelden': () => json(link),
      'POST /api/v1/meldingen/afmelden': () => json({ ...link, gebruikt: true }),
    });
    renderApp(`/meldingen/afmelden?token=${TOKEN}`);

    expect(await screen.findByText('e-mail over: uitnodiging om te toetsen', {}, FIND)).toBeInTheDocument();
    // Opening the page (as a mail scanner does) changes nothing.
    expect(requestsTo(fetchMock, 'POST', '/api/v1/meldingen/afmelden')).toHaveLength(0);
    expect(new URL(requestsTo(fetchMock, 'GET', '/api/v1/meldingen/afmelden')[0]?.url ?? '').searchParams.get('token')).toBe(TOKEN);

    fireEvent.click(screen.getByRole('button', { name: 'Afmelden' }));

    expect(await screen.findByRole('heading', { name: 'U bent afgemeld' }, FIND)).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent(
      'U krijgt geen uitnodigingen om te toetsen meer per e-mail. U ziet deze meldingen nog wel in Spoorboek.',
    );
    expect(screen.getByRole('link', { name: 'Mijn meldingen' })).toHaveAttribute('href', '/mijn-meldingen');
    const [post] = requestsTo(fetchMock, 'POST', '/api/v1/meldingen/afmelden');
    expect(new URL(post?.url ?? '').searchParams.get('token')).toBe(TOKEN);
    expect(screen.queryByRole('button', { name: 'Afmelden' })).not.toBeInTheDocument();
  });

  it('names the daily summary when that is what the link stops', async () => {
    const daily: Unsubscription = { soort: null, omschrijving: 'het dagoverzicht per e-mail', gebruikt: false };
    mockApi({
      'GET /api/v1/meldingen/afmelden': () => json(daily),
      'POST /api/v1/meldingen/afmelden': () => json({ ...daily, gebruikt: true }),
    });
    renderApp(`/meldingen/afmelden?token=${TOKEN}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Afmelden' }, FIND));
    expect(await screen.findByText(/U krijgt geen dagoverzicht meer per e-mail\./, {}, FIND)).toBeInTheDocument();
  });

  it('says a used link was used, whether known before or refused by the server (409)', async () => {
    mockApi({ 'GET /api/v1/meldingen/afmelden': () => json({ ...link, gebruikt: true }) });
    const { unmount } = renderApp(`/meldingen/afmelden?token=${TOKEN}`);
    expect(await screen.findByRole('heading', { name: 'Deze afmeldlink is al gebruikt' }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Afmelden' })).not.toBeInTheDocument();
    unmount();

    mockApi({
      'GET /api/v1/meldingen/afmelden': () => json(link),
      'POST /api/v1/meldingen/afmelden': () =>
        problem(409, 'Conflict', 'Deze afmeldlink is al gebruikt. Uw keuzes staan onder Mijn meldingen.'),
    });
    renderApp(`/meldingen/afmelden?token=${TOKEN}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Afmelden' }, FIND));
    expect(await screen.findByRole('heading', { name: 'Deze afmeldlink is al gebruikt' }, FIND)).toBeInTheDocument();
  });

  it('says an unknown or incomplete link is unknown', async () => {
    mockApi({
      'GET /api/v1/meldingen/afmelden': () =>
        problem(404, 'Niet gevonden', 'Deze afmeldlink bestaat niet. Kopieer de hele link uit de e-mail.'),
    });
    const { unmount } = renderApp(`/meldingen/afmelden?token=${TOKEN}`);
    expect(await screen.findByRole('heading', { name: 'Deze afmeldlink kennen we niet' }, FIND)).toBeInTheDocument();
    unmount();

    const fetchMock = mockApi({});
    renderApp('/meldingen/afmelden?token=kort');
    expect(await screen.findByRole('heading', { name: 'Deze afmeldlink kennen we niet' }, FIND)).toBeInTheDocument();
    expect(requestsTo(fetchMock, 'GET', '/api/v1/meldingen/afmelden')).toHaveLength(0);
  });
});
