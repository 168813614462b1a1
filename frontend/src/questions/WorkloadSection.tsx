import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { DataTable } from '../shared/DataTable';
import { DutchDate } from '../shared/DutchDate';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useWorkload } from './api';
import { INBOX_PATH } from './paths';

/** Open, overdue and nearly overdue questions per advisor, each count a link to those questions. */
export function WorkloadSection() {
  const workload = useWorkload();
  const link = (assignee: string, extra: string, count: number) => (
    <AppLink to={`${INBOX_PATH}?behandelaar=${assignee}${extra}`}>{count}</AppLink>
  );
  return (
    <section aria-labelledby="werkvoorraad-kop" className="spoorboek-section">
      <Heading level={2} id="werkvoorraad-kop">
        Werkvoorraad
      </Heading>
      <StatusMessage>{workload.isPending ? 'Werkvoorraad laden…' : ''}</StatusMessage>
      {workload.isError && <ErrorAlert error={workload.error} onRetry={() => void workload.refetch()} />}
      {workload.data && workload.data.resultaten.length === 0 && <Paragraph>Er staan geen vragen open.</Paragraph>}
      {workload.data && workload.data.resultaten.length > 0 && (
        <>
          <Paragraph>
            Stand op <DutchDate value={workload.data.peildatum} />.
          </Paragraph>
          <DataTable
            id="werkvoorraad-tabel"
            caption="Open vragen per adviseur"
            columns={['Adviseur', 'Open', 'Verlopen', 'Bijna verlopen']}
          >
            {workload.data.resultaten.map((row) => {
              const who = row.behandelaar ? String(row.behandelaar.id) : 'niemand';
              return (
                <TableRow key={who}>
                  <TableHeaderCell scope="row" className="spoorboek-row-header">
                    {row.behandelaar?.naam ?? 'Nog niet toegewezen'}
                  </TableHeaderCell>
                  <TableCell>{link(who, '', row.open)}</TableCell>
                  <TableCell>{link(who, '&termijn=verlopen', row.verlopen)}</TableCell>
                  <TableCell>{link(who, '&termijn=bijna-verlopen', row.bijnaVerlopen)}</TableCell>
                </TableRow>
              );
            })}
          </DataTable>
        </>
      )}
    </section>
  );
}
