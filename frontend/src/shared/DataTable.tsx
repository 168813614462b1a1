import { Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { ScrollTable } from './ScrollTable';

/** A column's header, with a class where the column needs one (e.g. no line breaks). */
export type DataTableColumn = string | { label: string; className?: string };

interface DataTableProps {
  /** The caption's id; the scroll region is named by it too. */
  id: string;
  caption: string;
  /** Show the caption; by default it is for screen readers only (a heading above says the same). */
  visibleCaption?: boolean;
  columns: DataTableColumn[];
  children: ReactNode;
}

/** A data table of the screens: captioned, with column headers, scrolling sideways on small screens. */
export function DataTable({ id, caption, visibleCaption = false, columns, children }: DataTableProps) {
  return (
    <ScrollTable labelledBy={id}>
      <Table className="spoorboek-table">
        <caption id={id} className={visibleCaption ? 'spoorboek-caption' : 'spoorboek-visually-hidden'}>
          {caption}
        </caption>
        <TableHeader>
          <TableRow>
            {columns.map((column) => {
              const { label, className } = typeof column === 'string' ? { label: column, className: undefined } : column;
              return (
                <TableHeaderCell key={label} scope="col" className={className}>
                  {label}
                </TableHeaderCell>
              );
            })}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </ScrollTable>
  );
}
