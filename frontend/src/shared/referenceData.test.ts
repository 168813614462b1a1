import { describe, expect, it } from 'vitest';

import { json, mockApi, requestsOf } from '../test/mockApi';
import { fetchOrganisations } from './referenceData';

function organisationPage(pagina: number, aantalPaginas: number, codes: string[]) {
  return {
    resultaten: codes.map((code) => ({ code, naam: code.toUpperCase(), soort: 'partner' })),
    paginering: { pagina, paginaGrootte: 100, totaal: 0, aantalPaginas },
    _links: {},
  };
}

describe('fetchOrganisations', () => {
  it('follows the pages to the last and keeps their order', async () => {
    const fetchMock = mockApi({
      '/api/v1/organisaties': (url) => {
        const pagina = Number(url.searchParams.get('pagina'));
        return json(organisationPage(pagina, 3, [`o${pagina}a`, `o${pagina}b`]));
      },
    });
    const organisations = await fetchOrganisations();
    expect(organisations.map((o) => o.code)).toEqual(['o1a', 'o1b', 'o2a', 'o2b', 'o3a', 'o3b']);
    expect(requestsOf(fetchMock).map((r) => new URL(r.url).searchParams.get('pagina'))).toEqual(['1', '2', '3']);
  });

  it('asks once when everything fits on one page', async () => {
    const fetchMock = mockApi({ '/api/v1/organisaties': () => json(organisationPage(1, 1, ['vng'])) });
    expect((await fetchOrganisations()).map((o) => o.code)).toEqual(['vng']);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
