import { useMutation } from '@tanstack/react-query';
import { Alert, ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { AppLink } from '../app/AppLink';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { emailProblem } from '../forms/validation';
import { requestPasswordReset } from './api';

const FIELDS = { email: { id: 'email', label: 'E-mailadres' } };

export default function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const confirmationRef = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: requestPasswordReset,
    onError: (error) => show(mapErrorToForm(error, Object.keys(FIELDS))),
  });

  useEffect(() => {
    if (mutation.isSuccess) confirmationRef.current?.focus();
  }, [mutation.isSuccess]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({ email: emailProblem(email) });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    mutation.mutate(email.trim());
  };

  return (
    <>
      <title>Wachtwoord vergeten – Spoorboek</title>
      <Heading level={1}>Wachtwoord vergeten</Heading>
      {mutation.isSuccess ? (
        // The same answer for every address, so this page does not reveal who has an account.
        <Alert type="ok" ref={confirmationRef} tabIndex={-1}>
          <Heading level={2}>Kijk in uw e-mail</Heading>
          <Paragraph>
            Als er een Spoorboek-account bij dit e-mailadres hoort, hebben we een e-mail gestuurd met
            een link om een nieuw wachtwoord te kiezen. De link is een uur geldig en werkt één keer.
          </Paragraph>
          <Paragraph>
            Geen e-mail gekregen? Kijk ook bij uw ongewenste e-mail, of vraag over een paar minuten
            opnieuw een link aan.
          </Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph appearance="lead">
            Vul het e-mailadres van uw account in. U krijgt dan een e-mail met een link om een nieuw
            wachtwoord te kiezen.
          </Paragraph>
          <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
          <form noValidate onSubmit={submit} className="spoorboek-form" aria-label="Herstellink aanvragen">
            <TextField
              {...FIELDS.email}
              type="email"
              name="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              errors={errors.fields.email}
            />
            <ButtonGroup>
              <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
                Herstellink versturen
              </PrimaryActionButton>
            </ButtonGroup>
          </form>
        </>
      )}
      <Paragraph>
        <AppLink to="/inloggen">Terug naar inloggen</AppLink>
      </Paragraph>
    </>
  );
}
