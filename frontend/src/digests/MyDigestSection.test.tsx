import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { json, mockApi, requestsOf } from '../test/mockApi';
import { renderApp } from '../test/renderApp';
import { loggedInAs } from '../test/session';
import type { DigestPreview } from './api';

const FIND = { timeout: 5000 };

const preview: DigestPreview = {
  frequentie: 'wekelijks',
  periode: 'week 50 van 2026',
  onderwerp: 'Uw persoonlijk overzicht van week 50 van 2026',
  sinds: '2026-11-30T06:00:00Z',
  leeg: false,
  gemeenten: [
    {
      gemeente: { code: 'GM0344', naam: 'Utrecht' },
      startdata: [
        {
          maatregel: { code: 'M13', naam: 'Bijverdienen jongeren' },
          moetStartenOp: '2027-01-04',
          verkeerslicht: 'risico',
          link: 'https://spoorboek.example/voortgang/gemeenten/GM0344/M13',
        },
      ],
      veranderd: [
        {
          maatregel: { code: 'M03', naam: 'Vermogenstoets' },
          verkeerslicht: 'te-laat',
          was: 'risico',
          moetStartenOp: '2025-04-06',
          link: 'https://spoorboek.example/voortgang/gemeenten/GM0344/M03',
        },
      ],
      achterOp: ['M03', 'M13'],
      nieuw: [
        { soort: 'product', titel: 'Handreiking vermogenstoets', maatregelen: ['M03'], link: 'https://spoorboek.example/producten/4' },
      ],
      bijeenkomsten: [],
    },
  ],
  antwoorden: [],
  tekst: 'Uw persoonlijk overzicht van week 50 van 2026',
};

function mocks(roles: Parameters<typeof loggedInAs>[0] = ['gemeente']) {
  const { handler, gebruiker } = loggedInAs(roles);
  return mockApi({
    '/api/v1/sessies/huidig': handler,
    '/api/v1/mijn-account': () => json(gebruiker),
    'GET /api/v1/mijn-account/nieuwsbrief': () => json({}, 404),
    'GET /api/v1/mijn-account/persoonlijk-overzicht': () => json({ frequentie: 'nooit', volgendeVerzending: null }),
    'PUT /api/v1/mijn-account/persoonlijk-overzicht': () =>
      json({ frequentie: 'wekelijks', volgendeVerzending: '2026-12-14' }),
    'GET /api/v1/mijn-account/persoonlijk-overzicht/voorbeeld': () => json(preview),
  });
}

describe('the persoonlijk overzicht under Mijn account', () => {
  it('saves weekly, says when the next comes, and shows the preview of her municipality', async () => {
    const fetchMock = mocks();
    renderApp('/mijn-account');
    const section = await screen.findByRole('region', { name: 'Persoonlijk overzicht' }, FIND);
    expect(await within(section).findByText('U krijgt nu geen persoonlijk overzicht.', {}, FIND)).toBeInTheDocument();

    fireEvent.click(within(section).getByLabelText('Wekelijks'));
    fireEvent.click(within(section).getByRole('button', { name: 'Keuze opslaan' }));
    expect(
      await within(section).findByText('Opgeslagen. Uw volgende overzicht komt op 14 december 2026.', {}, FIND),
    ).toBeInTheDocument();
    const puts = requestsOf(fetchMock).filter((r) => r.method === 'PUT');
    expect(await Promise.all(puts.map((r) => r.json() as Promise<unknown>))).toEqual([{ frequentie: 'wekelijks' }]);

    fireEvent.click(within(section).getByRole('button', { name: 'Voorbeeld tonen' }));
    const shown = await within(section).findByRole('region', { name: `Voorbeeld: ${preview.onderwerp}` }, FIND);
    expect(within(shown).getByRole('heading', { name: 'Utrecht (GM0344)' })).toBeInTheDocument();
    expect(within(shown).getByRole('link', { name: 'M13 Bijverdienen jongeren' })).toHaveAttribute(
      'href',
      '/voortgang/gemeenten/GM0344/M13',
    );
    expect(within(shown).getByText('4 januari 2027')).toBeInTheDocument();
    expect(within(shown).getByRole('link', { name: 'Handreiking vermogenstoets' })).toHaveAttribute('href', '/producten/4');
  });

  it('is not there for someone who speaks for no municipality', async () => {
    const fetchMock = mocks(['redacteur']);
    renderApp('/mijn-account');
    expect(await screen.findByRole('heading', { name: 'Mijn account' }, FIND)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Nieuwsbrief' }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Persoonlijk overzicht' })).not.toBeInTheDocument();
    expect(requestsOf(fetchMock).some((r) => r.url.includes('persoonlijk-overzicht'))).toBe(false);
  });
});
