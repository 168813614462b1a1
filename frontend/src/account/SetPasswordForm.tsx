import { useMutation } from '@tanstack/react-query';
import { Alert, ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

import { flashState } from '../auth/flash';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { newPasswordProblems, PASSWORD_RULES } from '../forms/validation';

const FIELDS = {
  wachtwoord: { id: 'nieuw-wachtwoord', label: 'Nieuw wachtwoord' },
  herhaling: { id: 'herhaling-wachtwoord', label: 'Herhaal het nieuwe wachtwoord' },
};

/** The token of an e-mailed link, which travels in the fragment: `#token=…`. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.length >= 10 ? token : null;
}

interface SetPasswordFormProps {
  title: string;
  intro: ReactNode;
  submitLabel: string;
  /** Shown when the link has no token (opened partly, or copied wrongly). */
  missingToken: ReactNode;
  successMessage: string;
  save: (token: string, password: string) => Promise<void>;
}

/** Choosing a password with the token from an e-mailed link (password reset, invitation). */
export function SetPasswordForm({ title, intro, submitLabel, missingToken, successMessage, save }: SetPasswordFormProps) {
  const { hash } = useLocation();
  const navigate = useNavigate();
  // Read once: the fragment is not needed again, and stays out of later history entries.
  const [token] = useState(() => tokenFromHash(hash));
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();

  const mutation = useMutation({
    mutationFn: ({ link, chosen }: { link: string; chosen: string }) => save(link, chosen),
    onSuccess: () => navigate('/inloggen', { replace: true, state: flashState(successMessage, 'ok') }),
    onError: (error) => show(mapErrorToForm(error, Object.keys(FIELDS))),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    const problems = clientErrors(newPasswordProblems(password, repeated));
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    mutation.mutate({ link: token, chosen: password });
  };

  return (
    <>
      <title>{`${title} – Spoorboek`}</title>
      <Heading level={1}>{title}</Heading>
      {token ? (
        <>
          <Paragraph appearance="lead">{intro}</Paragraph>
          <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
          <form noValidate onSubmit={submit} className="spoorboek-form" aria-label={title}>
            <TextField
              {...FIELDS.wachtwoord}
              type="password"
              name="nieuw-wachtwoord"
              autoComplete="new-password"
              required
              description={PASSWORD_RULES}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              errors={errors.fields.wachtwoord}
            />
            <TextField
              {...FIELDS.herhaling}
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
                {submitLabel}
              </PrimaryActionButton>
            </ButtonGroup>
          </form>
        </>
      ) : (
        <Alert type="error">
          <Heading level={2}>Deze link is niet compleet</Heading>
          {missingToken}
        </Alert>
      )}
    </>
  );
}
