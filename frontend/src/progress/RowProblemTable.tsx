import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { ScrollTable } from '../admin/ScrollTable';
import type { RowProblem } from './upload';

/** The problems of a refused upload: one table row per problem, by row number and column. */
export function RowProblemTable({ problems }: { problems: RowProblem[] }) {
  return (
    <ScrollTable labelledBy="rijfouten-tabel">
      <Table className="spoorboek-table">
        <caption id="rijfouten-tabel" className="spoorboek-caption">
          Fouten per rij (rij 1 is de eerste rij onder de kopregel)
        </caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Rij</TableHeaderCell>
            <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
            <TableHeaderCell scope="col">Maatregel</TableHeaderCell>
            <TableHeaderCell scope="col">Kolom</TableHeaderCell>
            <TableHeaderCell scope="col">Melding</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {problems.map((problem, index) => (
            <TableRow key={`${problem.row}-${index}`}>
              <TableCell>{problem.row}</TableCell>
              <TableCell>{problem.municipality || '–'}</TableCell>
              <TableCell>{problem.measure || '–'}</TableCell>
              <TableCell>{problem.column ?? '–'}</TableCell>
              <TableCell className="spoorboek-details">{problem.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollTable>
  );
}
