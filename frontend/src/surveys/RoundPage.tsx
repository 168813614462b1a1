import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  ButtonGroup,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
  TableCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useParams } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { ApiError } from '../api/problem';
import { DataTable } from '../shared/DataTable';
import { DutchDate } from '../shared/DutchDate';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { FactList } from '../shared/FactList';
import { StatusMessage } from '../shared/StatusMessage';
import { fetchInvitees, roundQuery, sendRound, surveyKeys, type RoundDetail } from './api';
import { KIND_LABELS, percentage, STATUS_LABELS } from './labels';
import { plural } from '../shared/dutch';

function Invitees({ round }: { round: RoundDetail }) {
  const queryClient = useQueryClient();
  const [asked, setAsked] = useState(false);
  const invitees = useQuery({
    queryKey: surveyKeys.invitees(round.id),
    queryFn: ({ signal }) => fetchInvitees(round.id, signal),
    enabled: asked,
  });
  const send = useMutation({
    mutationFn: () => sendRound(round.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: surveyKeys.round(round.id) });
      void queryClient.invalidateQueries({ queryKey: surveyKeys.invitees(round.id) });
      void queryClient.invalidateQueries({ queryKey: surveyKeys.rounds });
    },
  });
  if (round.status === 'gesloten') return null;
  return (
    <section aria-labelledby="genodigden">
      <Heading level={2} id="genodigden">
        Versturen
      </Heading>
      <Paragraph>
        Elke actieve gemeentelijke contactpersoon krijgt één uitnodiging per e-mail, met een persoonlijke link. Een
        contactpersoon van meer gemeenten antwoordt één keer, voor zichzelf. Opnieuw versturen nodigt alleen wie er
        sindsdien bij kwam.
      </Paragraph>
      {!asked && (
        <ButtonGroup>
          <SecondaryActionButton type="button" onClick={() => setAsked(true)}>
            Genodigden bekijken
          </SecondaryActionButton>
        </ButtonGroup>
      )}
      {asked && invitees.isPending && <StatusMessage>Genodigden laden…</StatusMessage>}
      {invitees.isError && <ErrorAlert error={invitees.error} onRetry={() => void invitees.refetch()} />}
      {invitees.data && (
        <>
          <Paragraph>
            Nu uit te nodigen: <strong>{invitees.data.aantal}</strong>; al uitgenodigd: {invitees.data.alUitgenodigd}.
          </Paragraph>
          {invitees.data.aantal > 0 && (
            <DataTable id="genodigden-tabel" caption="Wie de verzending uitnodigt" columns={['Naam', 'Gemeente', 'Gemeenten']}>
              {invitees.data.genodigden.map((g) => (
                <TableRow key={`${g.naam}-${g.gemeente.code}`}>
                  <TableCell>{g.naam}</TableCell>
                  <TableCell>{g.gemeente.naam}</TableCell>
                  <TableCell>{g.aantalGemeenten}</TableCell>
                </TableRow>
              ))}
            </DataTable>
          )}
          {invitees.data.aantal > 0 && (
            <ButtonGroup>
              <PrimaryActionButton type="button" busy={send.isPending} disabled={send.isPending} onClick={() => send.mutate()}>
                {`Versturen aan ${invitees.data.aantal} ${invitees.data.aantal === 1 ? 'persoon' : 'personen'}`}
              </PrimaryActionButton>
            </ButtonGroup>
          )}
        </>
      )}
      {send.isError && <ErrorAlert error={send.error} />}
      <StatusMessage>
        {send.data ? `Verstuurd: ${plural(send.data.uitgenodigd, 'nieuwe uitnodiging', 'nieuwe uitnodigingen')}; al uitgenodigd: ${send.data.alUitgenodigd}.` : ''}
      </StatusMessage>
    </section>
  );
}

/** /peilingen/:id: a round, its questions, whom it invites, and sending it. */
export default function RoundPage() {
  const id = Number(useParams().id);
  const round = useQuery({ ...roundQuery(id), enabled: Number.isInteger(id) && id > 0 });
  if (!Number.isInteger(id) || id <= 0 || (round.error instanceof ApiError && round.error.status === 404)) {
    return <NotFoundPage />;
  }
  const r = round.data;
  return (
    <>
      <title>{`${r?.titel ?? 'Ronde'} – Peilingen – Spoorboek`}</title>
      <Heading level={1}>{r?.titel ?? 'Ronde van de peiling'}</Heading>
      <AppLink to="/peilingen">Terug naar de peilingen</AppLink>
      {round.isPending && <StatusMessage>Ronde laden…</StatusMessage>}
      {round.isError && <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />}
      {r && (
        <>
          <FactList
            facts={[
              ['Periode', r.periode],
              ['Status', STATUS_LABELS[r.status]],
              ['Open', <><DutchDate value={r.openOp} /> tot en met <DutchDate value={r.sluitOp} /></>],
              ['Herinnering', `na ${r.herinnerNaDagen} dagen, één keer`],
              ['Verstuurd', r.verzondenOp ? <DutchDateTime value={r.verzondenOp} /> : 'nog niet'],
              ['Respons', `${r.beantwoord} van ${r.uitgenodigd} (${percentage(r.respons)})`],
            ]}
          />
          {r.status !== 'concept' && (
            <Paragraph>
              <AppLink to={`/peilingen/${r.id}/resultaten`}>Resultaten bekijken</AppLink>
            </Paragraph>
          )}
          <Heading level={2}>Vragen</Heading>
          {r.status === 'concept' && (
            <Alert type="info">
              <Paragraph>
                Vóór verzending zijn dit de actieve vragen van nu; de verzending legt ze vast voor deze ronde.
              </Paragraph>
            </Alert>
          )}
          <OrderedList>
            {r.vragen.map((q) => (
              <OrderedListItem key={q.id}>
                {q.tekst} <span className="spoorboek-muted">({KIND_LABELS[q.soort].toLowerCase()})</span>
              </OrderedListItem>
            ))}
          </OrderedList>
          <Invitees round={r} />
        </>
      )}
    </>
  );
}
