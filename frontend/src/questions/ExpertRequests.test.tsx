import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { json, mockApi, problem, requestsOf } from '../test/mockApi';
import { renderApp } from '../test/renderApp';
import { loggedInAs } from '../test/session';
import { isOverdue } from './ExpertRequestsSection';
import type { Question } from './types';

const FIND = { timeout: 5000 };

const STIMULANSZ = { code: 'stimulansz', naam: 'Stimulansz' };

function question(overrides: Partial<Question> = {}): Question {
  return {
    id: 42,
    onderwerp: 'Giftenvrijlating bij een kostendeler',
    vraag: 'Geldt de vrijlating per persoon of per huishouden?',
    kanaal: 'webformulier',
    status: 'toegewezen',
    maatregelen: [{ code: 'M01', naam: 'Giftenvrijlating' }],
    thema: null,
    gemeente: { code: 'GM0344', naam: 'Utrecht' },
    vragensteller: { naam: 'Ulla Utrecht', email: 'ulla@utrecht.example', organisatie: null, gebruikerId: 7 },
    ontvangenOp: '2026-11-18T09:00:00Z',
    termijn: '2026-12-02',
    termijnStatus: 'op-tijd',
    behandelaar: { id: 2, naam: 'Ruud Redactie' },
    expert: null,
    expertverzoeken: [],
    antwoord: null,
    beantwoordOp: null,
    geslotenOp: null,
    samengevoegdMet: null,
    samengevoegdeVragen: [],
    faqId: null,
    bijlagen: [],
    gewist: false,
    mogelijkeOvergangen: ['toegewezen', 'wacht-op-expert', 'beantwoord', 'gesloten'],
    versie: 3,
    ...overrides,
  };
}

function advisorApi(current: () => Question, handlers: Parameters<typeof mockApi>[0] = {}) {
  const { handler } = loggedInAs(['redacteur'], { id: 2, naam: 'Ruud Redactie', gemeenten: [] });
  return mockApi({
    '/api/v1/sessies/huidig': handler,
    '/api/v1/meldingen/aantal-ongelezen': () => json({ ongelezen: 0 }),
    '/api/v1/vragen/42': () => json(current()),
    '/api/v1/vragen/42/notities': () => json({ resultaten: [] }),
    '/api/v1/vragen/42/geschiedenis': () => json({ resultaten: [] }),
    '/api/v1/vragen/behandelaars': () => json({ resultaten: [{ id: 2, naam: 'Ruud Redactie' }] }),
    '/api/v1/organisaties': () =>
      json({
        resultaten: [
          { ...STIMULANSZ, afkorting: null, soort: 'kennisorganisatie', website: null, leden: [], demo: false, _links: { self: { href: '' } } },
          { code: 'divosa', naam: 'Divosa', afkorting: null, soort: 'kennisorganisatie', website: null, leden: [], demo: false, _links: { self: { href: '' } } },
        ],
        paginering: { pagina: 1, paginaGrootte: 100, totaal: 2, aantalPaginas: 1 },
        _links: { self: { href: '' }, first: { href: '' }, last: { href: '' } },
      }),
    ...handlers,
  });
}

describe('the advisor putting a question to experts', () => {
  it('asks what the experts should answer and whether to share the asker, off unless ticked', async () => {
    let current = question();
    const fetchMock = advisorApi(() => current, {
      'POST /api/v1/vragen/42/statuswijzigingen': () => {
        current = question({ status: 'wacht-op-expert', versie: 4, mogelijkeOvergangen: ['toegewezen', 'beantwoord'] });
        return json(current);
      },
    });
    renderApp('/vragen/42');
    fireEvent.click(await screen.findByRole('radio', { name: 'Voorleggen aan expert' }, FIND));

    const ask = screen.getByRole('textbox', { name: 'Wat vraagt u de experts? (niet verplicht)' });
    expect(ask).toHaveAttribute('maxlength', '4000');
    const share = screen.getByRole('checkbox', { name: 'Gegevens van de vraagsteller delen met de experts' });
    expect(share).not.toBeChecked();
    expect(share).toHaveAccessibleDescription(/Zonder vinkje zien zij die niet\./);

    const organisation = screen.getByRole('combobox', { name: 'Organisatie van de expert' });
    await waitFor(() => expect(within(organisation).getByRole('option', { name: 'Stimulansz' })).toBeInTheDocument(), FIND);
    fireEvent.change(organisation, { target: { value: 'stimulansz' } });
    fireEvent.change(ask, { target: { value: ' Hoe doen gemeenten dit nu? ' } });
    fireEvent.click(share);
    fireEvent.click(screen.getByRole('button', { name: 'Voorleggen aan expert' }));

    expect(await screen.findByText('De vraag is nu: wacht op expert.', {}, FIND)).toBeInTheDocument();
    const post = requestsOf(fetchMock).find((r) => r.method === 'POST');
    expect(post?.headers.get('If-Match')).toBe('"v3"');
    expect(await post?.json()).toEqual({
      naar: 'wacht-op-expert',
      expertOrganisatie: 'stimulansz',
      expertVraag: 'Hoe doen gemeenten dit nu?',
      contactDelen: true,
    });
  });

  it('sends contactDelen false when the box is left alone, and shows a refusal at the field', async () => {
    const fetchMock = advisorApi(() => question(), {
      'POST /api/v1/vragen/42/statuswijzigingen': () =>
        problem(400, 'Ongeldige invoer', '1 parameter(s) ongeldig; zie invalidParams.', {
          invalidParams: [{ name: 'expertVraag', in: 'body', code: 'too_long', reason: 'Ten hoogste 4000 tekens.' }],
        }),
    });
    renderApp('/vragen/42');
    fireEvent.click(await screen.findByRole('radio', { name: 'Voorleggen aan expert' }, FIND));
    const organisation = screen.getByRole('combobox', { name: 'Organisatie van de expert' });
    await waitFor(() => expect(within(organisation).getByRole('option', { name: 'Divosa' })).toBeInTheDocument(), FIND);
    fireEvent.change(organisation, { target: { value: 'divosa' } });
    fireEvent.click(screen.getByRole('button', { name: 'Voorleggen aan expert' }));

    expect(
      await screen.findByRole('link', { name: 'Wat vraagt u de experts?: Ten hoogste 4000 tekens.' }, FIND),
    ).toHaveAttribute('href', '#expertVraag');
    const post = requestsOf(fetchMock).find((r) => r.method === 'POST');
    expect(await post?.json()).toEqual({ naar: 'wacht-op-expert', expertOrganisatie: 'divosa', contactDelen: false });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls an open request overdue only after its due date', () => {
    expect(isOverdue({ status: 'open', termijn: '2026-11-27' }, '2026-11-27')).toBe(false);
    expect(isOverdue({ status: 'open', termijn: '2026-11-27' }, '2026-11-28')).toBe(true);
    expect(isOverdue({ status: 'beantwoord', termijn: '2026-11-27' }, '2026-12-28')).toBe(false);
  });

  it('shows every request under "Voorgelegd aan experts", newest first, with the experts\' answer', async () => {
    // Only the date is fixed: the page's timers run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-28T12:00:00'));
    advisorApi(() =>
      question({
        expertverzoeken: [
          {
            id: 5,
            organisatie: { code: 'divosa', naam: 'Divosa' },
            status: 'ingetrokken',
            expertVraag: null,
            contactGedeeld: false,
            gesteldDoor: { id: 2, naam: 'Ruud Redactie' },
            gesteldOp: '2026-11-10T10:00:00Z',
            termijn: '2026-11-17',
            antwoord: null,
            beantwoordDoor: null,
            beantwoordOp: null,
            geslotenOp: '2026-11-12T10:00:00Z',
          },
          {
            id: 7,
            organisatie: STIMULANSZ,
            status: 'beantwoord',
            expertVraag: 'Hoe doen gemeenten dit nu?',
            contactGedeeld: true,
            gesteldDoor: { id: 2, naam: 'Ruud Redactie' },
            gesteldOp: '2026-11-20T10:00:00Z',
            termijn: '2026-11-27',
            antwoord: 'Per huishouden.',
            beantwoordDoor: { id: 21, naam: 'Sanne Stimulansz' },
            beantwoordOp: '2026-11-25T14:00:00Z',
            geslotenOp: '2026-11-25T14:00:00Z',
          },
          {
            id: 9,
            organisatie: { code: 'szw', naam: 'Ministerie van SZW' },
            status: 'open',
            expertVraag: null,
            contactGedeeld: false,
            gesteldDoor: null,
            gesteldOp: '2026-11-26T10:00:00Z',
            termijn: '2026-11-27',
            antwoord: null,
            beantwoordDoor: null,
            beantwoordOp: null,
            geslotenOp: null,
          },
        ],
      }),
    );
    renderApp('/vragen/42');
    const section = await screen.findByRole('region', { name: 'Voorgelegd aan experts' }, FIND);
    const items = within(section).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('h3')?.textContent)).toEqual(['Ministerie van SZW', 'Stimulansz', 'Divosa']);
    const [open, answered, withdrawn] = items as [HTMLElement, HTMLElement, HTMLElement];
    expect(open).toHaveTextContent('StatusOpen');
    // Its due date (27 November) was yesterday: said in words.
    expect(open).toHaveTextContent('Antwoord uiterlijk27 november 2026 ✕ Verlopen');
    expect(open).toHaveTextContent('Nog geen antwoord.');
    expect(answered).toHaveTextContent('StatusBeantwoord');
    expect(answered).toHaveTextContent('Gevraagd20 november 2026');
    expect(answered).toHaveTextContent('door Ruud Redactie');
    expect(answered).toHaveTextContent('Gegevens vraagsteller gedeeldJa');
    expect(answered).toHaveTextContent('Wat u de experts vroegHoe doen gemeenten dit nu?');
    expect(answered).toHaveTextContent('Antwoord van de expertPer huishouden.Door Sanne Stimulansz op 25 november 2026');
    expect(answered).not.toHaveTextContent('Verlopen');
    expect(withdrawn).toHaveTextContent('StatusIngetrokken');
    expect(withdrawn).toHaveTextContent('Teruggenomen voordat de experts antwoordden');
  });

  it('has no such section for a question never put to experts', async () => {
    advisorApi(() => question());
    renderApp('/vragen/42');
    expect(await screen.findByRole('heading', { level: 1, name: 'Vraag 42: Giftenvrijlating bij een kostendeler' }, FIND)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Voorgelegd aan experts' })).not.toBeInTheDocument();
  });
});
