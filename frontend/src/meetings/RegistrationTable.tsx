import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  SecondaryActionButton,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';

import { ApiError } from '../api/problem';
import { UNREACHABLE } from '../forms/errors';
import { formatDutchDateTime } from '../shared/dateTime';
import { ScrollTable } from '../shared/ScrollTable';
import { StatusMessage } from '../shared/StatusMessage';
import { cancelRegistration, meetingKeys } from './api';
import { ATTENDANCE_LABELS } from './labels';
import type { Registration } from './types';

/** A registration's status in words: the place on the waiting list, when it was cancelled. */
export function registrationStatusText(registration: Registration): string {
  if (registration.status === 'wachtlijst') {
    return registration.plaatsOpWachtlijst ? `Wachtlijst, plaats ${registration.plaatsOpWachtlijst}` : 'Wachtlijst';
  }
  if (registration.status === 'afgemeld') {
    return registration.afgemeldOp ? `Afgemeld op ${formatDutchDateTime(registration.afgemeldOp)}` : 'Afgemeld';
  }
  return registration.aanwezigheid ? `Aangemeld – ${ATTENDANCE_LABELS[registration.aanwezigheid].toLowerCase()}` : 'Aangemeld';
}

interface RegistrationTableProps {
  meetingId: number;
  registrations: Registration[];
  /** Id of the heading that names the table. */
  labelledBy: string;
  /** Whether "Afmelden" is offered (not for meetings that are over or cancelled). */
  cancellable: boolean;
}

/** Registrations with their status and, while the meeting is still to come, "Afmelden". */
export function RegistrationTable({ meetingId, registrations, labelledBy, cancellable }: RegistrationTableProps) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const cancel = useMutation({
    mutationFn: (registration: Registration) => cancelRegistration(meetingId, registration.id),
    onSuccess: async (_, registration) => {
      setMessage(`${registration.naam} is afgemeld.`);
      await queryClient.invalidateQueries({ queryKey: meetingKeys.private });
    },
    onError: (error, registration) =>
      setMessage(
        `Afmelden van ${registration.naam} lukte niet: ${error instanceof ApiError ? (error.detail ?? error.title) : UNREACHABLE}`,
      ),
  });
  const withGemeente = registrations.some((registration) => registration.gemeente);
  return (
    <>
      <ScrollTable labelledBy={labelledBy}>
        <Table className="spoorboek-table spoorboek-registrations" aria-labelledby={labelledBy}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Naam</TableHeaderCell>
              {withGemeente && <TableHeaderCell scope="col">Gemeente</TableHeaderCell>}
              <TableHeaderCell scope="col">Status</TableHeaderCell>
              {cancellable && (
                <TableHeaderCell scope="col">
                  <span className="spoorboek-visually-hidden">Actie</span>
                </TableHeaderCell>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {registrations.map((registration) => (
              <TableRow key={registration.id}>
                <TableCell>{registration.naam}</TableCell>
                {withGemeente && <TableCell>{registration.gemeente?.naam ?? ''}</TableCell>}
                <TableCell>{registrationStatusText(registration)}</TableCell>
                {cancellable && (
                  <TableCell>
                    {registration.status !== 'afgemeld' && (
                      <SecondaryActionButton
                        type="button"
                        busy={cancel.isPending && cancel.variables.id === registration.id}
                        disabled={cancel.isPending}
                        onClick={() => cancel.mutate(registration)}
                        aria-label={`Afmelden: ${registration.naam}`}
                      >
                        Afmelden
                      </SecondaryActionButton>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollTable>
      <StatusMessage>{message}</StatusMessage>
    </>
  );
}
