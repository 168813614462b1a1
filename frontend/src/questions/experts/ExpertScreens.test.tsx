import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { json, mockApi, problem, requestsOf } from '../../test/mockApi';
import { renderApp } from '../../test/renderApp';
import { loggedInAs } from '../../test/session';
import type { ExpertQuestion, ExpertQuestionPage, ExpertQuestionSummary } from './api';

const FIND = { timeout: 5000 };

const STIMULANSZ = { code: 'stimulansz', naam: 'Stimulansz' };

function asExpert() {
  return loggedInAs(['expert'], {
    id: 21,
    naam: 'Sanne Stimulansz',
    email: 'sanne@stimulansz.example',
    gemeenten: [],
    organisatie: STIMULANSZ,
  });
}

function summary(overrides: Partial<ExpertQuestionSummary> = {}): ExpertQuestionSummary {
  return {
    id: 7,
    status: 'open',
    onderwerp: 'Giftenvrijlating bij een kostendeler',
    maatregelen: ['M01'],
    gesteldOp: '2026-11-20T10:00:00Z',
    termijn: '2026-11-27',
    termijnStatus: 'verlopen',
    beantwoordOp: null,
    ...overrides,
  };
}

function page(results: ExpertQuestionSummary[], { pagina = 1, totaal = results.length, aantalPaginas = 1 } = {}): ExpertQuestionPage {
  return {
    resultaten: results,
    paginering: { pagina, paginaGrootte: 25, totaal, aantalPaginas },
    _links: { self: { href: '/api/v1/expertvragen' }, first: { href: '' }, last: { href: '' } },
  };
}

function request(overrides: Partial<ExpertQuestion> = {}): ExpertQuestion {
  return {
    id: 7,
    vraagId: 42,
    status: 'open',
    organisatie: STIMULANSZ,
    onderwerp: 'Giftenvrijlating bij een kostendeler',
    vraag: 'Geldt de vrijlating van giften per persoon of per huishouden?\nEn bij een kostendeler?',
    maatregelen: [{ code: 'M01', naam: 'Giftenvrijlating' }],
    thema: { code: 'stabiel-en-voldoende-inkomen', naam: 'Stabiel en voldoende inkomen' },
    expertVraag: 'Hoe passen gemeenten die u kent dit nu toe?',
    gesteldDoor: { id: 2, naam: 'Ruud Redactie' },
    gesteldOp: '2026-11-20T10:00:00Z',
    termijn: '2026-11-27',
    termijnStatus: 'verlopen',
    contactGedeeld: false,
    vragensteller: null,
    gemeente: null,
    antwoord: null,
    beantwoordDoor: null,
    beantwoordOp: null,
    ...overrides,
  };
}

function expertApi(handlers: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    '/api/v1/sessies/huidig': asExpert().handler,
    '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 0 }),
    ...handlers,
  });
}

function queriesTo(fetchMock: ReturnType<typeof mockApi>, path: string) {
  return requestsOf(fetchMock)
    .map((r) => new URL(r.url))
    .filter((url) => url.pathname === path)
    .map((url) => Object.fromEntries(url.searchParams));
}

describe('the expert in the application', () => {
  it('gets Expertvragen in the header, and none of the team or municipal menus', async () => {
    expertApi();
    renderApp('/toegankelijkheid');
    const account = await screen.findByRole('navigation', { name: 'Account' }, FIND);
    expect(await within(account).findByRole('link', { name: 'Expertvragen' }, FIND)).toHaveAttribute('href', '/expertvragen');
    for (const menu of ['Vragen', 'Voortgang', 'Redactie', 'Beheer']) {
      expect(screen.queryByRole('navigation', { name: menu })).not.toBeInTheDocument();
    }
    expect(within(account).queryByRole('link', { name: 'Mijn toetsingen' })).not.toBeInTheDocument();
  });

  it('is not offered Expertvragen as an editor or a municipal contact, who may not open it', async () => {
    const editor = loggedInAs(['redacteur']);
    mockApi({ '/api/v1/sessies/huidig': editor.handler, '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 0 }) });
    const { unmount } = renderApp('/expertvragen');
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' }, FIND)).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('Deze pagina is alleen voor experts van partnerorganisaties.');
    expect(screen.queryByRole('link', { name: 'Expertvragen' })).not.toBeInTheDocument();
    unmount();

    const contact = loggedInAs(['gemeente']);
    mockApi({ '/api/v1/sessies/huidig': contact.handler, '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 0 }) });
    renderApp('/expertvragen/7');
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' }, FIND)).toBeInTheDocument();
  });

  it.each([
    ['/vragen', 'redacteuren'],
    ['/vragen/42', 'redacteuren'],
    ['/mijn-vragen', 'gemeentelijke contactpersonen'],
    ['/mijn-gemeente', 'gemeentelijke contactpersonen'],
    ['/mijn-toetsingen', 'gemeentelijke contactpersonen'],
    ['/voortgang/uploaden', 'gemeentelijke contactpersonen'],
    ['/voortgang/gemeenten/GM0344', 'gemeentelijke contactpersonen'],
  ])('finds %s closed to her, without asking the API for it', async (path, forWhom) => {
    const fetchMock = expertApi();
    renderApp(path);
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' }, FIND)).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent(forWhom);
    const asked = requestsOf(fetchMock).map((r) => new URL(r.url).pathname);
    expect(asked.filter((p) => !['/api/v1/sessies/huidig', '/api/v1/meldingen/aantal-ongelezen'].includes(p))).toEqual([]);
  });
});

describe('the expert inbox', () => {
  it('lists the requests with their due date, an overdue one marked in words, each linked to its page', async () => {
    const fetchMock = expertApi({
      '/api/v1/expertvragen': () =>
        json(
          page([
            summary(),
            summary({ id: 8, onderwerp: 'Taaleis statushouders', maatregelen: [], termijn: '2026-12-10', termijnStatus: 'op-tijd' }),
            summary({
              id: 3,
              status: 'beantwoord',
              onderwerp: 'Bijverdienen in de bijstand',
              termijnStatus: 'afgerond',
              beantwoordOp: '2026-11-25T14:00:00Z',
            }),
          ]),
        ),
    });
    renderApp('/expertvragen');
    expect(await screen.findByText('3 vragen.', {}, FIND)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Expertvragen' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('De vragen die het implementatieteam aan Stimulansz voorlegt');
    const table = screen.getByRole('table', { name: 'Vragen aan uw organisatie' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const [late, onTime, answered] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(late).getByRole('link', { name: 'Giftenvrijlating bij een kostendeler' })).toHaveAttribute('href', '/expertvragen/7');
    expect(late).toHaveTextContent('27 november 2026');
    expect(late).toHaveTextContent('Verlopen');
    expect(late).toHaveTextContent('Open');
    expect(onTime).toHaveTextContent('Op tijd');
    expect(onTime).not.toHaveTextContent('Verlopen');
    expect(answered).toHaveTextContent('Beantwoord');
    expect(answered).toHaveTextContent('op 25 november 2026');
    // The API's own order: open first, soonest due on top; the page sends no status of its own.
    expect(queriesTo(fetchMock, '/api/v1/expertvragen')).toEqual([{ pagina: '1', paginaGrootte: '25' }]);
  });

  it('filters on status through the URL, and says when nothing is there', async () => {
    const fetchMock = expertApi({
      '/api/v1/expertvragen': (url) => json(page(url.searchParams.get('status') === 'ingetrokken' ? [] : [summary()])),
    });
    renderApp('/expertvragen');
    expect(await screen.findByText('1 vraag.', {}, FIND)).toBeInTheDocument();
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'ingetrokken' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filteren' }));
    expect(await screen.findByText('Er zijn geen teruggenomen vragen.', {}, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(queriesTo(fetchMock, '/api/v1/expertvragen')).toContainEqual({ status: 'ingetrokken', pagina: '1', paginaGrootte: '25' });
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('ingetrokken');
  });

  it('says so when nothing was put to her organisation yet, and ignores an unknown status in the URL', async () => {
    const fetchMock = expertApi({ '/api/v1/expertvragen': () => json(page([])) });
    renderApp('/expertvragen?status=alles');
    expect(await screen.findByText('Er zijn nog geen vragen aan uw organisatie voorgelegd.', {}, FIND)).toBeInTheDocument();
    expect(queriesTo(fetchMock, '/api/v1/expertvragen')).toEqual([{ pagina: '1', paginaGrootte: '25' }]);
  });

  it('pages through a long list', async () => {
    const fetchMock = expertApi({
      '/api/v1/expertvragen': (url) => {
        const pagina = Number(url.searchParams.get('pagina'));
        return json(page([summary({ id: pagina, onderwerp: `Vraag op pagina ${pagina}` })], { pagina, totaal: 30, aantalPaginas: 2 }));
      },
    });
    renderApp('/expertvragen?status=open');
    expect(await screen.findByText('30 open vragen.', {}, FIND)).toBeInTheDocument();
    const paging = screen.getByRole('navigation', { name: 'Paginering' });
    expect(paging).toHaveTextContent('Pagina 1 van 2');
    fireEvent.click(within(paging).getByRole('link', { name: 'Volgende pagina' }));
    expect(await screen.findByRole('link', { name: 'Vraag op pagina 2' }, FIND)).toBeInTheDocument();
    expect(queriesTo(fetchMock, '/api/v1/expertvragen')).toContainEqual({ status: 'open', pagina: '2', paginaGrootte: '25' });
  });
});

describe('a request put to the expert', () => {
  it('shows the question, what the advisor asks and the due date, and no asker when not shared', async () => {
    expertApi({ '/api/v1/expertvragen/7': () => json(request()) });
    renderApp('/expertvragen/7');
    expect(await screen.findByRole('heading', { level: 1, name: 'Giftenvrijlating bij een kostendeler' }, FIND)).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(main).toHaveTextContent('Antwoord uiterlijk27 november 2026');
    expect(main).toHaveTextContent('Verlopen');
    expect(main).toHaveTextContent('Voorgelegd doorRuud Redactie');
    expect(main).toHaveTextContent('M01 Giftenvrijlating');
    expect(screen.getByRole('region', { name: 'Wat de adviseur u vraagt' })).toHaveTextContent(
      'Hoe passen gemeenten die u kent dit nu toe?',
    );
    expect(screen.getByRole('region', { name: 'De vraag van de gemeente' })).toHaveTextContent(
      'Geldt de vrijlating van giften per persoon of per huishouden?',
    );
    const asker = screen.getByRole('region', { name: 'Vrager' });
    expect(asker).toHaveTextContent('De adviseur heeft de gegevens van de vrager niet met u gedeeld.');
    expect(within(asker).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Terug naar de expertvragen' })).toHaveAttribute('href', '/expertvragen');
  });

  it('shows the asker when the advisor shared her details', async () => {
    expertApi({
      '/api/v1/expertvragen/7': () =>
        json(
          request({
            contactGedeeld: true,
            vragensteller: { naam: 'Ulla Utrecht', email: 'ulla@utrecht.example', organisatie: 'Gemeente Utrecht' },
            gemeente: { code: 'GM0344', naam: 'Utrecht' },
          }),
        ),
    });
    renderApp('/expertvragen/7');
    const asker = await screen.findByRole('region', { name: 'Vrager' }, FIND);
    expect(asker).toHaveTextContent('NaamUlla Utrecht');
    expect(within(asker).getByRole('link', { name: 'ulla@utrecht.example' })).toHaveAttribute('href', 'mailto:ulla@utrecht.example');
    expect(asker).toHaveTextContent('GemeenteUtrecht');
  });

  it('asks for an answer before sending, then sends it and shows it read-only', async () => {
    let answered = false;
    const fetchMock = expertApi({
      '/api/v1/expertvragen/7': () => json(answered ? request(given) : request()),
      'POST /api/v1/expertvragen/7/antwoord': () => {
        answered = true;
        return json(request(given));
      },
    });
    const given: Partial<ExpertQuestion> = {
      status: 'beantwoord',
      termijnStatus: 'afgerond',
      antwoord: 'Per huishouden; de kostendeler telt niet mee.',
      beantwoordDoor: { id: 21, naam: 'Sanne Stimulansz' },
      beantwoordOp: '2026-11-28T09:30:00Z',
    };
    renderApp('/expertvragen/7');
    const section = await screen.findByRole('region', { name: 'Uw antwoord' }, FIND);
    const field = within(section).getByRole('textbox', { name: 'Uw antwoord' });
    expect(field).toHaveAccessibleDescription('Uw antwoord gaat naar Ruud Redactie, niet naar de vrager. Na het versturen kunt u het niet meer wijzigen.');

    fireEvent.change(field, { target: { value: '   ' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Antwoord versturen' }));
    const summaryLink = await screen.findByRole('link', { name: 'Uw antwoord: Schrijf uw antwoord.' }, FIND);
    expect(summaryLink).toHaveAttribute('href', '#antwoord');
    await waitFor(() => expect(summaryLink.closest('.spoorboek-error-summary')).toHaveFocus());
    expect(requestsOf(fetchMock).some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(field, { target: { value: '  Per huishouden; de kostendeler telt niet mee.  ' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Antwoord versturen' }));

    const confirmation = await within(section).findByText('Uw antwoord is verstuurd naar Ruud Redactie. Dank u wel.', {}, FIND);
    await waitFor(() => expect(confirmation.closest('.utrecht-alert')).toHaveFocus());
    const post = requestsOf(fetchMock).find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({ antwoord: 'Per huishouden; de kostendeler telt niet mee.' });
    expect(section).toHaveTextContent('Per huishouden; de kostendeler telt niet mee.');
    expect(section).toHaveTextContent('Verstuurd door Sanne Stimulansz op');
    expect(within(section).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Antwoord versturen' })).not.toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('StatusBeantwoord');
  });

  it('says plainly when the request was answered or taken back meanwhile (409), keeping what she wrote', async () => {
    let refused = false;
    expertApi({
      '/api/v1/expertvragen/7': () =>
        json(refused ? request({ status: 'ingetrokken', termijnStatus: 'afgerond' }) : request()),
      'POST /api/v1/expertvragen/7/antwoord': () => {
        refused = true;
        return problem(409, 'Conflict', 'Expertvraag 7 is teruggenomen door de adviseur.');
      },
    });
    renderApp('/expertvragen/7');
    const section = await screen.findByRole('region', { name: 'Uw antwoord' }, FIND);
    fireEvent.change(within(section).getByRole('textbox', { name: 'Uw antwoord' }), {
      target: { value: 'Per huishouden.' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Antwoord versturen' }));

    const alert = await within(section).findByRole('heading', { name: 'Uw antwoord is niet verstuurd' }, FIND);
    const box = alert.closest('.utrecht-alert');
    await waitFor(() => expect(box).toHaveFocus());
    expect(box).toHaveTextContent('Expertvraag 7 is teruggenomen door de adviseur.');
    expect(box).toHaveTextContent('Per huishouden.');
    // The page now shows the request as it is: taken back, no form.
    await waitFor(() => expect(within(section).queryByRole('textbox')).not.toBeInTheDocument(), FIND);
    expect(section).toHaveTextContent('De adviseur heeft de vraag teruggenomen; een antwoord is niet meer nodig.');
    expect(screen.queryByText('Uw antwoord is verstuurd', { exact: false })).not.toBeInTheDocument();
  });

  it('says a request of another organisation, or none, is not found', async () => {
    expertApi({
      '/api/v1/expertvragen/99': () => problem(404, 'Niet gevonden', 'Expertvraag 99 bestaat niet.'),
    });
    renderApp('/expertvragen/99');
    expect(await screen.findByRole('heading', { level: 1, name: 'Expertvraag niet gevonden' }, FIND)).toBeInTheDocument();
  });
});
