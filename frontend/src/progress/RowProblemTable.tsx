import { TableCell, TableRow } from '@utrecht/component-library-react';

import { constantColumns } from '../shared/constantColumns';
import { DataTable } from '../shared/DataTable';
import type { RowProblem } from './upload';

// A file for one municipality (or one measure) has the same value in every row: said once above.
const COLUMNS = {
  municipality: { name: 'gemeente', value: (problem: RowProblem) => problem.municipality || '–' },
  measure: { name: 'maatregel', value: (problem: RowProblem) => problem.measure || '–' },
  column: { name: 'kolom', value: (problem: RowProblem) => problem.column ?? '–' },
};

const LABELS = { municipality: 'Gemeente', measure: 'Maatregel', column: 'Kolom' } as const;

/** The problems of a refused upload: one table row per problem, by row number and column. */
export function RowProblemTable({ problems }: { problems: RowProblem[] }) {
  const { hidden, same } = constantColumns(problems, COLUMNS);
  const shown = (Object.keys(LABELS) as (keyof typeof LABELS)[]).filter((key) => !hidden.has(key));
  return (
    <DataTable
      id="rijfouten-tabel"
      caption="Fouten per rij (het regelnummer in het bestand; de kopregel is regel 1)"
      visibleCaption
      columns={['Rij', ...shown.map((key) => LABELS[key]), 'Melding']}
      sameInEveryRow={same}
    >
      {problems.map((problem, index) => (
        <TableRow key={`${problem.row}-${index}`}>
          <TableCell>{problem.row}</TableCell>
          {shown.map((key) => (
            <TableCell key={key}>{COLUMNS[key].value(problem)}</TableCell>
          ))}
          <TableCell className="spoorboek-details">{problem.message}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
