import { Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';

import { useCurrentUser } from '../auth/session';
import { actorText } from '../questions/labels';
import { DataTable } from '../shared/DataTable';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useSignalHistory } from './api';
import { eventText } from './labels';
import type { SignalRead } from './types';

/** Every step of the signal, newest first (team only); municipalities by name where the signal names them. */
export function SignalHistory({ signal }: { signal: SignalRead }) {
  const history = useSignalHistory(signal.id);
  const places = Object.fromEntries(
    [signal.gemeente, ...signal.knelpunten.map((blocker) => blocker.gemeente), ...signal.ookBij.map((support) => support.gemeente)]
      .filter((place) => place !== null)
      .map((place) => [place.code, place.naam]),
  );
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
              <TableCell>{eventText(event, places)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}
