import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { ErrorAlert } from '../shared/ErrorAlert';
import { FactList } from '../shared/FactList';
import { StatusMessage } from '../shared/StatusMessage';
import { cancelByToken, lookUpRegistration, meetingKeys } from './api';
import { REGISTRATION_LABELS } from './labels';
import { mailLinkFrom, whereText } from './logic';
import { MeetingTime } from './MeetingItem';
import { AGENDA_PATH, meetingPath } from './paths';
import type { RegistrationByToken } from './types';

function UnknownLink() {
  return (
    <Alert type="warning">
      <Heading level={2}>Deze afmeldlink kennen we niet</Heading>
      <Paragraph>
        De link is niet compleet. Kopieer de hele link uit de e-mail en probeer het opnieuw, of log in en meld u af onder
        Mijn bijeenkomsten.
      </Paragraph>
    </Alert>
  );
}

function Cancel({ token, found }: { token: string; found: RegistrationByToken }) {
  const cancel = useMutation({ mutationFn: () => cancelByToken(token) });
  const { bijeenkomst: meeting } = found;
  const cancelled = found.status === 'afgemeld' || cancel.isSuccess;
  const over = meeting.status === 'afgelopen' || meeting.status === 'geannuleerd';
  return (
    <>
      <FactList
        facts={[
          ['Bijeenkomst', <AppLink key="b" to={meetingPath(meeting.id)}>{meeting.titel}</AppLink>],
          ['Wanneer', <MeetingTime key="w" meeting={meeting} />],
          ['Waar', whereText(meeting)],
          ['Aanmelding van', found.naam],
          ['Status', cancelled ? REGISTRATION_LABELS.afgemeld : REGISTRATION_LABELS[found.status]],
        ]}
      />
      {/* Opening the link changes nothing (a mail scanner opens links too): only the button cancels. */}
      {!cancelled && !over && (
        <>
          {cancel.isError && <ErrorAlert error={cancel.error} />}
          <ButtonGroup>
            <PrimaryActionButton type="button" busy={cancel.isPending} disabled={cancel.isPending} onClick={() => cancel.mutate()}>
              Afmelden
            </PrimaryActionButton>
          </ButtonGroup>
        </>
      )}
      {!cancelled && over && <Paragraph>Deze bijeenkomst is voorbij of geannuleerd: afmelden is niet meer nodig.</Paragraph>}
      <StatusMessage>
        {cancel.isSuccess
          ? `${found.naam} is afgemeld. Er volgt een bevestiging per e-mail; staat er iemand op de wachtlijst, dan krijgt die de plaats.`
          : found.status === 'afgemeld'
            ? 'Deze aanmelding was al afgemeld.'
            : ''}
      </StatusMessage>
      <Paragraph>
        <AppLink to={AGENDA_PATH}>Naar de agenda</AppLink>
      </Paragraph>
    </>
  );
}

/** /aanmelding-annuleren#token=…: the cancel link of every registration mail, without logging in. */
export default function CancelByLinkPage() {
  const { hash } = useLocation();
  // Read once: the token stays in the fragment, which no server or log sees.
  const [token] = useState(() => mailLinkFrom(hash).token);
  const found = useQuery({
    queryKey: meetingKeys.byToken(token ?? ''),
    queryFn: () => lookUpRegistration(token ?? ''),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });

  let content: ReactNode;
  if (token === null || (found.error instanceof ApiError && [400, 404].includes(found.error.status))) content = <UnknownLink />;
  else if (found.isPending) content = <StatusMessage>Afmeldlink controleren…</StatusMessage>;
  else if (found.isError) content = <ErrorAlert error={found.error} onRetry={() => void found.refetch()} />;
  else content = <Cancel token={token} found={found.data} />;

  return (
    <>
      <title>Aanmelding annuleren – Spoorboek</title>
      <Heading level={1}>Aanmelding annuleren</Heading>
      {content}
    </>
  );
}
