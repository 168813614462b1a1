import type { UseQueryResult } from '@tanstack/react-query';
import { Heading, Table, TableBody, TableHeader, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { To } from 'react-router-dom';

import { ErrorAlert } from './ErrorAlert';
import { StatusMessage } from './StatusMessage';
import { Pagination } from './Pagination';
import { ScrollTable } from './ScrollTable';
import { useFocusOnChange } from './useFocusOnChange';

interface Page<T> {
  resultaten: T[];
  paginering: { pagina: number; aantalPaginas: number };
}

interface ResultListProps<T> {
  /** Text of the results heading; focus moves to it whenever `focusKey` changes. */
  heading: ReactNode;
  focusKey: string;
  /** Announced in the status region: loading, nothing found, or how many. */
  status: string;
  query: UseQueryResult<Page<T>>;
  /** The header cells of the table. */
  columns: ReactNode;
  /** One table row (with its key) per result. */
  renderRow: (item: T) => ReactNode;
  hrefFor: (page: number) => To;
}

/**
 * The results part of an admin list page: a focusable heading, a status message, an error with a
 * retry button, and the results as a table with page links (nothing when there are no results).
 */
export function ResultList<T>({ heading, focusKey, status, query, columns, renderRow, hrefFor }: ResultListProps<T>) {
  const resultsRef = useFocusOnChange(focusKey);
  return (
    <>
      <Heading level={2} id="resultaten" tabIndex={-1} ref={resultsRef}>
        {heading}
      </Heading>
      <StatusMessage>{status}</StatusMessage>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && query.data.resultaten.length > 0 && (
        <>
          <ScrollTable labelledBy="resultaten">
            <Table className="spoorboek-table" aria-labelledby="resultaten">
              <TableHeader>
                <TableRow>{columns}</TableRow>
              </TableHeader>
              <TableBody>{query.data.resultaten.map(renderRow)}</TableBody>
            </Table>
          </ScrollTable>
          <Pagination
            page={query.data.paginering.pagina}
            pages={query.data.paginering.aantalPaginas}
            hrefFor={hrefFor}
          />
        </>
      )}
    </>
  );
}
