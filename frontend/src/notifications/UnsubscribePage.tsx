import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { ErrorAlert } from '../shared/ErrorAlert';
import { Outcome } from '../shared/Outcome';
import { StatusMessage } from '../shared/StatusMessage';
import { fetchUnsubscription, notificationKeys, unsubscribe, type Unsubscription } from './api';
import { stoppedMailText } from './labels';
import { PREFERENCES_PATH } from './paths';

/** What the API accepts as a token; anything else cannot be a link from our mail. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The link was made by us but is unknown (404) or malformed (400): the same answer for both. */
function isUnknownLink(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

function isUsedLink(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

function PreferencesLink() {
  return (
    <Paragraph>
      Wat u per e-mail krijgt, kiest u onder <AppLink to={PREFERENCES_PATH}>Mijn meldingen</AppLink> (daarvoor logt u
      in).
    </Paragraph>
  );
}

function UnknownLink() {
  return (
    <Outcome type="warning" title="Deze afmeldlink kennen we niet">
      <Paragraph>
        De link is niet compleet of bestaat niet. Kopieer de hele link uit de e-mail en probeer het opnieuw.
      </Paragraph>
      <PreferencesLink />
    </Outcome>
  );
}

function UsedLink() {
  return (
    <Outcome type="info" title="Deze afmeldlink is al gebruikt">
      <Paragraph>U bent met deze link al afgemeld. Een afmeldlink werkt één keer.</Paragraph>
      <PreferencesLink />
    </Outcome>
  );
}

function Done({ result }: { result: Unsubscription }) {
  return (
    <Outcome type="ok" title="U bent afgemeld">
      <Paragraph>
        {stoppedMailText(result)} U ziet deze meldingen nog wel in Spoorboek.
      </Paragraph>
      <Paragraph>
        Toch weer e-mail? Dat kiest u onder <AppLink to={PREFERENCES_PATH}>Mijn meldingen</AppLink>.
      </Paragraph>
    </Outcome>
  );
}

function Confirm({ token, link }: { token: string; link: Unsubscription }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => unsubscribe(token),
    // Someone logged in here sees her new choices on Mijn meldingen.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.preferences }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  if (mutation.isSuccess) return <Done result={mutation.data} />;
  if (isUsedLink(mutation.error)) return <UsedLink />;
  if (isUnknownLink(mutation.error)) return <UnknownLink />;
  return (
    <>
      <Paragraph>
        Met deze link meldt u zich af voor <strong>{link.omschrijving}</strong>. U ziet deze meldingen daarna nog wel
        in Spoorboek.
      </Paragraph>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      <form noValidate onSubmit={submit} aria-label="Afmelden voor e-mail">
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            Afmelden
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}

/**
 * /meldingen/afmelden?token=…: the page behind the unsubscribe link of a mail, without login.
 * Opening it only asks what the link stops (mail scanners open links); the button unsubscribes.
 */
export default function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const wellFormed = TOKEN.test(token);
  const link = useQuery({
    queryKey: ['afmeldlink', token],
    queryFn: ({ signal }) => fetchUnsubscription(token, signal),
    enabled: wellFormed,
    retry: false,
    staleTime: Infinity,
  });

  let content: ReactNode;
  if (!wellFormed || isUnknownLink(link.error)) content = <UnknownLink />;
  else if (link.isPending) content = <StatusMessage>Afmeldlink controleren…</StatusMessage>;
  else if (link.isError) content = <ErrorAlert error={link.error} onRetry={() => void link.refetch()} />;
  else if (link.data.gebruikt) content = <UsedLink />;
  else content = <Confirm token={token} link={link.data} />;

  return (
    <>
      <title>Afmelden voor e-mail – Spoorboek</title>
      <Heading level={1}>Afmelden voor e-mail</Heading>
      {content}
    </>
  );
}
