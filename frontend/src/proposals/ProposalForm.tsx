import { useMutation } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { AppLink } from '../app/AppLink';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary, type SummaryField } from '../forms/ErrorSummary';
import { TextAreaField, TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { emailProblem } from '../forms/validation';
import { StatusMessage } from '../shared/StatusMessage';
import { sendProposal, type ProposalCreate } from './api';

const MAX_TEXT = 5000;
const FIELDS: Record<string, SummaryField> = {
  tekst: { label: 'Uw voorstel', id: 'voorstel-tekst' },
  naam: { label: 'Uw naam', id: 'voorstel-naam' },
  email: { label: 'Uw e-mailadres', id: 'voorstel-email' },
};
const EMPTY = { tekst: '', naam: '', email: '' };

function problems(values: typeof EMPTY, signedIn: boolean) {
  const text = values.tekst.trim();
  return clientErrors({
    tekst: !text
      ? 'Beschrijf uw voorstel.'
      : text.length < 10
        ? 'Beschrijf uw voorstel in minstens 10 tekens.'
        : text.length > MAX_TEXT && `Uw voorstel is te lang: houd het op ${MAX_TEXT} tekens.`,
    email: !signedIn && values.email.trim() !== '' && emailProblem(values.email),
  });
}

/** "Verbetervoorstel doen": about the version shown; without an account a name and address are optional. */
export function ProposalForm({ productId, version, signedIn }: { productId: number; version: number; signedIn: boolean }) {
  const [values, setValues] = useState(EMPTY);
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const send = useMutation({
    mutationFn: (body: ProposalCreate) => sendProposal(productId, body),
    onSuccess: () => {
      clear();
      setValues(EMPTY);
      setMessage(
        signedIn
          ? 'Dank u. Uw verbetervoorstel is verstuurd; bij Mijn verbetervoorstellen ziet u wat ermee gebeurt.'
          : 'Dank u. Uw verbetervoorstel is verstuurd naar de eigenaar van het product.',
      );
    },
    onError: (error) => show(mapErrorToForm(error, Object.keys(FIELDS), { statusFields: { 409: 'tekst' } })),
  });
  const set = (name: keyof typeof EMPTY, value: string) => setValues((current) => ({ ...current, [name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    const found = problems(values, signedIn);
    if (hasErrors(found)) {
      show(found);
      return;
    }
    const body: ProposalCreate = { tekst: values.tekst.trim(), versie: version };
    if (!signedIn && values.naam.trim()) body.naam = values.naam.trim();
    if (!signedIn && values.email.trim()) body.email = values.email.trim();
    send.mutate(body);
  };

  return (
    <div className="spoorboek-proposal-form">
      <Heading level={3} id="voorstel-kop">
        Verbetervoorstel doen
      </Heading>
      <Paragraph>
        Mist er iets, klopt er iets niet, of kan het duidelijker? Uw voorstel gaat naar de eigenaar van het product, over
        versie {version}.
      </Paragraph>
      <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="voorstel-kop">
        <TextAreaField
          id="voorstel-tekst"
          label="Uw voorstel"
          description="Noem zo mogelijk het hoofdstuk of de pagina. Zet er geen gegevens van inwoners in."
          rows={5}
          maxLength={MAX_TEXT}
          value={values.tekst}
          onChange={(event) => set('tekst', event.target.value)}
          errors={errors.fields.tekst}
        />
        {!signedIn && (
          <>
            <TextField
              id="voorstel-naam"
              label="Uw naam (niet verplicht)"
              autoComplete="name"
              maxLength={200}
              value={values.naam}
              onChange={(event) => set('naam', event.target.value)}
              errors={errors.fields.naam}
            />
            <TextField
              id="voorstel-email"
              label="Uw e-mailadres (niet verplicht)"
              description="Alleen als u wilt horen wat er met uw voorstel gebeurt. Alleen de redactie ziet het."
              type="email"
              autoComplete="email"
              maxLength={254}
              value={values.email}
              onChange={(event) => set('email', event.target.value)}
              errors={errors.fields.email}
            />
          </>
        )}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={send.isPending} disabled={send.isPending}>
            Voorstel versturen
          </PrimaryActionButton>
        </ButtonGroup>
        <StatusMessage>{message}</StatusMessage>
        {signedIn && (
          <Paragraph>
            <AppLink to="/mijn-verbetervoorstellen">Mijn verbetervoorstellen</AppLink>
          </Paragraph>
        )}
      </form>
    </div>
  );
}
