import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';

import { ApiError } from '../../api/problem';
import { AppLink } from '../../app/AppLink';
import { NotFoundPage } from '../../app/NotFoundPage';
import { storeAnswer } from '../../app/queryClient';
import { namesText, rolesText } from '../../auth/labels';
import type { User } from '../../auth/session';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { StatusMessage } from '../../shared/StatusMessage';
import { adminKeys, fetchUser, resendInvitation, updateUser } from '../api';
import { UserForm, valuesOf, type UserFormValues } from './UserForm';

function UserFacts({ user }: { user: User }) {
  const facts: [string, ReactNode][] = [
    ['E-mailadres', user.email],
    ['Rollen', rolesText(user.rollen)],
    ['Gemeenten', namesText(user.gemeenten)],
    ['Organisatie', user.organisatie?.naam ?? 'Geen'],
    ['Status', user.actief ? 'Actief' : 'Uitgeschakeld'],
    ['Uitnodiging', user.wachtwoordIngesteld ? 'Aanvaard' : 'Nog niet aanvaard'],
    ['Tweede factor', user.tweedeFactor ? 'Aan' : 'Uit'],
    ['Laatst ingelogd', user.laatstIngelogdOp ? <DutchDateTime value={user.laatstIngelogdOp} /> : 'Nog nooit'],
    ['Aangemaakt', <DutchDateTime key="aangemaakt" value={user.aangemaaktOp} />],
  ];
  if (user.demo) facts.push(['Demo', 'Dit is een demonstratieaccount.']);
  return (
    <DataList className="spoorboek-facts">
      {facts.map(([key, value]) => (
        <DataListItem key={key}>
          <DataListKey>{key}</DataListKey>
          <DataListValue>{value}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}

function ResendInvitation({ user }: { user: User }) {
  const [status, setStatus] = useState('');
  const mutation = useMutation({
    mutationFn: () => resendInvitation(user.id),
    onSuccess: () => setStatus(`De uitnodiging is opnieuw verstuurd naar ${user.email}.`),
    onMutate: () => setStatus(''),
  });
  return (
    <section aria-labelledby="uitnodiging-kop" className="spoorboek-section">
      <Heading level={2} id="uitnodiging-kop">
        Uitnodiging
      </Heading>
      <Paragraph>
        Deze gebruiker heeft nog geen wachtwoord gekozen. Een nieuwe uitnodiging maakt de vorige link
        ongeldig.
      </Paragraph>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      <ButtonGroup>
        <SecondaryActionButton
          type="button"
          busy={mutation.isPending}
          disabled={mutation.isPending}
          onClick={() => mutation.mutate()}
        >
          Uitnodiging opnieuw sturen
        </SecondaryActionButton>
      </ButtonGroup>
      <StatusMessage>{status}</StatusMessage>
    </section>
  );
}

function changesOf(values: UserFormValues) {
  return {
    naam: values.naam.trim(),
    rollen: values.rollen,
    gemeenten: values.gemeenten.map((m) => m.code),
    organisatie: values.organisatie || null,
    actief: values.actief,
  };
}

export default function UserDetailPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id >= 1;
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const user = useQuery({
    queryKey: adminKeys.user(id),
    queryFn: ({ signal }) => fetchUser(id, signal),
    enabled: valid,
  });

  if (!valid || (user.error instanceof ApiError && user.error.status === 404)) return <NotFoundPage />;

  return (
    <>
      <title>{`${user.data?.naam ?? 'Gebruiker'} – Beheer – Spoorboek`}</title>
      <Paragraph>
        <AppLink to="/beheer/gebruikers">Terug naar gebruikers</AppLink>
      </Paragraph>
      <Heading level={1}>{user.data?.naam ?? 'Gebruiker'}</Heading>
      {user.isPending && <StatusMessage>Gebruiker laden…</StatusMessage>}
      {user.isError && <ErrorAlert error={user.error} onRetry={() => void user.refetch()} />}
      {user.data && (
        <>
          <UserFacts user={user.data} />
          {!user.data.wachtwoordIngesteld && user.data.actief && <ResendInvitation user={user.data} />}
          <section aria-labelledby="wijzigen-kop" className="spoorboek-section">
            <Heading level={2} id="wijzigen-kop">
              Gegevens wijzigen
            </Heading>
            <UserForm
              key={user.data.id}
              mode="edit"
              initial={valuesOf(user.data)}
              submitLabel="Wijzigingen opslaan"
              save={(values) => {
                setStatus('');
                return updateUser(id, changesOf(values));
              }}
              onSaved={async (saved) => {
                await storeAnswer(queryClient, adminKeys.user(id), saved);
                void queryClient.invalidateQueries({ queryKey: [...adminKeys.allUsers, 'lijst'] });
                setStatus('De wijzigingen zijn opgeslagen.');
              }}
            />
            <StatusMessage>{status}</StatusMessage>
          </section>
        </>
      )}
    </>
  );
}
