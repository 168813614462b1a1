import {
  keepPreviousData,
  useQuery,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { RefObject } from 'react';
import { useSearchParams, type To } from 'react-router-dom';

import { useFocusOnChange } from './useFocusOnChange';

/** The page envelope every list of the API answers with. */
export interface Page<T = unknown> {
  resultaten: T[];
  paginering: { pagina: number; aantalPaginas: number; totaal: number };
}

/** What a status message may depend on. */
export interface ListContext<F> {
  /** How many results all pages hold together. */
  total: number;
  filters: F;
  params: URLSearchParams;
}

type Message<F> = string | ((context: ListContext<F>) => string);

/** The texts of the status region (announced to screen readers), in Dutch. */
export interface ListMessages<F> {
  loading: string;
  /**
   * While another page or other filters load, the previous results stay on screen; with this
   * text the status says so, without it the previous count stays.
   */
  updating?: string;
  empty: Message<F>;
  found: Message<F>;
}

export interface PagedListOptions<F, P extends Page, K extends QueryKey> {
  /** The API's filters (page included) from the page's URL, leaving out what the API would refuse. */
  filtersFrom: (params: URLSearchParams) => F;
  /** The query of one page for those filters; the previous page stays shown while the next loads. */
  query: (filters: F) => UseQueryOptions<P, Error, P, K>;
  messages: ListMessages<F>;
}

export interface PagedList<F, P extends Page> {
  params: URLSearchParams;
  filters: F;
  query: UseQueryResult<P>;
  status: string;
  /** Where the page links go: the same filters, another page. */
  hrefFor: (page: number) => To;
  /** For the results heading: focus moves there whenever the URL's filters or page change. */
  resultsRef: RefObject<HTMLHeadingElement | null>;
}

/**
 * A list page whose filters and page live in the URL (so they survive reload, back and a shared
 * link): reads them, fetches that page, words the status, links the other pages and moves focus
 * to the results after a change.
 */
export function usePagedList<F, P extends Page, K extends QueryKey>({
  filtersFrom,
  query,
  messages,
}: PagedListOptions<F, P, K>): PagedList<F, P> {
  const [params] = useSearchParams();
  const filters = filtersFrom(params);
  const result = useQuery({ placeholderData: keepPreviousData, ...query(filters) });
  const resultsRef = useFocusOnChange(params.toString());
  const hrefFor = (page: number): To => {
    const next = new URLSearchParams(params);
    next.set('pagina', String(page));
    return { search: next.toString() };
  };
  return { params, filters, query: result, status: listStatus(result, messages, filters, params), hrefFor, resultsRef };
}

function listStatus<F>(
  query: UseQueryResult<Page>,
  messages: ListMessages<F>,
  filters: F,
  params: URLSearchParams,
): string {
  if (query.isPending) return messages.loading;
  if (messages.updating && query.isFetching && query.isPlaceholderData) return messages.updating;
  if (!query.data) return '';
  const context = { total: query.data.paginering.totaal, filters, params };
  const message = context.total === 0 ? messages.empty : messages.found;
  return typeof message === 'string' ? message : message(context);
}

/** "1 vraag", "3 vragen": a count with the noun that fits it. */
export function counted(total: number, one: string, many: string): string {
  return `${total} ${total === 1 ? one : many}`;
}
