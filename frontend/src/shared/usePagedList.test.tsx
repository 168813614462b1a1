import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useNavigate } from 'react-router-dom';
import { describe, expect, it } from 'vitest';

import { PagedResults } from './PagedResults';
import { counted, usePagedList, type ListMessages, type Page } from './usePagedList';

interface Filters {
  pagina: number;
  zoek?: string;
}

function filtersFrom(params: URLSearchParams): Filters {
  const filters: Filters = { pagina: Number(params.get('pagina') ?? '1') };
  const zoek = params.get('zoek');
  if (zoek) filters.zoek = zoek;
  return filters;
}

function makePage(pagina: number, names: string[], totaal = names.length, aantalPaginas = 1): Page<string> {
  return { resultaten: names, paginering: { pagina, aantalPaginas, totaal } };
}

/** A promise the test settles when it wants, to see the states in between. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const MESSAGES: ListMessages<Filters> = {
  loading: 'Namen laden…',
  empty: ({ filters }) => (filters.zoek ? `Niets gevonden voor "${filters.zoek}".` : 'Er zijn nog geen namen.'),
  found: ({ total }) => `${counted(total, 'naam', 'namen')} gevonden.`,
};

function setUp(path: string, fetchPage: (filters: Filters) => Promise<Page<string>>, messages = MESSAGES) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]} useTransitions={false}>
        {children}
      </MemoryRouter>
    </QueryClientProvider>
  );
  return renderHook(
    () => ({
      list: usePagedList({
        filtersFrom,
        query: (filters: Filters) => ({ queryKey: ['namen', filters], queryFn: () => fetchPage(filters) }),
        messages,
      }),
      navigate: useNavigate(),
    }),
    { wrapper },
  );
}

describe('usePagedList', () => {
  it('fetches the page the URL names, with its filters', async () => {
    const asked: Filters[] = [];
    const { result } = setUp('/namen?zoek=an&pagina=2', (filters) => {
      asked.push(filters);
      return Promise.resolve(makePage(2, ['Anna', 'Jan'], 22, 2));
    });
    expect(result.current.list.filters).toEqual({ pagina: 2, zoek: 'an' });
    await waitFor(() => expect(result.current.list.query.data?.resultaten).toEqual(['Anna', 'Jan']));
    expect(asked).toEqual([{ pagina: 2, zoek: 'an' }]);
  });

  it('says it is loading, then how many there are', async () => {
    const page = deferred<Page<string>>();
    const { result } = setUp('/namen', () => page.promise);
    expect(result.current.list.status).toBe('Namen laden…');
    page.resolve(makePage(1, ['Anna'], 1));
    await waitFor(() => expect(result.current.list.status).toBe('1 naam gevonden.'));
  });

  it('words an empty list by its filters', async () => {
    const filtered = setUp('/namen?zoek=xyz', () => Promise.resolve(makePage(1, [])));
    await waitFor(() => expect(filtered.result.current.list.status).toBe('Niets gevonden voor "xyz".'));
    const all = setUp('/namen', () => Promise.resolve(makePage(1, [])));
    await waitFor(() => expect(all.result.current.list.status).toBe('Er zijn nog geen namen.'));
  });

  it('keeps the previous page while the next loads, and says so when it has words for it', async () => {
    const second = deferred<Page<string>>();
    const fetchPage = (filters: Filters) =>
      filters.pagina === 1 ? Promise.resolve(makePage(1, ['Anna'], 2, 2)) : second.promise;
    const { result } = setUp('/namen', fetchPage, { ...MESSAGES, updating: 'Lijst bijwerken…' });
    await waitFor(() => expect(result.current.list.status).toBe('2 namen gevonden.'));

    act(() => void result.current.navigate('/namen?pagina=2'));
    await waitFor(() => expect(result.current.list.status).toBe('Lijst bijwerken…'));
    expect(result.current.list.query.data?.resultaten).toEqual(['Anna']);

    second.resolve(makePage(2, ['Jan'], 2, 2));
    await waitFor(() => expect(result.current.list.query.data?.resultaten).toEqual(['Jan']));
    expect(result.current.list.status).toBe('2 namen gevonden.');
  });

  it('keeps the previous count while the next page loads when it has no words for updating', async () => {
    const second = deferred<Page<string>>();
    const fetchPage = (filters: Filters) =>
      filters.pagina === 1 ? Promise.resolve(makePage(1, ['Anna'], 2, 2)) : second.promise;
    const { result } = setUp('/namen', fetchPage);
    await waitFor(() => expect(result.current.list.status).toBe('2 namen gevonden.'));

    act(() => void result.current.navigate('/namen?pagina=2'));
    await waitFor(() => expect(result.current.list.query.isFetching).toBe(true));
    expect(result.current.list.status).toBe('2 namen gevonden.');
    second.resolve(makePage(2, ['Jan'], 2, 2));
  });

  it('links other pages with the same filters', () => {
    const { result } = setUp('/namen?zoek=an&pagina=2', () => new Promise(() => {}));
    expect(result.current.list.hrefFor(3)).toEqual({ search: 'zoek=an&pagina=3' });
    expect(result.current.list.hrefFor(1)).toEqual({ search: 'zoek=an&pagina=1' });
  });
});

function NameList({ fetchPage }: { fetchPage: (filters: Filters) => Promise<Page<string>> }) {
  const list = usePagedList({
    filtersFrom,
    query: (filters: Filters) => ({ queryKey: ['namen', filters], queryFn: () => fetchPage(filters) }),
    messages: MESSAGES,
  });
  return (
    <PagedResults list={list} heading="Resultaten">
      {(page) => (
        <ul aria-labelledby="resultaten">
          {page.resultaten.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
    </PagedResults>
  );
}

function renderList(path: string, fetchPage: (filters: Filters) => Promise<Page<string>>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]} useTransitions={false}>
        <NameList fetchPage={fetchPage} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('PagedResults', () => {
  it('shows the results and page links, and moves focus to the results after following one', async () => {
    const pages: Record<number, string[]> = { 1: ['Anna', 'Bert'], 2: ['Jan'] };
    renderList('/namen', (filters) => Promise.resolve(makePage(filters.pagina, pages[filters.pagina] ?? [], 3, 2)));

    expect(await screen.findByText('Bert')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('3 namen gevonden.');
    expect(screen.getByText('Pagina 1 van 2')).toBeInTheDocument();
    const heading = screen.getByRole('heading', { name: 'Resultaten' });
    expect(heading).not.toHaveFocus();

    fireEvent.click(screen.getByRole('link', { name: 'Volgende pagina' }));
    expect(await screen.findByText('Jan')).toBeInTheDocument();
    expect(screen.getByText('Pagina 2 van 2')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Vorige pagina' })).toBeInTheDocument();
    expect(heading).toHaveFocus();
  });

  it('shows neither a list nor page links when nothing is found', async () => {
    renderList('/namen', () => Promise.resolve(makePage(1, [])));
    expect(await screen.findByText('Er zijn nog geen namen.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Paginering' })).not.toBeInTheDocument();
  });

  it('shows a failed request with a way to try again', async () => {
    let calls = 0;
    renderList('/namen', () => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('network')) : Promise.resolve(makePage(1, ['Anna']));
    });
    expect(await screen.findByText('De server is niet bereikbaar')).toBeInTheDocument();
    expect(screen.getByRole('status').textContent).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByText('Anna')).toBeInTheDocument();
    expect(screen.queryByText('De server is niet bereikbaar')).not.toBeInTheDocument();
  });
});

describe('counted', () => {
  it('puts the noun that fits beside the number', () => {
    expect(counted(0, 'vraag', 'vragen')).toBe('0 vragen');
    expect(counted(1, 'vraag', 'vragen')).toBe('1 vraag');
    expect(counted(2, 'vraag', 'vragen')).toBe('2 vragen');
  });
});
