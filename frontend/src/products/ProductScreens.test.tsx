import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { makeMeasure, makeWave } from '../test/fixtures';
import { json, mockApi, problem, requestsOf } from '../test/mockApi';
import { renderApp } from '../test/renderApp';
import { loggedInAs } from '../test/session';
import type { Product, Review } from './types';

const wave1 = makeWave(1);
const measures = [makeMeasure('M01', wave1, { titel: 'Giftenvrijlating' })];
const FIND = { timeout: 5000 };

function makeProduct(overrides: Partial<Product> = {}): Product {
  return {
    id: 7,
    soort: 'handreiking',
    titel: 'Handreiking Giftenvrijlating',
    samenvatting: 'Hoe gemeenten giften vrijlaten.',
    maatregelen: [{ code: 'M01', naam: 'Giftenvrijlating' }],
    fasen: [1],
    doelgroepen: ['beleidsmedewerker'],
    uitgevers: [{ code: 'vng', naam: 'Vereniging van Nederlandse Gemeenten' }],
    taalniveau: null,
    licentie: 'CC-BY-4.0',
    status: 'gepubliceerd',
    geplandDatum: null,
    uitersteLeverdatum: '2025-12-31',
    gepubliceerdeVersie: {
      nummer: 1,
      wijzigingsnotitie: 'Eerste versie',
      gepubliceerdOp: '2025-11-20T10:00:00Z',
      bestanden: [
        {
          id: 3,
          naam: 'handreiking.pdf',
          mediatype: 'application/pdf',
          grootte: 2048,
          sha256: 'a'.repeat(64),
          externeUrl: null,
          download: '/api/v1/producten/7/bestanden/3',
        },
      ],
    },
    conceptversie: null,
    actualiteitControleren: null,
    actualiteitReden: null,
    eigenaar: null,
    gewijzigdOp: '2025-11-20T10:00:00Z',
    fragment: null,
    _links: { self: { href: '/api/v1/producten/7' } },
    ...overrides,
  };
}

function page(results: Product[]) {
  return {
    resultaten: results,
    paginering: { pagina: 1, paginaGrootte: 20, totaal: results.length, aantalPaginas: 1 },
    _links: { self: { href: '/api/v1/producten' }, first: { href: '' }, last: { href: '' } },
  };
}

const referenceData = {
  '/api/v1/fasen': () => json({ resultaten: [wave1] }),
  '/api/v1/maatregelen': () =>
    json({ resultaten: measures, paginering: { pagina: 1, paginaGrootte: 100, totaal: 1, aantalPaginas: 1 }, _links: {} }),
};

describe('the catalogue', () => {
  it('sends the filters from the URL and shows the highlighted fragment as text', async () => {
    const found = makeProduct({
      fragment: '&lt;script&gt;alert(1)&lt;/script&gt; Handreiking <mark>Giftenvrijlating</mark>',
    });
    const fetchMock = mockApi({ ...referenceData, '/api/v1/producten': () => json(page([found])) });

    renderApp('/producten?zoek=giftenvrijlating&soort=handreiking&doelgroep=onzin&pagina=2');

    const item = await screen.findByRole('listitem', { name: 'Handreiking Giftenvrijlating' }, FIND);
    const fragment = item.querySelector('.spoorboek-fragment');
    expect(fragment?.querySelectorAll('*')).toHaveLength(1);
    expect(fragment?.querySelector('mark')).toHaveTextContent('Giftenvrijlating');
    expect(fragment).toHaveTextContent('<script>alert(1)</script> Handreiking Giftenvrijlating');
    expect(within(item).getByRole('link', { name: 'Handreiking Giftenvrijlating' })).toHaveAttribute('href', '/producten/7');
    expect(screen.getByRole('status')).toHaveTextContent('1 product gevonden voor "giftenvrijlating".');

    const url = requestsOf(fetchMock)
      .map((request) => new URL(request.url))
      .find((u) => u.pathname === '/api/v1/producten');
    // An unknown audience is left out rather than sent (the API would refuse the whole request).
    expect(Object.fromEntries(url?.searchParams ?? [])).toEqual({
      zoek: 'giftenvrijlating',
      soort: 'handreiking',
      pagina: '2',
      paginaGrootte: '20',
    });
    expect(screen.getByRole('searchbox', { name: 'Zoeken' })).toHaveValue('giftenvrijlating');
  });

  it('says when nothing matches, and shows a failing API as an error', async () => {
    mockApi({ ...referenceData, '/api/v1/producten': () => json(page([])) });
    renderApp('/producten?zoek=qqqxxx');
    await waitFor(
      () => expect(screen.getByRole('status')).toHaveTextContent('Geen producten gevonden. Probeer een ander zoekwoord of minder filters.'),
      FIND,
    );
  });

  it('shows the problem when the list cannot be loaded', async () => {
    mockApi({ ...referenceData, '/api/v1/producten': () => problem(500, 'Interne serverfout', 'Probeer het later opnieuw.') });
    renderApp('/producten');
    expect(await screen.findByRole('alert', {}, FIND)).toHaveTextContent('Interne serverfout');
  });
});

describe('a product page', () => {
  it('shows the public the published version with its download', async () => {
    mockApi({ '/api/v1/producten/7': () => json(makeProduct()) });
    renderApp('/producten/7');
    expect(await screen.findByRole('heading', { level: 1, name: 'Handreiking Giftenvrijlating' }, FIND)).toBeInTheDocument();
    const published = screen.getByRole('region', { name: 'Gepubliceerde versie' });
    expect(within(published).getByRole('link', { name: 'handreiking.pdf' })).toHaveAttribute(
      'href',
      '/api/v1/producten/7/bestanden/3',
    );
    expect(published).toHaveTextContent('(PDF, 2 kB)');
    expect(screen.getByRole('link', { name: 'M01 Giftenvrijlating' })).toHaveAttribute('href', '/#maatregel-M01');
    expect(screen.queryByRole('region', { name: 'Status' })).not.toBeInTheDocument();
  });

  it('says a product that is not public is not found', async () => {
    mockApi({ '/api/v1/producten/8': () => problem(404, 'Niet gevonden', 'Product 8 bestaat niet.') });
    renderApp('/producten/8');
    expect(await screen.findByRole('heading', { level: 1, name: 'Product niet gevonden' }, FIND)).toBeInTheDocument();
  });
});

describe('following a product', () => {
  it('lets a signed-in person follow and unfollow, and says where she stands', async () => {
    const { handler } = loggedInAs(['gemeente'], { id: 5, naam: 'Ute Utrecht' });
    let following = false;
    const requests = mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/producten/7': () => json(makeProduct()),
      'GET /api/v1/producten/7/volgen': () => json({ volgt: following }),
      'PUT /api/v1/producten/7/volgen': () => json({ volgt: (following = true) }),
      'DELETE /api/v1/producten/7/volgen': () => json({ volgt: (following = false) }),
    });
    renderApp('/producten/7');

    const follow = await screen.findByRole('button', { name: 'Volgen' }, FIND);
    expect(follow).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(follow);
    expect(
      await screen.findByText(
        'U volgt "Handreiking Giftenvrijlating". U krijgt een melding als er een nieuwe versie is gepubliceerd.',
      ),
    ).toBeInTheDocument();
    const unfollow = screen.getByRole('button', { name: 'Niet meer volgen' });
    expect(unfollow).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(unfollow);
    expect(await screen.findByText('U volgt "Handreiking Giftenvrijlating" niet meer.')).toBeInTheDocument();
    const calls = requestsOf(requests).filter((r) => new URL(r.url).pathname === '/api/v1/producten/7/volgen');
    expect(calls.map((r) => r.method)).toEqual(['GET', 'PUT', 'DELETE']);
  });

  it('offers the public nothing to follow', async () => {
    const requests = mockApi({ '/api/v1/producten/7': () => json(makeProduct()) });
    renderApp('/producten/7');
    expect(await screen.findByRole('heading', { level: 1, name: 'Handreiking Giftenvrijlating' }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Volgen' })).not.toBeInTheDocument();
    expect(requestsOf(requests).filter((r) => r.url.endsWith('/volgen'))).toEqual([]);
  });
});

describe('the editor on a product page', () => {
  function editorApi(product: Product, extra: Parameters<typeof mockApi>[0] = {}) {
    const { handler } = loggedInAs(['redacteur'], { id: 2, naam: 'Ruud Redactie' });
    return mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/producten/7': () => json(product),
      '/api/v1/producten/7/toetsingen': () => json({ resultaten: [] }),
      '/api/v1/producten/7/geschiedenis': () => json({ resultaten: [] }),
      ...extra,
    });
  }

  it('offers only the moves allowed from planned, and shows a refused move', async () => {
    const planned = makeProduct({ status: 'gepland', gepubliceerdeVersie: null });
    const fetchMock = editorApi(planned, {
      'POST /api/v1/producten/7/statuswijzigingen': () =>
        problem(409, 'Conflict', "Van 'in-toetsing' naar 'in-ontwikkeling' kan niet.", {
          huidigeStatus: 'in-toetsing',
          mogelijk: ['in-ontwikkeling', 'gepubliceerd', 'ingetrokken'],
        }),
    });
    renderApp('/producten/7');

    const actions = await screen.findByRole('list', { name: 'Mogelijke statuswijzigingen' }, FIND);
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Ontwikkeling starten', 'Intrekken']);

    // Withdrawal needs a reason: checked before sending.
    fireEvent.click(within(actions).getByRole('button', { name: 'Intrekken' }));
    const withdraw = screen.getByRole('form', { name: 'Intrekken' });
    fireEvent.click(within(withdraw).getByRole('button', { name: 'Intrekken' }));
    expect(await screen.findByText('Reden van intrekken: Vul de reden van intrekken in.')).toBeInTheDocument();
    expect(requestsOf(fetchMock).some((r) => r.method === 'POST')).toBe(false);

    // Starting development: the server refuses (someone else moved it); its words are shown.
    fireEvent.click(within(actions).getByRole('button', { name: 'Ontwikkeling starten' }));
    const start = screen.getByRole('form', { name: 'Ontwikkeling starten' });
    fireEvent.click(within(start).getByRole('button', { name: 'Ontwikkeling starten' }));
    const alert = await screen.findByText("Van 'in-toetsing' naar 'in-ontwikkeling' kan niet.", {}, FIND);
    expect(alert.closest('.spoorboek-error-summary')).toBeInTheDocument();
    const post = requestsOf(fetchMock).find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({ naar: 'in-ontwikkeling', wijzigingsnotitie: null });
  });

  it("shows the server's message at the file field when an upload is too large", async () => {
    const draft = makeProduct({
      status: 'in-ontwikkeling',
      gepubliceerdeVersie: null,
      conceptversie: { nummer: 1, wijzigingsnotitie: 'Eerste versie', gepubliceerdOp: null, bestanden: [] },
    });
    const fetchMock = editorApi(draft, {
      'POST /api/v1/producten/7/bestanden': () =>
        problem(413, 'Bestand te groot', 'Het bestand is groter dan 25 MiB.'),
    });
    renderApp('/producten/7');

    const input = await screen.findByLabelText('Document', {}, FIND);
    fireEvent.change(input, { target: { files: [new File(['%PDF-1.4'], 'groot.pdf', { type: 'application/pdf' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Uploaden' }));

    await waitFor(() => expect(input).toHaveAccessibleDescription(/Het bestand is groter dan 25 MiB\./), FIND);
    const upload = requestsOf(fetchMock).find((r) => r.method === 'POST');
    // Multipart with the field `bestand` (jsdom's File loses its name on the way; a browser keeps it,
    // which the browser test checks through the download's file name).
    expect(upload?.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    expect((await upload?.formData())?.has('bestand')).toBe(true);
    expect(upload?.headers.get('X-CSRF-Token')).toBe('token');
  });

  it('confirms that a flagged product is still right', async () => {
    const flagged = makeProduct({ actualiteitControleren: true, actualiteitReden: 'Maatregel M01 gewijzigd: artikelen.' });
    const fetchMock = editorApi(flagged, {
      'PUT /api/v1/producten/7/actualiteit': () => json({ ...flagged, actualiteitControleren: false, actualiteitReden: null }),
    });
    renderApp('/producten/7');

    const section = await screen.findByRole('region', { name: 'Actualiteit controleren' }, FIND);
    expect(section).toHaveTextContent('Maatregel M01 gewijzigd: artikelen.');
    fireEvent.click(within(section).getByRole('radio', { name: 'Ja, het product klopt nog' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Beoordeling vastleggen' }));
    expect(await screen.findByText('Vastgelegd: het product is nog actueel.', {}, FIND)).toBeInTheDocument();
    const put = requestsOf(fetchMock).find((r) => r.method === 'PUT');
    expect(await put?.json()).toEqual({ actueel: true, toelichting: null });
  });
});

describe('the invited tester', () => {
  it('must explain what needs to change', async () => {
    const { handler } = loggedInAs(['gemeente'], { id: 3 });
    const product = makeProduct({
      status: 'in-toetsing',
      gepubliceerdeVersie: null,
      conceptversie: { nummer: 1, wijzigingsnotitie: 'Eerste versie', gepubliceerdOp: null, bestanden: [] },
    });
    const review: Review = {
      id: 11,
      productId: 7,
      productTitel: product.titel,
      versie: 1,
      toetser: { code: '3', naam: 'Ulla Utrecht' },
      uitgenodigdOp: '2026-11-28T10:00:00Z',
      oordeel: null,
      opmerkingen: null,
      beantwoordOp: null,
    };
    const fetchMock = mockApi({
      '/api/v1/sessies/huidig': handler,
      '/api/v1/producten/7': () => json(product),
      '/api/v1/mijn-toetsingen': () => json({ resultaten: [review] }),
      'PUT /api/v1/producten/7/toetsingen/11': async (_url, request) => {
        const body = (await request.clone().json()) as { oordeel: Review['oordeel']; opmerkingen: string | null };
        return json({ ...review, ...body, beantwoordOp: '2026-11-28T11:00:00Z' });
      },
    });
    renderApp('/producten/7');

    const section = await screen.findByRole('region', { name: 'Uw toetsing van versie 1' }, FIND);
    fireEvent.click(within(section).getByRole('radio', { name: 'Aanpassingen nodig' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Oordeel versturen' }));
    expect(await within(section).findByText('Opmerkingen: Beschrijf welke aanpassingen nodig zijn.')).toBeInTheDocument();
    expect(requestsOf(fetchMock).some((r) => r.method === 'PUT')).toBe(false);

    fireEvent.change(within(section).getByLabelText('Opmerkingen'), { target: { value: 'Voorbeeld 3 klopt niet.' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Oordeel versturen' }));
    expect(await within(section).findByText(/Uw oordeel is verstuurd: Aanpassingen nodig\./, {}, FIND)).toBeInTheDocument();
    const put = requestsOf(fetchMock).find((r) => r.method === 'PUT');
    expect(await put?.json()).toEqual({ oordeel: 'aanpassingen-nodig', opmerkingen: 'Voorbeeld 3 klopt niet.' });
  });
});
