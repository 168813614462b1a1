import { Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';

import { DataTable } from '../shared/DataTable';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useReadinessHistory } from './api';
import { sourceLabel, whoText } from './labels';
import { ReadinessCells } from './ReadinessCells';
import type { Readiness } from './types';

/** One measure's reports, newest first; loaded when opened. */
function MeasureHistory({ applicationId, readiness }: { applicationId: number; readiness: Readiness }) {
  const [open, setOpen] = useState(false);
  const code = readiness.maatregel.code;
  const history = useReadinessHistory(applicationId, code, open);
  const entries = history.data?.resultaten ?? [];
  return (
    <details className="spoorboek-ict-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {code} {readiness.maatregel.naam}
      </summary>
      {open && (
        <>
          <StatusMessage>
            {history.isPending ? 'Geschiedenis laden…' : history.data && entries.length === 0 ? 'Voor deze maatregel is nog niets gemeld.' : ''}
          </StatusMessage>
          {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
          {entries.length > 0 && (
            <DataTable
              id={`historie-${code}`}
              caption={`Meldingen voor ${code}, nieuwste eerst`}
              columns={['Gemeld op', 'Status', 'Release', 'Datum', 'Bron', 'Door']}
            >
              {entries.map((entry, index) => (
                <TableRow key={`${entry.op}-${index}`}>
                  <TableCell className="spoorboek-nowrap">
                    <DutchDateTime value={entry.op} />
                  </TableCell>
                  <ReadinessCells status={entry.status} release={entry.release} datum={entry.datum} />
                  <TableCell>{sourceLabel(entry.bron)}</TableCell>
                  <TableCell>{whoText(entry.door)}</TableCell>
                </TableRow>
              ))}
            </DataTable>
          )}
        </>
      )}
    </details>
  );
}

/** Every report per measure, with its source and who made it. */
export function ReadinessHistorySection({ applicationId, readiness }: { applicationId: number; readiness: Readiness[] }) {
  return (
    <section aria-labelledby="historie-kop" className="spoorboek-section">
      <Heading level={2} id="historie-kop">
        Geschiedenis per maatregel
      </Heading>
      <Paragraph>Elke melding blijft bewaard, met de bron: de leverancier zelf of het programmateam.</Paragraph>
      {readiness.map((entry) => (
        <MeasureHistory key={entry.maatregel.code} applicationId={applicationId} readiness={entry} />
      ))}
    </section>
  );
}
