import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { makeMeasure, makeWave } from '../test/fixtures';
import { json, mockApi, problem } from '../test/mockApi';
import { renderApp } from '../test/renderApp';

const wave1 = makeWave(1, {
  naam: 'Fase 1: in werking per 1 januari 2026',
  ingangsdatum: '2026-01-01',
  toepasbaarVanaf: '2026-01-01',
  productenGereedOp: '2025-12-31',
});
const wave2 = makeWave(2, {
  naam: 'Fase 2: gedoogjaar 2026',
  ingangsdatum: '2027-01-01',
  toepasbaarVanaf: '2026-01-01',
  productenGereedOp: '2026-07-01',
});
const measures = [
  makeMeasure('M01', wave1, { titel: 'Giftenvrijlating' }),
  makeMeasure('M04', wave1, {
    titel: 'Maatwerk vierwekenzoektermijn',
    verplichting: 'kan-bepaling',
    thema: { code: 'aanvraagprocedure', naam: 'Aanvraagprocedure' },
  }),
  makeMeasure('M13', wave2, { titel: 'Bijverdienen jongeren', ingangsdatum: '2027-01-01' }),
];

/** The key/value pairs of the wave's own data list (not those of its measures). */
function waveFacts(region: HTMLElement): Record<string, string> {
  const list = region.querySelector(':scope > dl');
  if (!list) throw new Error('wave has no data list');
  return Object.fromEntries(
    within(list as HTMLElement)
      .getAllByRole('term')
      .map((term) => [term.textContent, term.nextElementSibling?.textContent ?? '']),
  );
}

function page(results: unknown[], pagina = 1, aantalPaginas = 1) {
  return {
    resultaten: results,
    paginering: { pagina, paginaGrootte: 100, totaal: measures.length, aantalPaginas },
    _links: { self: { href: '/api/v1/maatregelen' } },
  };
}

describe('MeasuresPage', () => {
  it('lists the measures grouped by wave, with Dutch dates', async () => {
    const fetchMock = mockApi({
      '/api/v1/fasen': () => json({ resultaten: [wave1, wave2] }),
      '/api/v1/maatregelen': () => json(page(measures)),
    });

    renderApp('/maatregelen');

    expect(
      screen.getByRole('heading', { level: 1, name: 'Maatregelen Participatiewet in balans, spoor 1' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Maatregelen laden…');

    const first = await screen.findByRole('region', { name: wave1.naam });
    expect(within(first).getByRole('heading', { level: 2, name: wave1.naam })).toBeInTheDocument();
    expect(within(first).getAllByRole('listitem')).toHaveLength(2);
    expect(waveFacts(first)).toEqual({
      Ingangsdatum: '1 januari 2026',
      'Toepasbaar vanaf': '1 januari 2026',
      'Producten gereed op': '31 december 2025',
    });
    expect(
      within(first).getByRole('heading', { level: 3, name: 'M04 Maatwerk vierwekenzoektermijn' }),
    ).toBeInTheDocument();
    expect(first).toHaveTextContent('Kan-bepaling (de gemeente mag kiezen)');

    const second = screen.getByRole('region', { name: wave2.naam });
    expect(within(second).getAllByRole('listitem')).toHaveLength(1);
    expect(waveFacts(second)).toEqual({
      Ingangsdatum: '1 januari 2027',
      'Toepasbaar vanaf': '1 januari 2026',
      'Producten gereed op': '1 juli 2026',
    });

    expect(screen.getByRole('status')).toHaveTextContent('3 maatregelen in 2 fasen.');
    const measuresUrl = fetchMock.mock.calls
      .map(([request]) => new URL((request as Request).url))
      .find((url) => url.pathname === '/api/v1/maatregelen');
    expect(measuresUrl?.searchParams.get('paginaGrootte')).toBe('100');
  });

  it('follows the pagination so no measure is left out', async () => {
    mockApi({
      '/api/v1/fasen': () => json({ resultaten: [wave1, wave2] }),
      '/api/v1/maatregelen': (url) =>
        url.searchParams.get('pagina') === '2'
          ? json(page(measures.slice(2), 2, 2))
          : json(page(measures.slice(0, 2), 1, 2)),
    });

    renderApp('/maatregelen');

    const second = await screen.findByRole('region', { name: wave2.naam });
    expect(
      within(second).getByRole('heading', { level: 3, name: 'M13 Bijverdienen jongeren' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(3);
  });

  it("shows the problem's title and detail when the API fails", async () => {
    mockApi({
      '/api/v1/fasen': () => json({ resultaten: [wave1] }),
      '/api/v1/maatregelen': () =>
        problem(500, 'Interne serverfout', 'Er ging iets mis; het request-id staat in instance.'),
    });

    renderApp('/maatregelen');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Interne serverfout');
    expect(alert).toHaveTextContent('Er ging iets mis; het request-id staat in instance.');
    expect(within(alert).getByRole('button', { name: 'Opnieuw proberen' })).toBeInTheDocument();
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });

  it('says the server is unreachable when fetch itself fails', async () => {
    mockApi({
      '/api/v1/fasen': () => Promise.reject(new TypeError('Failed to fetch')),
      '/api/v1/maatregelen': () => json(page(measures)),
    });

    renderApp('/maatregelen');

    expect(await screen.findByRole('alert')).toHaveTextContent('De server is niet bereikbaar');
  });

  it('says so when there are no measures', async () => {
    mockApi({
      '/api/v1/fasen': () => json({ resultaten: [wave1] }),
      '/api/v1/maatregelen': () => json(page([])),
    });

    renderApp('/maatregelen');

    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent('Er zijn nog geen maatregelen vastgelegd.');
    });
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});
