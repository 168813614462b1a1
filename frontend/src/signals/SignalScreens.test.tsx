import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { makeMeasure, makeWave } from '../test/fixtures';
import { json, mockApi, noContent, problem, requestsOf } from '../test/mockApi';
import { renderApp } from '../test/renderApp';
import { loggedInAs } from '../test/session';
import { makeSignal, UTRECHT, ZEIST } from './testData';
import type { BlockerGroup, BlockersView, SignalRead, SteeringReport, SuggestionRead } from './types';

const FIND = { timeout: 5000 };
const wave1 = makeWave(1);
const measures = [makeMeasure('M05', wave1, { titel: 'Vermogenstoets' })];

const referenceData = {
  '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 0 }),
  '/api/v1/fasen': () => json({ resultaten: [wave1] }),
  '/api/v1/maatregelen': () =>
    json({ resultaten: measures, paginering: { pagina: 1, paginaGrootte: 100, totaal: 1, aantalPaginas: 1 }, _links: {} }),
  '/api/v1/themas': () => json({ resultaten: [] }),
  '/api/v1/organisaties': () =>
    json({
      resultaten: [{ code: 'demo-rekenwerk', naam: 'Rekenwerk Software (demo)', soort: 'leverancier' }],
      paginering: { pagina: 1, paginaGrootte: 100, totaal: 1, aantalPaginas: 1 },
      _links: {},
    }),
};

function advisorApi(current: () => SignalRead, handlers: Parameters<typeof mockApi>[0] = {}) {
  const { handler } = loggedInAs(['redacteur'], { id: 2, naam: 'Ruud Redactie', gemeenten: [] });
  return mockApi({
    ...referenceData,
    '/api/v1/sessies/huidig': handler,
    '/api/v1/signalen/12': () => json(current()),
    '/api/v1/signalen/12/geschiedenis': () => json({ resultaten: [] }),
    ...handlers,
  });
}

describe('the signal page for the team', () => {
  it('asks a passing-on for its body and text, then sends it with the version shown', async () => {
    let current = makeSignal();
    const fetchMock = advisorApi(() => current, {
      'POST /api/v1/signalen/12/statuswijzigingen': () => {
        current = makeSignal({ status: 'doorgezet', doorgezetAan: 'spoor-2', versie: 4 });
        return json(current);
      },
    });
    renderApp('/signalen/12');
    fireEvent.click(await screen.findByRole('radio', { name: 'Doorzetten' }, FIND));
    fireEvent.click(screen.getByRole('button', { name: 'Doorzetten' }));

    const summary = await screen.findByRole('heading', { name: 'Controleer de volgende gegevens' });
    expect(summary.closest('.spoorboek-error-summary')).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Doorgezet aan: Aan wie is het signaal doorgezet?' })).toBeInTheDocument();
    expect(requestsOf(fetchMock).some((request) => request.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByRole('combobox', { name: 'Doorgezet aan' }), { target: { value: 'spoor-2' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Wat is doorgezet' }), { target: { value: 'Graag een wettelijke grondslag.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Doorzetten' }));

    expect(await screen.findByText('Het signaal is nu: doorgezet.', {}, FIND)).toBeInTheDocument();
    const sent = requestsOf(fetchMock).find((request) => request.method === 'POST');
    expect(sent?.headers.get('If-Match')).toBe('"v3"');
    expect(await sent?.json()).toEqual({ naar: 'doorgezet', aan: 'spoor-2', tekst: 'Graag een wettelijke grondslag.' });
    // Passed on, it may be passed on again, answered or rejected.
    expect(screen.getByRole('radio', { name: 'Opnieuw doorzetten' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Reactie vastleggen' })).toBeInTheDocument();
  });

  it('says so when a colleague changed the signal first, and keeps what was typed', async () => {
    let current = makeSignal();
    advisorApi(() => current, {
      'POST /api/v1/signalen/12/statuswijzigingen': () => {
        current = makeSignal({ titel: 'Koppeling met de RDW ontbreekt in pakket X', versie: 5 });
        return problem(412, 'Versie verouderd', 'Iemand anders heeft dit intussen gewijzigd.');
      },
    });
    renderApp('/signalen/12');
    fireEvent.click(await screen.findByRole('radio', { name: 'Afwijzen' }, FIND));
    fireEvent.change(screen.getByRole('textbox', { name: 'Reden' }), { target: { value: 'Hoort bij een ander signaal' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afwijzen' }));

    const notice = await screen.findByRole('heading', { name: 'Iemand anders heeft dit signaal al gewijzigd' }, FIND);
    await waitFor(() => expect(notice.closest('.spoorboek-conflict')).toHaveFocus());
    expect(await screen.findByRole('heading', { level: 1, name: 'Signaal 12: Koppeling met de RDW ontbreekt in pakket X' }, FIND)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Reden' })).toHaveValue('Hoort bij een ander signaal');
  });

  it('shows the personal data the API found when the signal is made public', async () => {
    const current = makeSignal();
    const fetchMock = advisorApi(() => current, {
      'PATCH /api/v1/signalen/12': () =>
        problem(400, 'Ongeldige invoer', '1 parameter(s) ongeldig; zie invalidParams.', {
          invalidParams: [
            { name: 'omschrijving', code: 'personal_data', reason: "Bevat een telefoonnummer ('06-12345678'); haal die eruit voor publicatie." },
            { name: 'reactie', code: 'personal_data', reason: "Bevat een e-mailadres ('a@b.nl'); haal die eruit voor publicatie." },
          ],
        }),
    });
    renderApp('/signalen/12');
    fireEvent.click(await screen.findByRole('button', { name: 'Signaal bewerken of openbaar maken' }, FIND));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Openbaar: tonen in het openbare register' }));
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));

    const summary = (await screen.findByRole('heading', { name: 'Controleer de volgende gegevens' }, FIND)).closest('.spoorboek-error-summary');
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent("Omschrijving: Bevat een telefoonnummer ('06-12345678')");
    // The response is not a field of this form: its finding is in the summary all the same.
    expect(summary).toHaveTextContent("Bevat een e-mailadres ('a@b.nl')");
    expect(screen.getByRole('textbox', { name: 'Omschrijving' })).toHaveAttribute('aria-invalid', 'true');
    const sent = requestsOf(fetchMock).find((request) => request.method === 'PATCH');
    expect(await sent?.json()).toEqual({ openbaar: true });
  });

  it('links the ticked group of blockers, and unlinks a question', async () => {
    let current = makeSignal({ vragen: [{ id: 31, onderwerp: 'Kenteken ophalen', gemeente: ZEIST, ontvangenOp: '2026-11-03T10:00:00Z' }] });
    const view: BlockersView = {
      aantalKnelpunten: 2,
      aantalGemeenten: 2,
      perMaatregel: [],
      perSoort: [],
      groepen: [
        {
          sleutel: 'knelpunten-GM0355-M05',
          kernwoorden: ['rdw'],
          aantalKnelpunten: 2,
          aantalGemeenten: 2,
          maatregelen: [{ code: 'M05', naam: 'Vermogenstoets' }],
          knelpunten: [
            { gemeente: ZEIST, maatregel: { code: 'M05', naam: 'Vermogenstoets' }, tekst: 'Geen RDW-koppeling', soort: null, sinds: '2026-10-01T10:00:00Z', signalen: [] },
            { gemeente: UTRECHT, maatregel: { code: 'M05', naam: 'Vermogenstoets' }, tekst: 'RDW-koppeling ontbreekt', soort: null, sinds: '2026-10-02T10:00:00Z', signalen: [] },
          ],
          signalen: [],
          voorstel: { titel: 'Geen RDW-koppeling', omschrijving: '…', soort: null, maatregelen: ['M05'], themas: [] },
        },
      ],
    };
    const fetchMock = advisorApi(() => current, {
      '/api/v1/signalen/knelpunten': () => json(view),
      '/api/v1/vragen/vergelijkbaar': () => json({ faq: [], vragen: [] }),
      '/api/v1/vragen': () => json({ resultaten: [], paginering: { pagina: 1, paginaGrootte: 25, totaal: 0, aantalPaginas: 0 }, _links: {} }),
      'POST /api/v1/signalen/12/bewijs': () => json({ vragen: 0, knelpunten: 2 }),
      'DELETE /api/v1/signalen/12/bewijs/vragen/31': () => {
        current = makeSignal({ versie: 5 });
        return noContent();
      },
    });
    renderApp('/signalen/12');
    fireEvent.click(await screen.findByRole('button', { name: 'Vragen en knelpunten kiezen' }, FIND));
    fireEvent.click(await screen.findByRole('checkbox', { name: '2 knelpunten van 2 gemeenten: “Geen RDW-koppeling”' }, FIND));
    fireEvent.click(screen.getByRole('button', { name: 'Knelpunten koppelen' }));
    expect(await screen.findByText('2 knelpunten gekoppeld.', {}, FIND)).toBeInTheDocument();
    const linked = requestsOf(fetchMock).find((request) => request.method === 'POST');
    expect(await linked?.json()).toEqual({
      knelpunten: [
        { gemeente: 'GM0355', maatregel: 'M05' },
        { gemeente: 'GM0344', maatregel: 'M05' },
      ],
    });
    const blockersQuery = requestsOf(fetchMock).find((request) => new URL(request.url).pathname === '/api/v1/signalen/knelpunten');
    expect(new URL(blockersQuery?.url ?? '').searchParams.get('maatregel')).toBe('M05');

    const questions = screen.getByRole('table', { name: 'Gekoppelde vragen' });
    fireEvent.click(within(questions).getByRole('button', { name: /^Ontkoppelen ?vraag 31$/ }));
    expect(await screen.findByText('Vraag 31 telt niet langer als bewijs.', {}, FIND)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Gekoppelde vragen' })).not.toBeInTheDocument());
  });
});

describe('"ook bij ons" on a public signal', () => {
  it('is given once, for her own municipality, and then shows it was given', async () => {
    let current = makeSignal({ openbaar: true, gemeente: ZEIST, melder: null });
    const { handler } = loggedInAs(['gemeente']);
    const fetchMock = mockApi({
      ...referenceData,
      '/api/v1/sessies/huidig': handler,
      '/api/v1/openbare-signalen/12': () =>
        json({
          id: 12,
          titel: current.titel,
          omschrijving: current.omschrijving,
          soort: current.soort,
          status: current.status,
          maatregelen: current.maatregelen,
          bereik: current.bereik,
          doorgezetAan: null,
          reactie: null,
          aangemaaktOp: current.aangemaaktOp,
        }),
      '/api/v1/signalen/12': () => json(current),
      'POST /api/v1/signalen/12/ook-bij-ons': () => {
        current = makeSignal({ openbaar: true, gemeente: ZEIST, ookBij: [{ gemeente: UTRECHT, toelichting: null, op: '2026-12-06T10:00:00Z' }] });
        return json(current, 201);
      },
    });
    renderApp('/openbare-signalen/12');
    expect(await screen.findByRole('heading', { level: 1, name: 'Koppeling met de RDW ontbreekt' }, FIND)).toBeInTheDocument();
    fireEvent.change(await screen.findByRole('textbox', { name: 'Toelichting (niet verplicht)' }, FIND), {
      target: { value: 'Ook ons pakket mist de koppeling.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ook bij ons (Utrecht)' }));

    expect(await screen.findByText('Vastgelegd: dit speelt ook bij Utrecht.', {}, FIND)).toBeInTheDocument();
    expect(document.querySelector('.spoorboek-given')).toHaveTextContent(/^✓ Utrecht gaf op 6 december 2026 aan dat dit ook bij haar speelt\.$/);
    expect(screen.queryByRole('button', { name: /Ook bij ons/ })).not.toBeInTheDocument();
    const sent = requestsOf(fetchMock).find((request) => request.method === 'POST');
    expect(await sent?.json()).toEqual({ gemeente: 'GM0344', toelichting: 'Ook ons pakket mist de koppeling.' });
  });

  it('is not offered for the municipality that reported it', async () => {
    const { handler } = loggedInAs(['gemeente']);
    mockApi({ ...referenceData, '/api/v1/sessies/huidig': handler, '/api/v1/signalen/12': () => json(makeSignal({ openbaar: true })) });
    renderApp('/signalen/12');
    expect(await screen.findByText('Utrecht meldde dit signaal zelf.', {}, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ook bij ons/ })).not.toBeInTheDocument();
    // The team's parts are not hers.
    expect(screen.queryByRole('heading', { name: 'Behandelen' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Geschiedenis' })).not.toBeInTheDocument();
  });
});

describe('reporting a signal about a supplier', () => {
  it('offers the suppliers only for a signal about ICT, maps a refusal to the select, and shows the one named', async () => {
    const { handler } = loggedInAs(['gemeente']);
    const supplier = { code: 'demo-rekenwerk', naam: 'Rekenwerk Software (demo)' };
    let attempts = 0;
    const fetchMock = mockApi({
      ...referenceData,
      '/api/v1/sessies/huidig': handler,
      'POST /api/v1/signalen': () =>
        ++attempts === 1
          ? problem(400, 'Ongeldige invoer', 'Controleer de leverancier.', {
              invalidParams: [{ name: 'leverancier', in: 'body', code: 'not_a_supplier', reason: 'Organisatie is geen softwareleverancier.' }],
            })
          : json(makeSignal({ leverancier: supplier }), 201),
      '/api/v1/signalen/12': () => json(makeSignal({ leverancier: supplier })),
    });
    renderApp('/signalen/melden');
    const kind = await screen.findByRole('combobox', { name: 'Soort knelpunt' }, FIND);
    expect(screen.queryByRole('combobox', { name: 'Leverancier (niet verplicht)' })).not.toBeInTheDocument();
    fireEvent.change(kind, { target: { value: 'ict-en-leveranciers' } });
    const select = await screen.findByRole('combobox', { name: 'Leverancier (niet verplicht)' });
    await screen.findByRole('option', { name: supplier.naam }, FIND);
    expect(new URL(requestsOf(fetchMock).find((r) => r.url.includes('/organisaties'))?.url ?? '').searchParams.get('soort')).toBe('leverancier');
    fireEvent.change(select, { target: { value: supplier.code } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Titel' }), { target: { value: 'Release komt te laat' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Omschrijving' }), { target: { value: 'De release voor de vrijlating komt na de ingangsdatum.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Signaal melden' }));

    expect(await screen.findByRole('link', { name: 'Leverancier: Organisatie is geen softwareleverancier.' }, FIND)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Signaal melden' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Signaal 12: Koppeling met de RDW ontbreekt' }, FIND)).toBeInTheDocument();
    const sent = requestsOf(fetchMock).filter((request) => request.method === 'POST');
    expect(await sent[1]?.json()).toMatchObject({ soort: 'ict-en-leveranciers', leverancier: 'demo-rekenwerk' });
    expect(screen.getByText('Rekenwerk Software (demo)')).toBeInTheDocument();
  }, 15_000);
});

describe('the register', () => {
  it('sends the filters from the URL and says when nothing matches them', async () => {
    const { handler } = loggedInAs(['redacteur'], { gemeenten: [] });
    const fetchMock = mockApi({
      ...referenceData,
      '/api/v1/sessies/huidig': handler,
      '/api/v1/signalen': () => json({ resultaten: [], paginering: { pagina: 1, paginaGrootte: 25, totaal: 0, aantalPaginas: 0 }, _links: {} }),
    });
    renderApp('/signalen?soort=financien&aan=spoor-2&ouderDanDagen=30&open=true&status=onzin');
    expect(await screen.findByText('Geen signalen gevonden met deze filters.', {}, FIND)).toBeInTheDocument();
    const listed = requestsOf(fetchMock).find((request) => new URL(request.url).pathname === '/api/v1/signalen');
    expect(Object.fromEntries(new URL(listed?.url ?? '').searchParams)).toEqual({
      soort: 'financien',
      aan: 'spoor-2',
      ouderDanDagen: '30',
      open: 'true',
      pagina: '1',
      paginaGrootte: '25',
    });
    expect(screen.getByRole('combobox', { name: 'Doorgezet aan' })).toHaveValue('spoor-2');
    expect(screen.getByRole('checkbox', { name: 'Alleen open signalen' })).toBeChecked();
  });
});

function teamApi(handlers: Parameters<typeof mockApi>[0]) {
  const { handler } = loggedInAs(['redacteur'], { id: 2, naam: 'Ruud Redactie', gemeenten: [] });
  return mockApi({ ...referenceData, '/api/v1/sessies/huidig': handler, ...handlers });
}

const M05 = { code: 'M05', naam: 'Vermogenstoets' };

function makeGroup(overrides: Partial<BlockerGroup> = {}): BlockerGroup {
  return {
    sleutel: 'knelpunten-GM0355-M05',
    kernwoorden: ['rdw'],
    aantalKnelpunten: 9,
    aantalGemeenten: 9,
    maatregelen: [M05],
    knelpunten: Array.from({ length: 9 }, (_, index) => ({
      gemeente: { code: `GM0${300 + index}`, naam: `Gemeente ${index + 1}` },
      maatregel: M05,
      tekst: 'Geen RDW-koppeling',
      soort: null,
      sinds: '2026-10-01T10:00:00Z',
      signalen: [],
    })),
    signalen: [],
    voorstel: { titel: 'Geen RDW-koppeling', omschrijving: '9 gemeenten melden…', soort: null, maatregelen: ['M05'], themas: [] },
    ...overrides,
  };
}

function blockersView(groups: BlockerGroup[]): BlockersView {
  return {
    aantalKnelpunten: 9,
    aantalGemeenten: 9,
    perMaatregel: [
      {
        maatregel: M05,
        aantalKnelpunten: 9,
        aantalGemeenten: 9,
        perSoort: [{ soort: 'geen', naam: 'Geen soort', aantalKnelpunten: 9, aantalGemeenten: 9 }],
      },
    ],
    perSoort: [{ soort: 'geen', naam: 'Geen soort', aantalKnelpunten: 9, aantalGemeenten: 9 }],
    groepen: groups,
  };
}

describe('the blockers view', () => {
  it('makes a signal of a group in one step, asking the kind the blockers do not name', async () => {
    const fetchMock = teamApi({
      '/api/v1/signalen/knelpunten': () => json(blockersView([makeGroup()])),
      'POST /api/v1/signalen/knelpunten/groepen': () => json(makeSignal({ id: 40, titel: 'Geen RDW-koppeling', versie: 1 }), 201),
      '/api/v1/signalen/40': () => json(makeSignal({ id: 40, titel: 'Geen RDW-koppeling', versie: 1 })),
      '/api/v1/signalen/40/geschiedenis': () => json({ resultaten: [] }),
    });
    renderApp('/signalen/knelpunten?maatregel=M05');
    const group = await screen.findByRole('article', { name: 'Geen RDW-koppeling' }, FIND);
    // Eight of the nine blockers, and a way to see them all.
    expect(within(group).getAllByRole('row')).toHaveLength(9);
    fireEvent.click(within(group).getByRole('button', { name: 'Alle 9 knelpunten tonen' }));
    expect(within(group).getAllByRole('row')).toHaveLength(10);

    fireEvent.click(within(group).getByRole('button', { name: 'Maak signaal' }));
    fireEvent.click(within(group).getByRole('button', { name: 'Signaal maken' }));
    expect(await within(group).findByText('Kies de soort van het signaal.')).toBeInTheDocument();
    fireEvent.change(within(group).getByRole('combobox', { name: 'Soort' }), { target: { value: 'ict-en-leveranciers' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Signaal maken' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Signaal 40: Geen RDW-koppeling' }, FIND)).toBeInTheDocument();
    const made = requestsOf(fetchMock).find((request) => request.method === 'POST');
    expect(await made?.json()).toEqual({ sleutel: 'knelpunten-GM0355-M05', soort: 'ict-en-leveranciers' });
  });

  it('adds a group to the signal it was opened for', async () => {
    const fetchMock = teamApi({
      '/api/v1/signalen/knelpunten': () => json(blockersView([makeGroup()])),
      '/api/v1/signalen/12': () => json(makeSignal()),
      'POST /api/v1/signalen/12/bewijs': () => json({ vragen: 0, knelpunten: 9 }),
    });
    renderApp('/signalen/knelpunten?signaal=12&maatregel=M05');
    const note = await screen.findByRole('note', {}, FIND);
    await waitFor(() => expect(note).toHaveTextContent('U voegt knelpunten toe aan signaal 12: Koppeling met de RDW ontbreekt.'));
    const group = await screen.findByRole('article', { name: 'Geen RDW-koppeling' }, FIND);
    expect(within(group).queryByRole('button', { name: 'Maak signaal' })).not.toBeInTheDocument();
    fireEvent.click(within(group).getByRole('button', { name: 'Voeg toe aan signaal 12' }));
    expect(await within(group).findByText('9 knelpunten gekoppeld. (signaal 12)', {}, FIND)).toBeInTheDocument();
    const added = requestsOf(fetchMock).find((request) => request.method === 'POST');
    expect(((await added?.json()) as { knelpunten: unknown[] }).knelpunten).toHaveLength(9);
  });
});

function makeSuggestion(overrides: Partial<SuggestionRead> = {}): SuggestionRead {
  return {
    sleutel: 'vragen-31',
    bron: 'vragen',
    voorstel: { titel: 'Kenteken ophalen bij de RDW', omschrijving: '6 gemeenten vragen…', soort: null, maatregelen: ['M05'], themas: [] },
    kernwoorden: ['kenteken', 'rdw'],
    aantalGemeenten: 6,
    aantalBewijs: 6,
    nieuwDezeMaand: 3,
    nieuwVorigeMaand: 1,
    redenen: [{ code: 'gemeenten', uitleg: '6 gemeenten lopen hiertegenaan (drempel 5).' }],
    vragen: [{ id: 31, onderwerp: 'Kenteken ophalen', gemeente: ZEIST, ontvangenOp: '2026-11-03T10:00:00Z', signalen: [] }],
    knelpunten: [],
    signalen: [],
    eerderAfgewezen: null,
    ...overrides,
  };
}

describe('the suggestions', () => {
  const list = (results: SuggestionRead[]) =>
    json({ van: '2026-09-07', tot: '2026-12-06', drempels: { gemeenten: 5, stijgendMinimaal: 2, dagenVragen: 90 }, resultaten: results });

  it('takes a suggestion over with the kind chosen, and dismisses another', async () => {
    let results = [makeSuggestion(), makeSuggestion({ sleutel: 'vragen-40', voorstel: { ...makeSuggestion().voorstel, titel: 'Giften van familie', soort: 'financien' } })];
    const fetchMock = teamApi({
      '/api/v1/signalen/suggesties': () => list(results),
      'POST /api/v1/signalen/suggesties/vragen-40/afwijzen': () => {
        results = results.filter((suggestion) => suggestion.sleutel !== 'vragen-40');
        return noContent();
      },
      'POST /api/v1/signalen/suggesties/vragen-31/overnemen': () => json(makeSignal({ id: 41, titel: 'Kenteken ophalen bij de RDW' }), 201),
      '/api/v1/signalen/41': () => json(makeSignal({ id: 41, titel: 'Kenteken ophalen bij de RDW' })),
      '/api/v1/signalen/41/geschiedenis': () => json({ resultaten: [] }),
    });
    renderApp('/signalen/suggesties');
    expect(await screen.findByText(/minstens 5 gemeenten/, {}, FIND)).toBeInTheDocument();

    const gifts = await screen.findByRole('article', { name: 'Giften van familie' }, FIND);
    // Its kind is known: nothing to choose.
    expect(within(gifts).queryByRole('combobox', { name: 'Soort' })).not.toBeInTheDocument();
    fireEvent.click(within(gifts).getByRole('button', { name: 'Afwijzen' }));
    expect(await screen.findByText("De suggestie 'Giften van familie' is afgewezen; zij komt pas terug als haar bewijs groeit.", {}, FIND)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Giften van familie' })).not.toBeInTheDocument());

    const plate = screen.getByRole('article', { name: 'Kenteken ophalen bij de RDW' });
    expect(within(plate).getByRole('link', { name: /Kenteken ophalen/ })).toHaveAttribute('href', '/vragen/31');
    fireEvent.click(within(plate).getByRole('button', { name: 'Overnemen als signaal' }));
    expect(await within(plate).findByText('Kies de soort van het signaal.')).toBeInTheDocument();
    fireEvent.change(within(plate).getByRole('combobox', { name: 'Soort' }), { target: { value: 'ict-en-leveranciers' } });
    fireEvent.click(within(plate).getByRole('button', { name: 'Overnemen als signaal' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Signaal 41: Kenteken ophalen bij de RDW' }, FIND)).toBeInTheDocument();
    const taken = requestsOf(fetchMock).find((request) => new URL(request.url).pathname.endsWith('/overnemen'));
    expect(await taken?.json()).toEqual({ soort: 'ict-en-leveranciers' });
  });
});

describe('the steering report', () => {
  it('shows the figures of the period in the URL and links its workbook', async () => {
    const report: SteeringReport = {
      periode: { van: '2026-10-01', tot: '2026-12-31' },
      peilmoment: '2026-12-06T12:00:00Z',
      gemeld: 7,
      doorgezet: 4,
      beantwoord: 2,
      afgesloten: 3,
      leeftijdOpen: { aantal: 5, mediaanDagen: 12.5, langsteDagen: 80 },
      leeftijdAfgesloten: { aantal: 3, mediaanDagen: 40, langsteDagen: 61 },
      openPerInstantie: [
        { aan: null, aantal: 2 },
        { aan: 'spoor-2', aantal: 3 },
      ],
      soorten: [{ soort: 'financien', aantal: 4 }],
      maatregelen: [{ maatregel: M05, aantal: 3 }],
    };
    const fetchMock = teamApi({ '/api/v1/signalen/rapportage': () => json(report) });
    renderApp('/signalen/rapportage?van=2026-10-01&tot=2026-12-31');
    expect(await screen.findByRole('heading', { level: 2, name: '1 oktober 2026 tot en met 31 december 2026' }, FIND)).toBeInTheDocument();
    const asked = requestsOf(fetchMock).find((request) => new URL(request.url).pathname === '/api/v1/signalen/rapportage');
    expect(new URL(asked?.url ?? '').search).toBe('?van=2026-10-01&tot=2026-12-31');
    expect(screen.getByRole('table', { name: 'Leeftijden' })).toHaveTextContent('12,5 dagen');
    const perBody = screen.getByRole('table', { name: 'Open per instantie' });
    expect(within(perBody).getByRole('row', { name: /Nog niet doorgezet/ })).toHaveTextContent('2');
    expect(within(perBody).getByRole('row', { name: /Spoor 2/ })).toHaveTextContent('3');
    expect(screen.getByRole('link', { name: 'Download als Excel (XLSX)' })).toHaveAttribute(
      'href',
      '/api/v1/signalen/rapportage?formaat=xlsx&van=2026-10-01&tot=2026-12-31',
    );
  });
});
