import { Table, TableBody, TableHeader, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { PagedResults } from './PagedResults';
import { ScrollTable } from './ScrollTable';
import type { Page, PagedList } from './usePagedList';

interface ResultListProps<T> {
  list: PagedList<unknown, Page<T>>;
  /** Text of the results heading; focus moves to it whenever the URL's filters or page change. */
  heading: ReactNode;
  /** The header cells of the table. */
  columns: ReactNode;
  /** One table row (with its key) per result. */
  renderRow: (item: T) => ReactNode;
}

/** The results of a paged list page as a table, scrolling sideways on small screens. */
export function ResultList<T>({ list, heading, columns, renderRow }: ResultListProps<T>) {
  return (
    <PagedResults list={list} heading={heading}>
      {(page) => (
        <ScrollTable labelledBy="resultaten">
          <Table className="spoorboek-table" aria-labelledby="resultaten">
            <TableHeader>
              <TableRow>{columns}</TableRow>
            </TableHeader>
            <TableBody>{page.resultaten.map(renderRow)}</TableBody>
          </Table>
        </ScrollTable>
      )}
    </PagedResults>
  );
}
