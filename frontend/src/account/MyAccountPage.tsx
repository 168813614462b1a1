import { useMutation, useQuery } from '@tanstack/react-query';
import {
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  PrimaryActionButton,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

import { AppLink } from '../app/AppLink';
import { namesText, rolesText } from '../auth/labels';
import type { User } from '../auth/session';
import { MyDigestSection } from '../digests/MyDigestSection';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { newPasswordProblems, PASSWORD_RULES, requiredText } from '../forms/validation';
import { MyNewsletterSection } from '../newsletter/MyNewsletterSection';
import { PREFERENCES_PATH } from '../notifications/paths';
import { PeerContactSection } from '../peers/PeerContactSection';
import { DutchDateTime } from '../shared/DutchDateTime';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { changeMyPassword, fetchMyAccount, MY_ACCOUNT_QUERY_KEY, renameMe } from './api';
import { SecondFactorSection } from './SecondFactorSection';
import { useStoreMyAccount } from './useStoreMyAccount';

function AccountDetails({ user }: { user: User }) {
  const facts: [string, ReactNode][] = [
    ['E-mailadres', user.email],
    ['Rollen', rolesText(user.rollen)],
    ['Gemeenten', namesText(user.gemeenten)],
    ['Organisatie', user.organisatie?.naam ?? 'Geen'],
    ['Tweede factor', user.tweedeFactor ? 'Aan' : 'Uit'],
    ['Laatst ingelogd', user.laatstIngelogdOp ? <DutchDateTime value={user.laatstIngelogdOp} /> : 'Nog nooit'],
  ];
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

function NotificationsSection() {
  return (
    <section aria-labelledby="meldingen-kop" className="spoorboek-section">
      <Heading level={2} id="meldingen-kop">
        Meldingen
      </Heading>
      <Paragraph>
        Kies per soort melding of u ook e-mail krijgt, meteen of in één dagoverzicht:{' '}
        <AppLink to={PREFERENCES_PATH}>Mijn meldingen</AppLink>.
      </Paragraph>
    </section>
  );
}

const NAME_FIELDS = { naam: { id: 'naam', label: 'Naam' } };

function NameForm({ user }: { user: User }) {
  const [name, setName] = useState(user.naam);
  const [status, setStatus] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const storeMyAccount = useStoreMyAccount();
  const mutation = useMutation({
    mutationFn: renameMe,
    onSuccess: async (updated) => {
      await storeMyAccount(updated);
      setStatus('Uw naam is opgeslagen.');
    },
    onError: (error) => show(mapErrorToForm(error, Object.keys(NAME_FIELDS))),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    const problems = clientErrors({ naam: requiredText(name, 'Vul uw naam in.') });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    mutation.mutate(name.trim());
  };

  return (
    <section aria-labelledby="naam-kop" className="spoorboek-section">
      <Heading level={2} id="naam-kop">
        Naam
      </Heading>
      <ErrorSummary ref={summaryRef} errors={errors} fields={NAME_FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="naam-kop">
        <TextField
          {...NAME_FIELDS.naam}
          name="naam"
          autoComplete="name"
          required
          maxLength={200}
          value={name}
          onChange={(event) => setName(event.target.value)}
          errors={errors.fields.naam}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            Naam opslaan
          </PrimaryActionButton>
        </ButtonGroup>
        <StatusMessage>{status}</StatusMessage>
      </form>
    </section>
  );
}

const PASSWORD_FIELDS = {
  huidigWachtwoord: { id: 'huidig-wachtwoord', label: 'Huidig wachtwoord' },
  nieuwWachtwoord: { id: 'nieuw-wachtwoord', label: 'Nieuw wachtwoord' },
  herhaling: { id: 'herhaling-wachtwoord', label: 'Herhaal het nieuwe wachtwoord' },
};

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [status, setStatus] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const mutation = useMutation({
    mutationFn: () => changeMyPassword(current, password),
    onSuccess: () => {
      setCurrent('');
      setPassword('');
      setRepeated('');
      setStatus('Uw wachtwoord is gewijzigd. Op andere apparaten bent u nu uitgelogd.');
    },
    onError: (error) => show(mapErrorToForm(error, Object.keys(PASSWORD_FIELDS))),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStatus('');
    const { wachtwoord, herhaling } = newPasswordProblems(password, repeated);
    const problems = clientErrors({
      huidigWachtwoord: requiredText(current, 'Vul uw huidige wachtwoord in.'),
      nieuwWachtwoord: wachtwoord,
      herhaling,
    });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    mutation.mutate();
  };

  return (
    <section aria-labelledby="wachtwoord-kop" className="spoorboek-section">
      <Heading level={2} id="wachtwoord-kop">
        Wachtwoord wijzigen
      </Heading>
      <ErrorSummary ref={summaryRef} errors={errors} fields={PASSWORD_FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="wachtwoord-kop">
        <TextField
          {...PASSWORD_FIELDS.huidigWachtwoord}
          type="password"
          name="huidig-wachtwoord"
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          errors={errors.fields.huidigWachtwoord}
        />
        <TextField
          {...PASSWORD_FIELDS.nieuwWachtwoord}
          type="password"
          name="nieuw-wachtwoord"
          autoComplete="new-password"
          required
          description={PASSWORD_RULES}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          errors={errors.fields.nieuwWachtwoord}
        />
        <TextField
          {...PASSWORD_FIELDS.herhaling}
          type="password"
          name="herhaling-wachtwoord"
          autoComplete="new-password"
          required
          value={repeated}
          onChange={(event) => setRepeated(event.target.value)}
          errors={errors.fields.herhaling}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            Wachtwoord wijzigen
          </PrimaryActionButton>
        </ButtonGroup>
        <StatusMessage>{status}</StatusMessage>
      </form>
    </section>
  );
}

export default function MyAccountPage() {
  const { hash } = useLocation();
  const account = useQuery({
    queryKey: MY_ACCOUNT_QUERY_KEY,
    queryFn: ({ signal }) => fetchMyAccount(signal),
  });

  // Arriving at #tweede-factor (after login, or sent here by the API): go to that section.
  useEffect(() => {
    if (!account.data || hash !== '#tweede-factor') return;
    const heading = document.getElementById('tweede-factor');
    heading?.focus();
    heading?.scrollIntoView?.();
  }, [account.data, hash]);

  return (
    <>
      <title>Mijn account – Spoorboek</title>
      <Heading level={1}>Mijn account</Heading>
      {account.isPending && <StatusMessage>Uw gegevens laden…</StatusMessage>}
      {account.isError && <ErrorAlert error={account.error} onRetry={() => void account.refetch()} />}
      {account.data && (
        <>
          <Paragraph appearance="lead">Uw gegevens in Spoorboek. Rollen en gemeenten wijzigt een beheerder.</Paragraph>
          <AccountDetails user={account.data} />
          <NotificationsSection />
          <MyNewsletterSection />
          <MyDigestSection user={account.data} />
          <PeerContactSection user={account.data} />
          <NameForm user={account.data} />
          <PasswordForm />
          <SecondFactorSection user={account.data} />
        </>
      )}
    </>
  );
}
