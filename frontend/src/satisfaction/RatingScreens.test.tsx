import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { json, mockApi, problem, requestsOf } from '../test/mockApi';
import { renderApp } from '../test/renderApp';
import { AnswerRatingSection } from './AnswerRatingSection';
import type { AnswerRating, AnswerRatingWrite } from './ratingApi';

const FIND = { timeout: 5000 };
const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';
const PATH = '/api/v1/antwoordbeoordeling';

function makeRating(overrides: Partial<AnswerRating> = {}): AnswerRating {
  return {
    vraagId: 42,
    onderwerp: 'Giftenvrijlating: beleidsregels aanpassen',
    score: null,
    toelichting: null,
    toelichtingAfgeschermd: false,
    wijzigbaarTot: '2026-12-20T10:00:00Z',
    wijzigbaar: true,
    beoordeeldOp: null,
    gewijzigdOp: null,
    ...overrides,
  };
}

function requestsTo(fetchMock: ReturnType<typeof mockApi>, method: string): Request[] {
  return requestsOf(fetchMock).filter((r) => r.method === method && new URL(r.url).pathname === PATH);
}

describe('the rating page behind the mail links', () => {
  it('records the link’s score with one PUT and shows it, ready to change', async () => {
    let stored = makeRating();
    const sent: AnswerRatingWrite[] = [];
    const fetchMock = mockApi({
      [`GET ${PATH}`]: () => json(stored),
      [`PUT ${PATH}`]: async (_url, request) => {
        const body = (await request.json()) as { score: number; toelichting: string | null };
        sent.push(body);
        stored = { ...stored, score: body.score, toelichting: body.toelichting };
        return json(stored);
      },
    });
    renderApp(`/antwoord-beoordelen?token=${TOKEN}&score=4`);

    expect(await screen.findByText('Uw beoordeling is opgeslagen: 4 van 5 (nuttig).', { exact: false }, FIND)).toBeInTheDocument();
    const puts = requestsTo(fetchMock, 'PUT');
    expect(puts).toHaveLength(1);
    expect(new URL(puts[0]?.url ?? '').searchParams.get('token')).toBe(TOKEN);
    expect(requestsTo(fetchMock, 'GET')).toHaveLength(1);
    expect(screen.getByRole('radio', { name: '4 – nuttig' })).toBeChecked();

    fireEvent.click(screen.getByRole('radio', { name: '5 – zeer nuttig' }));
    fireEvent.change(screen.getByLabelText('Toelichting (niet verplicht)'), { target: { value: 'Helder.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Beoordeling opslaan' }));
    expect(await screen.findByText('Opgeslagen: 5 van 5 (zeer nuttig).', {}, FIND)).toBeInTheDocument();
    expect(sent).toEqual([
      { score: 4, toelichting: null },
      { score: 5, toelichting: 'Helder.' },
    ]);
  });

  it('records nothing without a score in the link, nor after the window', async () => {
    const fetchMock = mockApi({ [`GET ${PATH}`]: () => json(makeRating({ score: 3, wijzigbaar: false })) });
    renderApp(`/antwoord-beoordelen?token=${TOKEN}&score=1`);
    expect(await screen.findByRole('heading', { name: 'De termijn om te beoordelen is voorbij' }, FIND)).toBeInTheDocument();
    expect(screen.getByText(/3 van 5 \(redelijk nuttig\)/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Beoordeling opslaan' })).not.toBeInTheDocument();
    expect(requestsTo(fetchMock, 'PUT')).toHaveLength(0);
  });

  it('says so when the link is unknown', async () => {
    mockApi({ [`GET ${PATH}`]: () => problem(404, 'Niet gevonden', 'Deze beoordelingslink bestaat niet (meer).') });
    renderApp(`/antwoord-beoordelen?token=${TOKEN}&score=2`);
    expect(await screen.findByRole('heading', { name: 'Deze beoordelingslink kennen we niet' }, FIND)).toBeInTheDocument();
  });
});

describe('the rating on the team’s question page', () => {
  function renderSection() {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <AnswerRatingSection questionId={42} team />
      </QueryClientProvider>,
    );
  }

  it('shows the score and says a comment is withheld without showing it', async () => {
    mockApi({
      '/api/v1/vragen/42/beoordeling': () =>
        json(makeRating({ score: 2, toelichtingAfgeschermd: true, gewijzigdOp: '2026-12-06T10:00:00Z' })),
    });
    renderSection();
    expect(await screen.findByText(/2 van 5 \(weinig nuttig\)/, {}, FIND)).toBeInTheDocument();
    expect(screen.getByText(/er staan mogelijk persoonsgegevens in/)).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows nothing for a question without a rating', async () => {
    const fetchMock = mockApi({ '/api/v1/vragen/42/beoordeling': () => problem(404, 'Niet gevonden', 'Geen beoordeling.') });
    renderSection();
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
  });
});
