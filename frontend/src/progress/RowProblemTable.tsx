import { TableCell, TableRow } from '@utrecht/component-library-react';

import { DataTable } from '../shared/DataTable';
import type { RowProblem } from './upload';

/** The problems of a refused upload: one table row per problem, by row number and column. */
export function RowProblemTable({ problems }: { problems: RowProblem[] }) {
  return (
    <DataTable
      id="rijfouten-tabel"
      caption="Fouten per rij (het regelnummer in het bestand; de kopregel is regel 1)"
      visibleCaption
      columns={['Rij', 'Gemeente', 'Maatregel', 'Kolom', 'Melding']}
    >
      {problems.map((problem, index) => (
        <TableRow key={`${problem.row}-${index}`}>
          <TableCell>{problem.row}</TableCell>
          <TableCell>{problem.municipality || '–'}</TableCell>
          <TableCell>{problem.measure || '–'}</TableCell>
          <TableCell>{problem.column ?? '–'}</TableCell>
          <TableCell className="spoorboek-details">{problem.message}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
