import { Paragraph, Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { sameInEveryRowText } from './constantColumns';
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
  /**
   * Columns left out because every row has the same value (see constantColumns.ts), as
   * [name, value]: said once above the table ("Alle rijen: fase 1.").
   */
  sameInEveryRow?: readonly [string, string][];
  children: ReactNode;
}

/** A data table of the screens: captioned, with column headers, scrolling sideways on small screens. */
export function DataTable({ id, caption, visibleCaption = false, columns, sameInEveryRow = [], children }: DataTableProps) {
  return (
    <>
      {sameInEveryRow.length > 0 && <Paragraph id={`${id}-gelijk`}>{sameInEveryRowText(sameInEveryRow)}</Paragraph>}
      <ScrollTable labelledBy={id}>
        <Table className="spoorboek-table" aria-describedby={sameInEveryRow.length > 0 ? `${id}-gelijk` : undefined}>
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
    </>
  );
}
