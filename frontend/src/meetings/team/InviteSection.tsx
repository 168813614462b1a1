import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  TableCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';

import { RadioGroup } from '../../forms/fields';
import { phaseLabel } from '../../progress/labels';
import { TrafficLightBadge } from '../../progress/TrafficLightBadge';
import { DataTable } from '../../shared/DataTable';
import { formatDutchDate } from '../../shared/dates';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { fetchInvitePreview, sendInvitations, teamKeys } from './api';
import { ConfirmDialog } from './ConfirmDialog';
import { CRITERION_LABELS, plural } from './labels';
import type { InviteCriterion, MeetingDetail } from './types';
import { useMeetingAction } from './useMeetingAction';

/**
 * "Uitnodigen wie achterloopt": the municipalities late or at risk on the meeting's measures, and
 * their contacts who would get an invitation; after a look at the list, one step invites them all.
 */
export function InviteSection({ meeting }: { meeting: MeetingDetail }) {
  const [criterion, setCriterion] = useState<InviteCriterion>('beide');
  const [shown, setShown] = useState<InviteCriterion | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const preview = useQuery({
    queryKey: [...teamKeys.part(meeting.id, 'uitnodigingen'), shown],
    queryFn: ({ signal }) => fetchInvitePreview(meeting.id, shown!, signal),
    enabled: shown !== null,
    staleTime: 0,
  });
  const send = useMeetingAction(meeting.id, (chosen: InviteCriterion) => sendInvitations(meeting.id, chosen), {
    onDone: ({ uitgenodigd, gemeenten }) => {
      setConfirming(false);
      setMessage(
        uitgenodigd === 0
          ? 'Er was niemand meer om uit te nodigen: wie in aanmerking kwam, is al uitgenodigd of aangemeld.'
          : `Uitgenodigd: ${plural(uitgenodigd, 'contactpersoon', 'contactpersonen')} van ${plural(gemeenten, 'gemeente', 'gemeenten')}.`,
      );
    },
    onFailed: () => setConfirming(false),
  });
  const data = shown !== null ? preview.data : undefined;

  if (meeting.maatregelen.length === 0) {
    return (
      <section aria-labelledby="uitnodigen-kop" className="spoorboek-section">
        <Heading level={2} id="uitnodigen-kop">
          Uitnodigen wie achterloopt
        </Heading>
        <Paragraph>Deze bijeenkomst gaat over geen maatregel. Kies bij Bewerken de maatregelen om gemeenten te vinden die achterlopen.</Paragraph>
      </section>
    );
  }
  return (
    <section aria-labelledby="uitnodigen-kop" className="spoorboek-section">
      <Heading level={2} id="uitnodigen-kop">
        Uitnodigen wie achterloopt
      </Heading>
      <Paragraph>
        De gemeenten die op {meeting.maatregelen.map((m) => m.code).join(', ')} te laat zijn of risico lopen (volgens het
        verkeerslicht van de voortgang), met hun contactpersonen die nog niet zijn uitgenodigd of aangemeld.
      </Paragraph>
      <RadioGroup
        id="uitnodigen-criterium"
        name="uitnodigen-criterium"
        legend="Welke gemeenten"
        value={criterion}
        onChange={(value) => setCriterion(value as InviteCriterion)}
        choices={Object.entries(CRITERION_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <ButtonGroup>
        <SecondaryActionButton
          type="button"
          onClick={() => {
            setMessage('');
            setShown(criterion);
            if (shown === criterion) void preview.refetch();
          }}
        >
          Bekijk wie een uitnodiging krijgt
        </SecondaryActionButton>
      </ButtonGroup>
      <StatusMessage>{shown !== null && preview.isFetching ? 'Gemeenten zoeken…' : ''}</StatusMessage>
      {shown !== null && preview.isError && <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />}
      {data && (
        <div aria-labelledby="voorbeeld-kop" role="region">
          <Heading level={3} id="voorbeeld-kop">
            {CRITERION_LABELS[data.criterium]}: {plural(data.aantalGemeenten, 'gemeente', 'gemeenten')},{' '}
            {plural(data.aantalContactpersonen, 'contactpersoon', 'contactpersonen')}
          </Heading>
          <Paragraph>Stand op {formatDutchDate(data.peildatum)}.</Paragraph>
          {data.gemeenten.length > 0 && (
            <DataTable
              id="voorbeeld-tabel"
              caption="Gemeenten die een uitnodiging krijgen"
              columns={['Gemeente', 'Stand op de maatregelen', 'Contactpersonen']}
            >
              {data.gemeenten.map((row) => (
                <TableRow key={row.gemeente.code}>
                  <TableCell>{row.gemeente.naam}</TableCell>
                  <TableCell>
                    <ul className="spoorboek-plain-list">
                      {row.cellen.map((cell) => (
                        <li key={cell.maatregel.code}>
                          {cell.maatregel.code}: <TrafficLightBadge light={cell.verkeerslicht} />, {phaseLabel(cell.fase).toLowerCase()}
                        </li>
                      ))}
                    </ul>
                  </TableCell>
                  <TableCell>
                    {row.contactpersonen.length === 0
                      ? 'Niemand meer (al uitgenodigd of aangemeld)'
                      : row.contactpersonen.map((person) => person.naam).join(', ')}
                  </TableCell>
                </TableRow>
              ))}
            </DataTable>
          )}
          {!data.uitnodigenMogelijk && (
            <Alert type="info">
              <Paragraph>Uitnodigen kan alleen als aanmelden open is en nog kan.</Paragraph>
            </Alert>
          )}
          {data.uitnodigenMogelijk && data.aantalContactpersonen > 0 && (
            <ButtonGroup>
              <PrimaryActionButton type="button" onClick={() => setConfirming(true)}>
                Uitnodigingen versturen
              </PrimaryActionButton>
            </ButtonGroup>
          )}
        </div>
      )}
      {send.isError && <ErrorAlert error={send.error} />}
      <StatusMessage>{message}</StatusMessage>
      <ConfirmDialog
        open={confirming && data !== undefined}
        title="Uitnodigingen versturen?"
        confirmLabel="Ja, uitnodigen"
        busy={send.isPending}
        onConfirm={() => data && send.mutate(data.criterium)}
        onClose={() => setConfirming(false)}
      >
        <Paragraph>
          {data
            ? `${plural(data.aantalContactpersonen, 'contactpersoon krijgt', 'contactpersonen krijgen')} een uitnodiging per e-mail, van ${plural(data.aantalGemeenten, 'gemeente', 'gemeenten')}. Wie al is uitgenodigd krijgt er geen tweede.`
            : ''}
        </Paragraph>
      </ConfirmDialog>
    </section>
  );
}
