import { useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useNavigate } from 'react-router-dom';

import { AppLink } from '../../app/AppLink';
import { storeAnswer } from '../../app/queryClient';
import { flashState } from '../../auth/flash';
import { adminKeys, inviteUser } from '../api';
import { EMPTY_USER, UserForm, type UserFormValues } from './UserForm';

function invite(values: UserFormValues) {
  return inviteUser({
    email: values.email.trim(),
    naam: values.naam.trim(),
    rollen: values.rollen,
    gemeenten: values.gemeenten.map((m) => m.code),
    organisatie: values.organisatie || null,
  });
}

export default function InviteUserPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <>
      <title>Gebruiker uitnodigen – Beheer – Spoorboek</title>
      <Paragraph>
        <AppLink to="/beheer/gebruikers">Terug naar gebruikers</AppLink>
      </Paragraph>
      <Heading level={1}>Gebruiker uitnodigen</Heading>
      <Paragraph appearance="lead">
        De nieuwe gebruiker krijgt een e-mail met een link om een wachtwoord te kiezen. De link is
        72 uur geldig.
      </Paragraph>
      <UserForm
        mode="invite"
        initial={EMPTY_USER}
        submitLabel="Uitnodiging versturen"
        save={invite}
        onSaved={async (user) => {
          void queryClient.invalidateQueries({ queryKey: adminKeys.allUsers });
          await storeAnswer(queryClient, adminKeys.user(user.id), user);
          void navigate(`/beheer/gebruikers/${user.id}`, {
            state: flashState(`Uitnodiging verstuurd naar ${user.email}.`, 'ok'),
          });
        }}
      />
    </>
  );
}
