import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { json, mockApi, problem, requestsOf } from '../../test/mockApi';
import { renderApp } from '../../test/renderApp';
import { loggedInAs } from '../../test/session';
import type { Product, Review } from '../types';
import type { Person } from './api';

const FIND = { timeout: 5000 };

const inReview: Product = {
  id: 7,
  soort: 'handreiking',
  titel: 'Handreiking Giftenvrijlating',
  samenvatting: 'Hoe gemeenten giften vrijlaten.',
  maatregelen: [{ code: 'M01', naam: 'Giftenvrijlating' }],
  fasen: [1],
  doelgroepen: ['beleidsmedewerker'],
  uitgevers: [],
  taalniveau: null,
  licentie: 'CC-BY-4.0',
  status: 'in-toetsing',
  geplandDatum: null,
  uitersteLeverdatum: '2026-12-31',
  gepubliceerdeVersie: null,
  conceptversie: { nummer: 1, wijzigingsnotitie: 'Eerste versie', gepubliceerdOp: null, bestanden: [] },
  actualiteitControleren: null,
  actualiteitReden: null,
  eigenaar: null,
  gewijzigdOp: '2026-11-20T10:00:00Z',
  fragment: null,
  _links: { self: { href: '/api/v1/producten/7' } },
};

const ULLA: Person = {
  id: 3,
  naam: 'Ulla Utrecht',
  organisatie: null,
  gemeenten: [{ code: 'GM0344', naam: 'Utrecht' }],
  rollen: ['gemeente'],
};
const ULRIKE: Person = {
  id: 9,
  naam: 'Ulrike Uden',
  organisatie: { code: 'sam', naam: 'Samenwerkingsverband Maashorst' },
  gemeenten: [
    { code: 'GM1740', naam: 'Maashorst' },
    { code: 'GM0856', naam: 'Uden' },
  ],
  rollen: ['gemeente'],
};

function people(found: Person[], total = found.length) {
  return {
    resultaten: found,
    paginering: { pagina: 1, paginaGrootte: 20, totaal: total, aantalPaginas: Math.ceil(total / 20) },
    _links: { self: { href: '/api/v1/personen' }, first: { href: '' }, last: { href: '' } },
  };
}

function editorApi(extra: Parameters<typeof mockApi>[0] = {}) {
  const { handler } = loggedInAs(['redacteur'], { id: 2, naam: 'Ruud Redactie' });
  return mockApi({
    '/api/v1/sessies/huidig': handler,
    '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 0 }),
    '/api/v1/producten/7': () => json(inReview),
    '/api/v1/producten/7/toetsingen': () => json({ resultaten: [] }),
    '/api/v1/producten/7/geschiedenis': () => json({ resultaten: [] }),
    '/api/v1/personen': () => json(people([ULLA, ULRIKE])),
    ...extra,
  });
}

async function invitePart() {
  const section = await screen.findByRole('region', { name: 'Toetsing' }, FIND);
  return { section, search: within(section).getByRole('searchbox', { name: 'Zoek een toetser' }) };
}

describe('the reviewer picker', () => {
  it('finds municipal contacts by name in the directory and invites the one chosen', async () => {
    const review: Review = {
      id: 11,
      productId: 7,
      productTitel: inReview.titel,
      versie: 1,
      toetser: { code: '3', naam: 'Ulla Utrecht' },
      uitgenodigdOp: '2026-11-28T10:00:00Z',
      oordeel: null,
      opmerkingen: null,
      beantwoordOp: null,
    };
    const fetchMock = editorApi({ 'POST /api/v1/producten/7/toetsingen': () => json(review, 201) });
    renderApp('/producten/7');
    const { section, search } = await invitePart();

    fireEvent.change(search, { target: { value: 'Ul' } });
    const found = await within(section).findByRole('radiogroup', { name: 'Gevonden contactpersonen' }, FIND);
    expect(within(section).getByText('2 contactpersonen gevonden.')).toBeInTheDocument();
    const query = requestsOf(fetchMock)
      .map((r) => new URL(r.url))
      .find((u) => u.pathname === '/api/v1/personen');
    expect(Object.fromEntries(query?.searchParams ?? [])).toEqual({ rol: 'gemeente', zoek: 'Ul', paginaGrootte: '20' });
    // Namesakes are told apart by municipality and organisation.
    expect(within(found).getByRole('radio', { name: 'Ulrike Uden' })).toHaveAccessibleDescription(
      'Maashorst, Uden · Samenwerkingsverband Maashorst',
    );

    fireEvent.click(within(found).getByRole('radio', { name: 'Ulla Utrecht' }));
    expect(section).toHaveTextContent('Gekozen toetser: Ulla Utrecht (Utrecht)');
    fireEvent.click(within(section).getByRole('button', { name: 'Uitnodigen' }));

    expect(await within(section).findByText('Ulla Utrecht is uitgenodigd om versie 1 te toetsen.', {}, FIND)).toBeInTheDocument();
    const post = requestsOf(fetchMock).find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({ toetserId: 3 });
    // Ready for the next one: the search is empty and nobody is chosen.
    await waitFor(() => expect(within(section).getByRole('searchbox', { name: 'Zoek een toetser' })).toHaveValue(''));
    expect(section).toHaveTextContent('Nog geen toetser gekozen.');
  });

  it('asks for a choice before sending, and shows a refusal at the search box', async () => {
    const fetchMock = editorApi({
      'POST /api/v1/producten/7/toetsingen': () =>
        problem(409, 'Conflict', 'Ulla Utrecht is al uitgenodigd voor deze versie.'),
    });
    renderApp('/producten/7');
    const { section, search } = await invitePart();

    fireEvent.click(within(section).getByRole('button', { name: 'Uitnodigen' }));
    const summaryLink = await screen.findByRole('link', { name: 'Toetser: Zoek en kies een toetser.' }, FIND);
    expect(summaryLink).toHaveAttribute('href', '#toetser-zoek');
    expect(requestsOf(fetchMock).some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(search, { target: { value: 'Ulla' } });
    fireEvent.click(await within(section).findByRole('radio', { name: 'Ulla Utrecht' }, FIND));
    fireEvent.click(within(section).getByRole('button', { name: 'Uitnodigen' }));
    await waitFor(() => expect(search).toHaveAccessibleDescription(/Ulla Utrecht is al uitgenodigd voor deze versie\./), FIND);
  });

  it('says when nobody matches, and when more match than it shows', async () => {
    let answer = people([]);
    editorApi({ '/api/v1/personen': () => json(answer) });
    renderApp('/producten/7');
    const { section, search } = await invitePart();

    fireEvent.change(search, { target: { value: 'Qx' } });
    expect(await within(section).findByText('Geen gemeentelijke contactpersonen gevonden met "Qx".', {}, FIND)).toBeInTheDocument();
    expect(within(section).queryByRole('radiogroup')).not.toBeInTheDocument();

    answer = people([ULLA, ULRIKE], 45);
    fireEvent.change(search, { target: { value: 'Uu' } });
    expect(
      await within(section).findByText('45 gevonden; de eerste 2 staan hieronder. Typ meer van de naam.', {}, FIND),
    ).toBeInTheDocument();
  });
});
