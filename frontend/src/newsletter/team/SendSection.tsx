import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { ApiError, isConflict } from '../../api/problem';
import { UNREACHABLE } from '../../forms/errors';
import { TextField } from '../../forms/fields';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { FactList } from '../../shared/FactList';
import { formatDutchDateTime } from '../../shared/dateTime';
import { StatusMessage } from '../../shared/StatusMessage';
import { fromIso } from '../../meetings/team/localTime';
import { refreshEdition, scheduleEdition, sendTestMail, withdrawEdition } from './api';
import { plannedMoment } from './schedule';
import type { EditionDetail } from './types';

function messageOf(error: unknown): string {
  if (!(error instanceof ApiError)) return UNREACHABLE;
  if (error.invalidParams.length > 0) return error.invalidParams.map((param) => param.reason).join(' ');
  return error.detail ?? error.title;
}

function TestMail({ id }: { id: number }) {
  const send = useMutation({ mutationFn: () => sendTestMail(id) });
  return (
    <section aria-labelledby="testmail-kop" className="spoorboek-section">
      <Heading level={2} id="testmail-kop">
        Testmail
      </Heading>
      <Paragraph>Stuur de laatst opgeslagen versie naar uw eigen adres, om te zien hoe hij in uw mailprogramma aankomt.</Paragraph>
      <ButtonGroup>
        <SecondaryActionButton type="button" busy={send.isPending} disabled={send.isPending} onClick={() => send.mutate()}>
          Testmail naar mijzelf
        </SecondaryActionButton>
      </ButtonGroup>
      <StatusMessage>{send.isSuccess ? `De testmail is verstuurd naar ${send.data.aan}.` : ''}</StatusMessage>
      {send.isError && (
        <Alert type="error">
          <Paragraph>De testmail is niet verstuurd. {messageOf(send.error)}</Paragraph>
        </Alert>
      )}
    </section>
  );
}

function Schedule({ edition, onStale }: { edition: EditionDetail; onStale: () => void }) {
  const queryClient = useQueryClient();
  const initial = fromIso(edition.verzendenOp);
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const [problem, setProblem] = useState<string | null>(null);
  const [askingNow, setAskingNow] = useState(false);
  const onError = (error: unknown) => (isConflict(error) ? onStale() : setProblem(messageOf(error)));
  const plan = useMutation({
    mutationFn: (iso: string) => scheduleEdition(edition.id, edition.versie, iso),
    onSuccess: async (saved) => {
      setProblem(null);
      setAskingNow(false);
      await refreshEdition(queryClient, saved);
    },
    onError,
  });
  const withdraw = useMutation({
    mutationFn: () => withdrawEdition(edition.id, edition.versie),
    onSuccess: async (saved) => {
      setProblem(null);
      await refreshEdition(queryClient, saved);
    },
    onError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const moment = plannedMoment(date, time, new Date());
    if ('error' in moment) {
      setProblem(moment.error);
      document.getElementById('verzenden-datum')?.focus();
      return;
    }
    plan.mutate(moment.iso);
  };
  const planned = edition.status === 'gepland' && edition.verzendenOp;
  return (
    <section aria-labelledby="inplannen-kop" className="spoorboek-section">
      <Heading level={2} id="inplannen-kop">
        Verzenden
      </Heading>
      <StatusMessage>
        {planned ? `Gepland: deze editie wordt verzonden op ${formatDutchDateTime(edition.verzendenOp ?? '')}.` : ''}
      </StatusMessage>
      {!planned && <Paragraph>Nog niet gepland. Kies wanneer de editie wordt verzonden (Nederlandse tijd).</Paragraph>}
      {planned && (
        <Paragraph>
          Wijzigingen die u vóór dat moment opslaat gaan mee. Verzetten kan hieronder; intrekken maakt de editie weer een
          concept.
        </Paragraph>
      )}
      {problem && (
        <Alert type="error">
          <Paragraph>{problem}</Paragraph>
        </Alert>
      )}
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="inplannen-kop">
        <Fieldset>
          <FieldsetLegend>Verzenden op (Nederlandse tijd)</FieldsetLegend>
          <TextField id="verzenden-datum" label="Datum" type="date" value={date} onChange={(event) => setDate(event.target.value)} />
          <TextField
            id="verzenden-tijd"
            label="Tijd"
            type="time"
            step={60}
            value={time}
            onChange={(event) => setTime(event.target.value)}
          />
        </Fieldset>
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={plan.isPending} disabled={plan.isPending}>
            {planned ? 'Verzetten' : 'Inplannen'}
          </PrimaryActionButton>
          {planned && (
            <SecondaryActionButton
              type="button"
              busy={withdraw.isPending}
              disabled={withdraw.isPending}
              onClick={() => withdraw.mutate()}
            >
              Inplanning intrekken
            </SecondaryActionButton>
          )}
        </ButtonGroup>
      </form>
      <SendNow
        asking={askingNow}
        busy={plan.isPending}
        onAsk={setAskingNow}
        // The job that sends runs every minute: "now" is the coming minute.
        onSend={() => plan.mutate(new Date().toISOString())}
      />
    </section>
  );
}

/** Planning for this very moment, after a second question: sending cannot be taken back. */
function SendNow({
  asking,
  busy,
  onAsk,
  onSend,
}: {
  asking: boolean;
  busy: boolean;
  onAsk: (asking: boolean) => void;
  onSend: () => void;
}) {
  if (!asking)
    return (
      <ButtonGroup>
        <SecondaryActionButton type="button" onClick={() => onAsk(true)}>
          Nu verzenden…
        </SecondaryActionButton>
      </ButtonGroup>
    );
  return (
    <>
      <Paragraph>
        <strong>Weet u het zeker?</strong> De laatst opgeslagen versie gaat binnen een minuut naar alle abonnees; als het
        verzenden begonnen is, kan het niet meer worden teruggedraaid.
      </Paragraph>
      <ButtonGroup>
        <PrimaryActionButton type="button" busy={busy} disabled={busy} onClick={onSend}>
          Ja, nu verzenden
        </PrimaryActionButton>
        <SecondaryActionButton type="button" onClick={() => onAsk(false)}>
          Nee, niet nu
        </SecondaryActionButton>
      </ButtonGroup>
    </>
  );
}

/** The test mail, and planning or withdrawing the sending, while the edition can still change. */
export function SendSection({ edition, onStale }: { edition: EditionDetail; onStale: () => void }) {
  return (
    <>
      <TestMail id={edition.id} />
      <Schedule edition={edition} onStale={onStale} />
    </>
  );
}

const count = (n: number) => n.toLocaleString('nl-NL');

/**
 * How far the sending is: once it began, how many subscribers the edition goes to, how many were
 * mailed, passed by (nothing for their choice), still waiting, and refused by the mail server.
 */
export function SendingFigures({ edition }: { edition: EditionDetail }) {
  const figures = edition.verzending;
  return (
    <section aria-labelledby="verzending-kop" className="spoorboek-section">
      <Heading level={2} id="verzending-kop">
        Verzending in cijfers
      </Heading>
      {figures ? (
        <>
          <FactList
            facts={[
              ['Abonnees', count(figures.ontvangers)],
              ['Gemaild', count(figures.verzonden)],
              ['Niets voor hun keuze (geen mail)', count(figures.zonderMail)],
              ['Nog te verzenden', count(figures.nogTeVerzenden)],
              ['Onbestelbaar', count(figures.onbestelbaar)],
            ]}
          />
          {edition.status === 'verzenden' && (
            <Paragraph>Het verzenden loopt nog; deze cijfers worden vanzelf bijgewerkt.</Paragraph>
          )}
        </>
      ) : (
        <Paragraph>Nog niet verzonden. Zodra het verzenden begint, ziet u hier hoeveel abonnees de editie kregen.</Paragraph>
      )}
    </section>
  );
}

/** Once sending has begun: when, and that nothing can change any more. */
export function SentNotice({ edition }: { edition: EditionDetail }) {
  return (
    <Alert type="info">
      <Heading level={2}>{edition.status === 'verzonden' ? 'Verzonden' : 'Wordt verzonden'}</Heading>
      <Paragraph>
        {edition.status === 'verzonden' && edition.verzondenOp ? (
          <>
            Deze editie is verzonden op <DutchDateTime value={edition.verzondenOp} />.
          </>
        ) : (
          <>
            Deze editie wordt nu verzonden
            {edition.verzendenOp && (
              <>
                {' '}
                (gepland op <DutchDateTime value={edition.verzendenOp} />)
              </>
            )}
            .
          </>
        )}{' '}
        Er kan niets meer aan worden gewijzigd.
      </Paragraph>
    </Alert>
  );
}
