import { Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';

import { useCurrentUser } from '../auth/session';
import { DataTable } from '../shared/DataTable';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useHistory } from './api';
import { actorText, eventText } from './labels';

/** Every step of the question, newest first (team only). */
export function QuestionHistory({ questionId }: { questionId: number }) {
  const history = useHistory(questionId);
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
              <TableCell>{eventText(event)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}
