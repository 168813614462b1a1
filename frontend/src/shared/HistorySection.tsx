import { Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import type { UseQueryResult } from '@tanstack/react-query';

import { useCurrentUser } from '../auth/session';
import { actorText } from '../questions/labels';
import { DataTable } from './DataTable';
import { DutchDateTime } from './DutchDateTime';
import { ErrorAlert } from './ErrorAlert';
import { StatusMessage } from './StatusMessage';

interface HistoryEvent {
  op: string;
  door: string;
  doorNaam: string | null;
}

/** A record's steps, newest first, with who took each (the team's view of a question or a signal). */
export function HistorySection<E extends HistoryEvent>({
  history,
  describe,
}: {
  history: UseQueryResult<E[]>;
  describe: (event: E) => string;
}) {
  const userId = useCurrentUser()?.id ?? null;
  return (
    <section aria-labelledby="geschiedenis-kop" className="spoorboek-section">
      <Heading level={2} id="geschiedenis-kop">
        Geschiedenis
      </Heading>
      <StatusMessage>{history.isPending ? 'Geschiedenis laden…' : ''}</StatusMessage>
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.data?.length === 0 && <Paragraph>Nog niets vastgelegd.</Paragraph>}
      {history.data && history.data.length > 0 && (
        <DataTable id="geschiedenis-tabel" caption="Alle stappen, nieuwste eerst" columns={['Wanneer', 'Door', 'Wat']}>
          {[...history.data].reverse().map((event, index) => (
            <TableRow key={`${event.op}-${index}`}>
              <TableCell>
                <DutchDateTime value={event.op} />
              </TableCell>
              <TableCell>{actorText(event.door, event.doorNaam, userId)}</TableCell>
              <TableCell>{describe(event)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}
