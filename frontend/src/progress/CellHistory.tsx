import { Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';

import { useCurrentUser } from '../auth/session';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { DataTable } from '../shared/DataTable';
import { useCellHistory } from './api';
import { byText, changeLines } from './history';
import type { Cell } from './types';

/** Every recorded change of one cell, newest first. */
export function CellHistory({ cell }: { cell: Cell }) {
  const user = useCurrentUser();
  const history = useCellHistory(cell.gemeente.code, cell.maatregel.code);
  const titles = new Map(cell.stappen.map((step) => [step.code, step.titel]));
  const titleOf = (code: string) => titles.get(code) ?? code;
  const subject = user ? `user:${user.id}` : null;

  return (
    <section aria-labelledby="geschiedenis-kop" className="spoorboek-section">
      <Heading level={2} id="geschiedenis-kop">
        Geschiedenis
      </Heading>
      <StatusMessage>{history.isPending ? 'Geschiedenis laden…' : ''}</StatusMessage>
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.data?.length === 0 && <Paragraph>Nog geen wijzigingen vastgelegd.</Paragraph>}
      {history.data && history.data.length > 0 && (
        <DataTable
          id="geschiedenis-tabel"
          caption="Alle wijzigingen, nieuwste eerst"
          columns={['Versie', 'Wanneer', 'Door', 'Wijzigingen']}
        >
          {[...history.data].reverse().map((entry) => (
            <TableRow key={entry.versie}>
              <TableCell>{entry.versie}</TableCell>
              <TableCell>
                <DutchDateTime value={entry.tijdstip} />
              </TableCell>
              <TableCell>{byText(entry.bron, entry.door, subject)}</TableCell>
              <TableCell className="spoorboek-details">
                <ul className="spoorboek-cell-list">
                  {changeLines(entry, titleOf).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}
