import {
  Alert,
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  Select,
  SelectOption,
  TableCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';

import { mapErrorToForm } from '../../forms/errors';
import { DataTable } from '../../shared/DataTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { ATTENDANCE_LABELS } from '../labels';
import { formatMeetingTime } from '../logic';
import { saveAttendance, useCheckInList } from './api';
import { plural } from './labels';
import type { Attendance, CheckInRow, MeetingDetail } from './types';
import { useMeetingAction } from './useMeetingAction';
import { useHasStarted } from './useHasStarted';

const CHOICES = Object.entries(ATTENDANCE_LABELS) as [Attendance, string][];

function where(row: CheckInRow): string {
  return row.gemeente?.naam ?? row.organisatie?.naam ?? '–';
}

/**
 * The check-in list: everyone registered, by municipality, each marked present, absent or
 * cancelled late, all saved in one step. On paper it is the list to tick at the door.
 */
export function CheckInSection({ meeting }: { meeting: MeetingDetail }) {
  const list = useCheckInList(meeting.id);
  // Only what was changed here; the rest shows what is recorded.
  const [changed, setChanged] = useState<Record<number, Attendance>>({});
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<string[]>([]);
  // Attendance is recorded from the start on; the page keeps the moment it was opened.
  const started = useHasStarted(meeting.begin);
  const save = useMeetingAction(meeting.id, (entries: { aanmelding: number; status: Attendance }[]) => saveAttendance(meeting.id, entries), {
    onDone: (saved) => {
      setChanged({});
      setFailure([]);
      const present = saved.aanmeldingen.filter((r) => r.aanwezigheid === 'aanwezig').length;
      setMessage(`De aanwezigheid is opgeslagen: ${plural(present, 'persoon', 'personen')} aanwezig.`);
    },
    onFailed: (error) => {
      setMessage('');
      const errors = mapErrorToForm(error, []);
      setFailure(errors.general);
    },
  });
  const rows = list.data?.aanmeldingen ?? [];
  const valueOf = (row: CheckInRow) => changed[row.aanmelding] ?? row.aanwezigheid ?? '';
  const submit = () => {
    const entries = rows
      .map((row) => ({ aanmelding: row.aanmelding, status: valueOf(row) }))
      .filter((entry): entry is { aanmelding: number; status: Attendance } => entry.status !== '');
    if (entries.length === 0) {
      setFailure(['Kies bij minstens één persoon of die aanwezig was.']);
      return;
    }
    save.mutate(entries);
  };
  const markRestAbsent = () =>
    setChanged((current) => {
      const next = { ...current };
      for (const row of rows) if (!valueOf(row)) next[row.aanmelding] = 'afwezig';
      return next;
    });

  return (
    <section aria-labelledby="presentie-kop" className="spoorboek-section spoorboek-checkin">
      <Heading level={2} id="presentie-kop">
        Presentielijst
      </Heading>
      <Paragraph className="spoorboek-print-only">
        {meeting.titel} – {formatMeetingTime(meeting.begin, meeting.einde)}
      </Paragraph>
      <StatusMessage>{list.isPending ? 'Presentielijst laden…' : ''}</StatusMessage>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && rows.length === 0 && <Paragraph>Nog niemand aangemeld.</Paragraph>}
      {!started && rows.length > 0 && (
        <Paragraph className="spoorboek-no-print">De aanwezigheid legt u vast vanaf het begin van de bijeenkomst.</Paragraph>
      )}
      {rows.length > 0 && (
        <DataTable id="presentie-tabel" caption={`Presentielijst, ${plural(rows.length, 'aanmelding', 'aanmeldingen')}`} columns={['Naam', 'Gemeente of organisatie', 'Aanwezigheid']}>
          {rows.map((row) => (
            <TableRow key={row.aanmelding}>
              <TableCell>{row.naam}</TableCell>
              <TableCell>{where(row)}</TableCell>
              <TableCell>
                <Select
                  aria-label={`Aanwezigheid van ${row.naam}`}
                  value={valueOf(row)}
                  disabled={!started}
                  onChange={(event) => setChanged((current) => ({ ...current, [row.aanmelding]: event.target.value as Attendance }))}
                >
                  <SelectOption value="" disabled>
                    Nog niet vastgelegd
                  </SelectOption>
                  {CHOICES.map(([value, label]) => (
                    <SelectOption key={value} value={value}>
                      {label}
                    </SelectOption>
                  ))}
                </Select>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      {failure.length > 0 && (
        <Alert type="error" className="spoorboek-no-print">
          <Paragraph>{failure.join(' ')}</Paragraph>
        </Alert>
      )}
      <ButtonGroup className="spoorboek-no-print">
        {rows.length > 0 && started && (
          <>
            <PrimaryActionButton type="button" busy={save.isPending} disabled={save.isPending} onClick={submit}>
              Aanwezigheid opslaan
            </PrimaryActionButton>
            <SecondaryActionButton type="button" onClick={markRestAbsent}>
              Wie nog niets heeft: afwezig
            </SecondaryActionButton>
          </>
        )}
        {rows.length > 0 && (
          <SecondaryActionButton type="button" onClick={() => window.print()}>
            Presentielijst afdrukken
          </SecondaryActionButton>
        )}
      </ButtonGroup>
      <StatusMessage>{message}</StatusMessage>
    </section>
  );
}
