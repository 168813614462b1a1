import { Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';

import { DataTable } from '../../shared/DataTable';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { useRegistrations } from '../api';
import { ATTENDANCE_LABELS, REGISTRATION_LABELS } from '../labels';
import { plural } from './labels';
import type { Places, Registration } from './types';

/** "12 aangemeld, 3 op de wachtlijst, 8 plaatsen vrij (van 20)". */
export function placesSummary(places: Places): string {
  const parts = [`${places.aangemeld} aangemeld`, `${places.wachtlijst} op de wachtlijst`];
  if (places.capaciteit === null) parts.push('geen grens aan het aantal plaatsen');
  else parts.push(`${plural(places.vrij ?? 0, 'plaats', 'plaatsen')} vrij (van ${places.capaciteit})`);
  return parts.join(', ');
}

function statusText(registration: Registration): string {
  if (registration.status === 'wachtlijst' && registration.plaatsOpWachtlijst !== null)
    return `Wachtlijst, plaats ${registration.plaatsOpWachtlijst}`;
  return REGISTRATION_LABELS[registration.status];
}

/** Everyone who registered, on the waiting list first by place, with the places summary. */
export function RegistrationsSection({ id }: { id: number }) {
  const registrations = useRegistrations(id, true);
  const list = registrations.data;
  return (
    <section aria-labelledby="aanmeldingen-kop" className="spoorboek-section">
      <Heading level={2} id="aanmeldingen-kop">
        Aanmeldingen
      </Heading>
      <StatusMessage>{registrations.isPending ? 'Aanmeldingen laden…' : ''}</StatusMessage>
      {registrations.isError && <ErrorAlert error={registrations.error} onRetry={() => void registrations.refetch()} />}
      {list && <Paragraph>{placesSummary(list.plaatsen)}.</Paragraph>}
      {list?.aanmeldingen.length === 0 && <Paragraph>Nog niemand aangemeld.</Paragraph>}
      {list && list.aanmeldingen.length > 0 && (
        <DataTable
          id="aanmeldingen-tabel"
          caption="Alle aanmeldingen"
          columns={['Naam', 'Gemeente of organisatie', 'Status', 'Aangemeld op', 'Aanwezigheid']}
        >
          {list.aanmeldingen.map((registration) => (
            <TableRow key={registration.id}>
              <TableCell>
                {registration.naam}
                <br />
                <span className="spoorboek-muted">{registration.email}</span>
              </TableCell>
              <TableCell>{registration.gemeente?.naam ?? registration.organisatie?.naam ?? '–'}</TableCell>
              <TableCell>{statusText(registration)}</TableCell>
              <TableCell>
                <DutchDateTime value={registration.aangemeldOp} />
              </TableCell>
              <TableCell>{registration.aanwezigheid ? ATTENDANCE_LABELS[registration.aanwezigheid] : '–'}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}
