import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { flashState } from '../auth/flash';
import { landingPath, safeReturnPath } from '../auth/returnPath';
import { SECOND_FACTOR_SECTION } from '../auth/SessionEventsBridge';
import { storeSession, useSession } from '../auth/session';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { emailProblem, normaliseTotpCode, requiredText, totpCodeProblem } from '../forms/validation';
import { login } from './api';

const SECOND_FACTOR_NEEDED = 'tweede_factor_nodig';

const FIELDS = {
  email: { id: 'email', label: 'E-mailadres' },
  wachtwoord: { id: 'wachtwoord', label: 'Wachtwoord' },
  code: { id: 'code', label: 'Code uit uw authenticator-app' },
};

export default function LoginPage() {
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // The page that asked for the login, if any; otherwise each lands on the page of their work.
  const returnTo = safeReturnPath(params.get('terug'));

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const { errors, show, clear, summaryRef } = useFormErrors();
  const codeRef = useRef<HTMLInputElement>(null);

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: async (session) => {
      await storeSession(queryClient, {
        gebruiker: session.gebruiker,
        tweedeFactorInstellen: session.tweedeFactorInstellen,
      });
      if (session.tweedeFactorInstellen) {
        void navigate(SECOND_FACTOR_SECTION, {
          replace: true,
          state: flashState(
            'U bent ingelogd. Uw rol vraagt een tweede factor: stel die nu in om verder te kunnen.',
            'warning',
          ),
        });
      } else {
        void navigate(returnTo ?? landingPath(session.gebruiker), { replace: true });
      }
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === SECOND_FACTOR_NEEDED && !needsCode) {
        clear();
        setNeedsCode(true);
        return;
      }
      setPassword('');
      show(mapErrorToForm(error, Object.keys(FIELDS)));
    },
  });

  useEffect(() => {
    if (needsCode) codeRef.current?.focus();
  }, [needsCode]);

  // Someone who is logged in already has no business here (but not right after logging in).
  if (session.data && mutation.isIdle) {
    return <Navigate to={returnTo ?? landingPath(session.data.gebruiker)} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({
      email: emailProblem(email),
      wachtwoord: requiredText(password, 'Vul uw wachtwoord in.'),
      code: needsCode && totpCodeProblem(code),
    });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    mutation.mutate({
      email: email.trim(),
      wachtwoord: password,
      code: needsCode ? normaliseTotpCode(code) : null,
    });
  };

  return (
    <>
      <title>Inloggen – Spoorboek</title>
      <Heading level={1}>Inloggen</Heading>
      <Paragraph appearance="lead">
        Log in met het e-mailadres en het wachtwoord van uw Spoorboek-account. Een account krijgt u
        via een uitnodiging van een beheerder.
      </Paragraph>
      <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
      {needsCode && !hasErrors(errors) && (
        <Alert type="info">
          <Paragraph>
            Voor uw account staat een tweede factor aan. Vul ook de code uit uw authenticator-app in.
          </Paragraph>
        </Alert>
      )}
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-label="Inloggen">
        <TextField
          {...FIELDS.email}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          errors={errors.fields.email}
        />
        <TextField
          {...FIELDS.wachtwoord}
          type="password"
          name="wachtwoord"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          errors={errors.fields.wachtwoord}
        />
        {needsCode && (
          <TextField
            {...FIELDS.code}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            description="Zes cijfers; de code verandert elke 30 seconden."
            value={code}
            onChange={(event) => setCode(event.target.value)}
            errors={errors.fields.code}
            inputRef={codeRef}
          />
        )}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            Inloggen
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
      <Paragraph>
        <AppLink to="/wachtwoord-vergeten">Wachtwoord vergeten?</AppLink>
      </Paragraph>
    </>
  );
}
