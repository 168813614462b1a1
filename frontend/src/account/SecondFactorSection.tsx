import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  ButtonGroup,
  Code,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { SESSION_QUERY_KEY, useSession, type User } from '../auth/session';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { normaliseTotpCode, totpCodeProblem } from '../forms/validation';
import { CopyButton } from '../shared/CopyButton';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { setSecondFactor, startSecondFactor, type SecondFactorStarted } from './api';
import { QrCode } from './QrCode';
import { useStoreMyAccount } from './useStoreMyAccount';

const CODE_FIELDS = { code: { id: 'tweede-factor-code', label: 'Code uit de app' } };

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type over. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

function CodeForm({
  submitLabel,
  onConfirmed,
  active,
}: {
  submitLabel: string;
  onConfirmed: (user: User) => Promise<void>;
  active: boolean;
}) {
  const [code, setCode] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const mutation = useMutation({
    mutationFn: () => setSecondFactor(active, normaliseTotpCode(code)),
    onSuccess: onConfirmed,
    onError: (error) => show(mapErrorToForm(error, Object.keys(CODE_FIELDS))),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({ code: totpCodeProblem(code) });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    mutation.mutate();
  };
  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={CODE_FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-label={submitLabel}>
        <TextField
          {...CODE_FIELDS.code}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          description="De zes cijfers die de app nu toont."
          value={code}
          onChange={(event) => setCode(event.target.value)}
          errors={errors.fields.code}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            {submitLabel}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}

function Enrolment({ started, onConfirmed }: { started: SecondFactorStarted; onConfirmed: (user: User) => Promise<void> }) {
  return (
    <OrderedList className="spoorboek-steps">
      <OrderedListItem>
        <Paragraph>
          Open een authenticator-app op uw telefoon, zoals Microsoft Authenticator, Google
          Authenticator of FreeOTP, en kies voor een nieuw account.
        </Paragraph>
      </OrderedListItem>
      <OrderedListItem>
        <Paragraph>Scan deze QR-code met de app:</Paragraph>
        <QrCode value={started.otpauthUri} label="QR-code om Spoorboek aan uw authenticator-app toe te voegen" />
        <Paragraph>Of typ deze sleutel over (de spaties mag u weglaten):</Paragraph>
        <Paragraph>
          <Code className="spoorboek-secret" id="tweede-factor-sleutel">
            {groupSecret(started.geheim)}
          </Code>
        </Paragraph>
        <CopyButton value={started.geheim} label="Kopieer de sleutel" />
        <Paragraph>Sommige apps nemen ook deze link over:</Paragraph>
        <Paragraph>
          <Code className="spoorboek-secret">{started.otpauthUri}</Code>
        </Paragraph>
      </OrderedListItem>
      <OrderedListItem>
        <Paragraph>Vul de code in die de app toont, om te laten zien dat het werkt.</Paragraph>
        <CodeForm submitLabel="Tweede factor aanzetten" active onConfirmed={onConfirmed} />
      </OrderedListItem>
    </OrderedList>
  );
}

export function SecondFactorSection({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const session = useSession();
  const storeMyAccount = useStoreMyAccount();
  const [started, setStarted] = useState<SecondFactorStarted | null>(null);
  const [status, setStatus] = useState('');
  const start = useMutation({
    mutationFn: startSecondFactor,
    onSuccess: (result) => {
      setStatus('');
      setStarted(result);
    },
  });

  const confirmed = (message: string) => async (updated: User) => {
    await storeMyAccount(updated);
    setStarted(null);
    setStatus(message);
    // Whether the role still lacks its second factor comes from the server.
    void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
  };

  const required = session.data?.tweedeFactorInstellen ?? false;

  return (
    <section aria-labelledby="tweede-factor" className="spoorboek-section">
      <Heading level={2} id="tweede-factor" tabIndex={-1}>
        Tweede factor
      </Heading>
      <Paragraph>
        Met een tweede factor vraagt Spoorboek bij het inloggen ook om een code uit een app op uw
        telefoon. Dan kan niemand inloggen met alleen uw wachtwoord.
      </Paragraph>
      {required && !user.tweedeFactor && (
        <Alert type="warning">
          <Paragraph>
            Uw rol vraagt een tweede factor. Zolang die niet is ingesteld, kunt u alleen deze pagina
            gebruiken.
          </Paragraph>
        </Alert>
      )}
      <StatusMessage>{status}</StatusMessage>
      {user.tweedeFactor ? (
        <>
          <Paragraph>De tweede factor staat aan.</Paragraph>
          <Heading level={3}>Tweede factor uitzetten</Heading>
          <Paragraph>Vul een code uit uw app in om de tweede factor uit te zetten.</Paragraph>
          <CodeForm
            submitLabel="Tweede factor uitzetten"
            active={false}
            onConfirmed={confirmed('De tweede factor staat nu uit.')}
          />
        </>
      ) : started ? (
        <Enrolment started={started} onConfirmed={confirmed('De tweede factor staat nu aan.')} />
      ) : (
        <>
          <Paragraph>De tweede factor staat uit.</Paragraph>
          {start.isError && <ErrorAlert error={start.error} />}
          <ButtonGroup>
            <SecondaryActionButton
              type="button"
              busy={start.isPending}
              disabled={start.isPending}
              onClick={() => start.mutate()}
            >
              Tweede factor instellen
            </SecondaryActionButton>
          </ButtonGroup>
        </>
      )}
    </section>
  );
}
