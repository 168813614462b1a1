import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { json, mockApi, problem, requestsOf } from '../../test/mockApi';
import { renderApp } from '../../test/renderApp';
import { loggedInAs } from '../../test/session';
import type { EditionDetail, Section } from './types';

const FIND = { timeout: 5000 };
const PATH = '/api/v1/nieuwsbrief/edities/3';

const section = (titel: string): Section => ({
  soort: 'vragen',
  titel,
  tekst: '',
  items: [{ titel: `${titel}: eerste`, tekst: '', link: null, maatregelen: ['M01'], themas: [], golven: [] }],
  maatregelen: ['M01'],
  themas: [],
  golven: [],
});

function makeEdition(overrides: Partial<EditionDetail> = {}): EditionDetail {
  return {
    id: 3,
    titel: 'Nieuwsbrief december',
    status: 'concept',
    periodeVanaf: '2026-11-01T00:00:00Z',
    verzendenOp: null,
    verzondenOp: null,
    gewijzigdOp: '2026-12-01T10:00:00Z',
    aangemaaktOp: '2026-12-01T10:00:00Z',
    inleiding: '',
    secties: [section('Nieuwe antwoorden'), section('Bijeenkomsten')],
    versie: 2,
    verzending: null,
    ...overrides,
  };
}

function setUp(patch: (request: Request) => Response | Promise<Response>) {
  const { handler } = loggedInAs(['redacteur']);
  let current = makeEdition();
  const fetchMock = mockApi({
    '/api/v1/sessies/huidig': handler,
    [`GET ${PATH}`]: () => json(current, 200, { ETag: `"v${current.versie}"` }),
    [`PATCH ${PATH}`]: (_url, request) => patch(request),
    [`${PATH}/voorbeeld`]: (url) =>
      json({ vorm: url.searchParams.get('vorm'), onderwerp: current.titel, html: '<p>Voorbeeld</p>', tekst: null }),
  });
  renderApp('/nieuwsbrief/edities/3');
  return { fetchMock, replace: (next: EditionDetail) => (current = next) };
}

const patches = (fetchMock: ReturnType<typeof mockApi>) =>
  requestsOf(fetchMock).filter((r) => r.method === 'PATCH' && new URL(r.url).pathname === PATH);

describe('composing an edition', () => {
  it('saves the moved sections and the introduction with the version read in If-Match', async () => {
    const { fetchMock } = setUp(async (request) => {
      const body = (await request.clone().json()) as Partial<EditionDetail>;
      return json(makeEdition({ ...body, versie: 3 }), 200, { ETag: '"v3"' });
    });
    const form = await screen.findByRole('form', { name: 'Editie bewerken' }, FIND);
    fireEvent.change(within(form).getByLabelText('Inleiding', { exact: false }), { target: { value: 'Welkom **allemaal**' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Omhoog: sectie ‘Bijeenkomsten’' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Verwijderen: item ‘Nieuwe antwoorden: eerste’' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Editie opslaan' }));

    expect(await screen.findByText('De editie is opgeslagen.', {}, FIND)).toBeInTheDocument();
    const [sent] = patches(fetchMock);
    expect(sent?.headers.get('If-Match')).toBe('"v2"');
    const body = (await sent?.json()) as { inleiding: string; secties: Section[] };
    expect(body.inleiding).toBe('Welkom **allemaal**');
    expect(body.secties.map((s) => s.titel)).toEqual(['Bijeenkomsten', 'Nieuwe antwoorden']);
    expect(body.secties[1]?.items).toEqual([]);
  });

  it('says someone else changed it first (412) and shows the newest version', async () => {
    const { fetchMock, replace } = setUp(() => {
      replace(makeEdition({ titel: 'Nieuwsbrief december (bijgewerkt)', versie: 5 }));
      return problem(412, 'Gewijzigd', 'De editie is intussen gewijzigd.');
    });
    const form = await screen.findByRole('form', { name: 'Editie bewerken' }, FIND);
    fireEvent.click(within(form).getByRole('button', { name: 'Editie opslaan' }));

    expect(await screen.findByRole('heading', { name: 'Iemand anders heeft deze editie al gewijzigd' }, FIND)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Titel', { exact: false, selector: '#editie-titel' })).toHaveValue('Nieuwsbrief december (bijgewerkt)'));
    expect(patches(fetchMock)).toHaveLength(1);
  });

  it('adds an own section at the end', async () => {
    const { fetchMock } = setUp(async (request) => json(makeEdition({ ...((await request.clone().json()) as object), versie: 3 })));
    const form = await screen.findByRole('form', { name: 'Editie bewerken' }, FIND);
    fireEvent.change(within(form).getByLabelText('Titel', { selector: '#eigen-sectie-titel' }), { target: { value: 'Van de redactie' } });
    fireEvent.change(within(form).getByLabelText('Maatregelen (optioneel)', { exact: false }), { target: { value: 'm07' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Sectie toevoegen' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Editie opslaan' }));

    await screen.findByText('De editie is opgeslagen.', {}, FIND);
    const body = (await patches(fetchMock)[0]?.json()) as { secties: Section[] };
    expect(body.secties.at(-1)).toMatchObject({ soort: 'eigen', titel: 'Van de redactie', maatregelen: ['M07'] });
  });

  it('is read-only once it is sent, with the figures of its sending', async () => {
    const { handler } = loggedInAs(['redacteur']);
    const verzending = { ontvangers: 1250, verzonden: 1200, zonderMail: 50, nogTeVerzenden: 0, onbestelbaar: 3 };
    mockApi({
      '/api/v1/sessies/huidig': handler,
      [`GET ${PATH}`]: () => json(makeEdition({ status: 'verzonden', verzondenOp: '2026-12-05T08:00:00Z', verzending })),
      [`${PATH}/voorbeeld`]: () => json({ vorm: 'web', onderwerp: 'x', html: '<p>x</p>', tekst: null }),
    });
    renderApp('/nieuwsbrief/edities/3');
    expect(await screen.findByText(/Deze editie is verzonden op/, {}, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Editie bewerken' })).not.toBeInTheDocument();
    const figures = screen.getByRole('region', { name: 'Verzending in cijfers' });
    const facts = Array.from(figures.querySelectorAll('dt')).map((key) => `${key.textContent}: ${key.nextElementSibling?.textContent}`);
    expect(facts).toEqual([
      'Abonnees: 1.250',
      'Gemaild: 1.200',
      'Niets voor hun keuze (geen mail): 50',
      'Nog te verzenden: 0',
      'Onbestelbaar: 3',
    ]);
  });

  it('sends now only after a second question, planned for this moment', async () => {
    const { fetchMock } = setUp(() => json(makeEdition()));
    fireEvent.click(await screen.findByRole('button', { name: 'Nu verzenden…' }, FIND));
    expect(screen.getByText('Weet u het zeker?')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Nee, niet nu' }));
    fireEvent.click(screen.getByRole('button', { name: 'Nu verzenden…' }));
    const before = Date.now();
    fireEvent.click(screen.getByRole('button', { name: 'Ja, nu verzenden' }));
    await waitFor(() => expect(requestsOf(fetchMock).some((r) => r.url.endsWith('/inplannen'))).toBe(true));
    const planned = requestsOf(fetchMock).filter((r) => r.url.endsWith('/inplannen'));
    expect(planned).toHaveLength(1);
    expect(planned[0]?.headers.get('If-Match')).toBe('"v2"');
    const { verzendenOp } = (await planned[0]?.json()) as { verzendenOp: string };
    expect(Math.abs(new Date(verzendenOp).getTime() - before)).toBeLessThan(5000);
  });

  it('shows the withdrawn edition when an older read of it answers after the withdrawal', async () => {
    const { handler } = loggedInAs(['redacteur']);
    const planned = makeEdition({ status: 'gepland', verzendenOp: '2026-12-20T08:00:00Z' });
    const withdrawn = makeEdition({ status: 'concept', versie: 3 });
    let reads = 0;
    let answerHeldRead = () => {};
    const fetchMock = mockApi({
      '/api/v1/sessies/huidig': handler,
      'GET /api/v1/nieuwsbrief/edities': () =>
        json({ resultaten: [planned], paginering: { pagina: 1, paginaGrootte: 100, aantal: 1, aantalPaginas: 1 }, _links: {} }),
      // The second read, on opening the edition again, was made before the withdrawal and answers after it.
      [`GET ${PATH}`]: () => {
        reads += 1;
        if (reads === 1) return json(planned);
        return new Promise<Response>((resolve) => (answerHeldRead = () => resolve(json(planned))));
      },
      [`POST ${PATH}/intrekken`]: () => json(withdrawn),
      [`${PATH}/voorbeeld`]: () => json({ vorm: 'web', onderwerp: 'x', html: '<p>x</p>', tekst: null }),
    });
    renderApp('/nieuwsbrief/edities/3');
    fireEvent.click(await screen.findByRole('link', { name: 'Terug naar alle edities' }, FIND));
    fireEvent.click(await screen.findByRole('link', { name: 'Nieuwsbrief december' }, FIND));
    fireEvent.click(await screen.findByRole('button', { name: 'Inplanning intrekken' }, FIND));

    expect(await screen.findByText('Nog niet gepland.', { exact: false }, FIND)).toBeInTheDocument();
    expect(reads).toBe(2);
    await act(async () => {
      answerHeldRead();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.queryByRole('button', { name: 'Inplanning intrekken' })).not.toBeInTheDocument();
    expect(screen.getByText('Status:', { exact: false })).toHaveTextContent('Status: Concept');
    expect(requestsOf(fetchMock).filter((r) => r.url.endsWith('/intrekken'))[0]?.headers.get('If-Match')).toBe('"v2"');
  });

  it('says there are no figures before sending', async () => {
    setUp(() => json(makeEdition()));
    const figures = await screen.findByRole('region', { name: 'Verzending in cijfers' }, FIND);
    expect(figures).toHaveTextContent('Nog niet verzonden.');
    expect(figures.querySelector('dl')).toBeNull();
  });
});
