import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { json, mockApi, problem, requestsOf } from '../test/mockApi';
import { renderApp } from '../test/renderApp';
import { loggedInAs } from '../test/session';
import type { Application, Readiness, Supplier } from './types';

const FIND = { timeout: 5000 };

function supplier(code: string, cijfersOpenbaar: boolean): Supplier {
  return { code, naam: `Leverancier ${code}`, cijfersOpenbaar, applicaties: 1, demo: false, _links: { self: { href: `/api/v1/ict/leveranciers/${code}` } } };
}

const APPLICATION: Application = {
  id: 1,
  naam: 'Rekenwerk Inkomen',
  leverancier: { code: 'rekenwerk', naam: 'Rekenwerk' },
  domeinen: ['inkomen'],
  gemeenten: 12,
  demo: false,
  _links: { self: { href: '/api/v1/ict/applicaties/1' } },
};

function readiness(versie: number, release: string): Readiness {
  return {
    applicatie: { id: 1, naam: APPLICATION.naam, leverancier: APPLICATION.leverancier },
    maatregel: { code: 'M15', naam: 'Vermogenstoets' },
    status: 'gepland',
    release,
    datum: '2027-02-01',
    bron: 'leverancier',
    door: 'client:3',
    gewijzigdOp: '2026-11-01T10:00:00Z',
    versie,
  };
}

function teamApi(handlers: Parameters<typeof mockApi>[0]) {
  const { handler } = loggedInAs(['redacteur'], { id: 2, naam: 'Ruud Redactie', gemeenten: [] });
  return mockApi({ '/api/v1/sessies/huidig': handler, ...handlers });
}

describe('the ICT readiness screens', () => {
  it('changes a consent with the supplier’s own ETag, and sends nothing when someone else changed it first', async () => {
    const stored = { a: supplier('a', false), b: supplier('b', false) };
    const fetchMock = teamApi({
      '/api/v1/ict/leveranciers': () => json({ resultaten: [{ ...supplier('a', false), openSignalen: 2 }, { ...supplier('b', false), openSignalen: 0 }] }),
      // A colleague gave a's consent after the list was loaded.
      '/api/v1/ict/leveranciers/a': () => json({ ...stored.a, cijfersOpenbaar: true }, 200, { ETag: '"v2"' }),
      'GET /api/v1/ict/leveranciers/b': () => json(stored.b, 200, { ETag: '"v4"' }),
      'PATCH /api/v1/ict/leveranciers/b': () => json({ ...stored.b, cijfersOpenbaar: true }, 200, { ETag: '"v5"' }),
    });
    renderApp('/ict/leveranciers');
    const table = await screen.findByRole('table', { name: /^Leveranciers/ }, FIND);
    // The open signals naming each supplier, linked to the register filtered on them.
    expect(within(table).getByRole('link', { name: '2 open signalen over Leverancier a' })).toHaveAttribute(
      'href',
      '/signalen?leverancier=a&open=true',
    );
    expect(within(within(table).getAllByRole('row')[2] as HTMLElement).getByText('Geen')).toBeInTheDocument();

    fireEvent.click(within(table).getByRole('button', { name: 'Instemming vastleggen voor Leverancier a' }));
    const notice = await screen.findByRole('heading', { name: 'Iemand anders heeft deze instemming al gewijzigd' }, FIND);
    await waitFor(() => expect(notice.closest('.spoorboek-conflict')).toHaveFocus());
    expect(requestsOf(fetchMock).some((request) => request.method === 'PATCH')).toBe(false);

    fireEvent.click(within(table).getByRole('button', { name: 'Instemming vastleggen voor Leverancier b' }));
    expect(await screen.findByText('Leverancier b staat nu met eigen cijfers op het dashboard.', {}, FIND)).toBeInTheDocument();
    const sent = requestsOf(fetchMock).find((request) => request.method === 'PATCH');
    expect(sent?.headers.get('If-Match')).toBe('"v4"');
    expect(await sent?.json()).toEqual({ cijfersOpenbaar: true });
  });

  it('reports readiness with the version shown: a 400 at its field, a 412 as a notice that keeps what was typed', async () => {
    let current = readiness(2, '2027.1');
    let answer = () => problem(400, 'Ongeldige invoer', 'Zie invalidParams.', { invalidParams: [{ name: 'datum', code: 'date', reason: 'Kies een datum na 2000.' }] });
    const fetchMock = teamApi({
      '/api/v1/ict/applicaties/1': () => json(APPLICATION, 200, { ETag: '"v1"' }),
      '/api/v1/ict/applicaties/1/gereedheid': () => json({ applicatie: current.applicatie, resultaten: [current] }),
      'PUT /api/v1/ict/applicaties/1/gereedheid/M15': () => answer(),
    });
    renderApp('/ict/applicaties/1');
    const form = await screen.findByRole('form', { name: 'Gereedheid melden' }, FIND);
    expect(within(form).getByRole('combobox', { name: 'Status' })).toHaveValue('gepland');
    fireEvent.change(within(form).getByRole('textbox', { name: 'Release' }), { target: { value: '2027.4' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gereedheid melden' }));

    expect(await screen.findByText('Kies een datum na 2000.', { selector: '.utrecht-form-field__error-message' }, FIND)).toBeInTheDocument();
    const put = requestsOf(fetchMock).find((request) => request.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"v2"');
    expect(await put?.json()).toEqual({ status: 'gepland', release: '2027.4', datum: '2027-02-01' });

    // Meanwhile the supplier reported again.
    current = readiness(3, '2027.2');
    answer = () => problem(412, 'Versie verouderd', 'Iemand anders heeft dit intussen gewijzigd.');
    fireEvent.click(within(form).getByRole('button', { name: 'Gereedheid melden' }));
    const notice = await screen.findByRole('heading', { name: 'Iemand anders heeft deze gereedheid al gewijzigd' }, FIND);
    await waitFor(() => expect(notice.closest('.spoorboek-conflict')).toHaveFocus());
    expect(await screen.findByRole('cell', { name: '2027.2' }, FIND)).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Release' })).toHaveValue('2027.4');
  });

  it('renames an application with its ETag: a name in use at the field, a 412 as a notice that keeps what was typed', async () => {
    let stored = APPLICATION;
    let answer = () => problem(409, 'Conflict', 'Deze leverancier heeft al een applicatie Rekenwerk Plus.');
    const fetchMock = teamApi({
      'GET /api/v1/ict/applicaties/1': () => json(stored, 200, { ETag: stored === APPLICATION ? '"v1"' : '"v2"' }),
      '/api/v1/ict/applicaties/1/gereedheid': () => json({ applicatie: readiness(1, '2027.1').applicatie, resultaten: [] }),
      'PATCH /api/v1/ict/applicaties/1': () => answer(),
    });
    renderApp('/ict/applicaties/1');
    const form = await screen.findByRole('form', { name: 'Naam en domeinen wijzigen' }, FIND);
    const name = within(form).getByRole('textbox', { name: /^Naam/ });
    expect(name).toHaveValue('Rekenwerk Inkomen');
    fireEvent.change(name, { target: { value: 'Rekenwerk Plus ' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Schulden' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Wijziging opslaan' }));

    expect(await within(form).findByText(/al een applicatie Rekenwerk Plus/, { selector: '.utrecht-form-field__error-message' }, FIND)).toBeInTheDocument();
    const patch = requestsOf(fetchMock).find((request) => request.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"v1"');
    expect(await patch?.json()).toEqual({ naam: 'Rekenwerk Plus', domeinen: ['inkomen', 'schulden'] });

    // A colleague renamed it meanwhile.
    stored = { ...APPLICATION, naam: 'Rekenwerk Inkomen Nieuw' };
    answer = () => problem(412, 'Versie verouderd', 'Iemand anders heeft dit intussen gewijzigd.');
    fireEvent.click(within(form).getByRole('button', { name: 'Wijziging opslaan' }));
    const notice = await screen.findByRole('heading', { name: 'Iemand anders heeft deze applicatie al gewijzigd' }, FIND);
    await waitFor(() => expect(notice.closest('.spoorboek-conflict')).toHaveFocus());
    expect(await screen.findByRole('heading', { level: 1, name: 'Rekenwerk Inkomen Nieuw' }, FIND)).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /^Naam/ })).toHaveValue('Rekenwerk Plus ');
  });

  it('lists a municipality’s application history in words for its own contact', async () => {
    const contact = loggedInAs(['gemeente'], { id: 5, naam: 'Carla Contact', gemeenten: [{ code: 'GM0344', naam: 'Utrecht' }] });
    mockApi({
      '/api/v1/sessies/huidig': contact.handler,
      '/api/v1/gemeenten/GM0344/applicaties/historie': (url) => {
        const page = Number(url.searchParams.get('pagina'));
        return json({
          gemeente: { code: 'GM0344', naam: 'Utrecht' },
          resultaten:
            page === 1
              ? [
                  { domein: 'werk', applicatie: null, bron: 'gemeente', door: 'user:5', op: '2026-12-01T09:00:00Z' },
                  { domein: 'inkomen', applicatie: readiness(1, '2027.1').applicatie, bron: 'import', door: 'user:2', op: '2026-11-01T09:00:00Z' },
                ]
              : [{ domein: 'schulden', applicatie: null, bron: 'redactie', door: 'user:2', op: '2026-10-01T09:00:00Z' }],
          paginering: { pagina: page, paginaGrootte: 25, totaal: 26, aantalPaginas: 2 },
          _links: { self: { href: '' }, first: { href: '' }, last: { href: '' } },
        });
      },
    });
    renderApp('/ict/gemeenten/GM0344/historie');
    const table = await screen.findByRole('table', { name: /^Wijzigingen van de applicaties van Utrecht/ }, FIND);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').slice(1).map((cell) => cell.textContent))).toEqual([
      ['Werk', 'Geen', 'Gemeente', 'gebruiker 5'],
      ['Inkomen', 'Rekenwerk Inkomen, van Rekenwerk', 'Import uit softwarecatalogus', 'gebruiker 2'],
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('26 wijzigingen, nieuwste eerst.');

    // The older changes are on the next page.
    fireEvent.click(screen.getByRole('link', { name: 'Volgende pagina' }));
    expect(await screen.findByRole('cell', { name: 'Schulden' }, FIND)).toBeInTheDocument();
  });
});
