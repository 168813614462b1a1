import { Heading } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { ErrorAlert } from './ErrorAlert';
import { Pagination } from './Pagination';
import { StatusMessage } from './StatusMessage';
import type { Page, PagedList } from './usePagedList';

interface PagedResultsProps<P extends Page> {
  list: PagedList<unknown, P>;
  /** Text of the results heading (id "resultaten"), which gets the focus after a change. */
  heading: ReactNode;
  /** The results of a page that has any; the page links follow them. */
  children: (page: P) => ReactNode;
}

/**
 * The results part of a paged list page: a focusable heading, the status message, an error with a
 * retry button, and the results with page links (nothing when there are no results).
 */
export function PagedResults<P extends Page>({ list, heading, children }: PagedResultsProps<P>) {
  const { query, status, hrefFor, resultsRef } = list;
  return (
    <>
      <Heading level={2} id="resultaten" tabIndex={-1} ref={resultsRef}>
        {heading}
      </Heading>
      <StatusMessage>{status}</StatusMessage>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.resultaten.length > 0 && (
        <>
          {children(query.data)}
          <Pagination page={query.data.paginering.pagina} pages={query.data.paginering.aantalPaginas} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
