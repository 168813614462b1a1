import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { AppLink } from '../../app/AppLink';
import { storeAnswer } from '../../app/queryClient';
import { CLIENT_KIND_DESCRIPTIONS, CLIENT_KIND_LABELS, SCOPE_LABELS, SCOPES, type ClientKind, type Scope } from '../../auth/labels';
import { clientErrors, hasErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { CheckboxGroup, choiceId, RadioGroup, TextField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { requiredText } from '../../forms/validation';
import { adminKeys, createClient, type ClientWithSecret } from '../api';
import { MunicipalityPicker, pickerSearchId } from '../../shared/MunicipalityPicker';
import { OrganisationSelect } from '../../shared/OrganisationSelect';
import type { CodeName } from '../../shared/referenceData';
import { SecretPanel } from './SecretPanel';

const FIELDS = {
  naam: { id: 'naam', label: 'Naam' },
  soort: { id: choiceId('soort', 'partner'), label: 'Soort' },
  scopes: { id: choiceId('scopes', SCOPES[0] ?? 'producten:lezen'), label: 'Rechten' },
  gemeenten: { id: pickerSearchId('gemeenten'), label: 'Gemeenten' },
  organisatie: { id: 'organisatie', label: 'Organisatie' },
};

const KINDS: ClientKind[] = ['partner', 'script', 'leverancier'];

function ClientForm({ onCreated }: { onCreated: (created: ClientWithSecret) => Promise<void> }) {
  const [naam, setNaam] = useState('');
  const [soort, setSoort] = useState<ClientKind>('partner');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [gemeenten, setGemeenten] = useState<CodeName[]>([]);
  const [organisatie, setOrganisatie] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const mutation = useMutation({
    mutationFn: () =>
      createClient({
        naam: naam.trim(),
        soort,
        scopes,
        gemeenten: gemeenten.map((m) => m.code),
        organisatie: organisatie || null,
      }),
    onSuccess: onCreated,
    onError: (error) => show(mapErrorToForm(error, Object.keys(FIELDS))),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({
      naam: requiredText(naam, 'Vul een naam in.'),
      scopes: scopes.length === 0 && 'Kies minstens één recht.',
    });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    clear();
    mutation.mutate();
  };

  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-label="Koppeling aanmaken">
        <TextField
          {...FIELDS.naam}
          name="naam"
          autoComplete="off"
          required
          maxLength={200}
          description="Herkenbaar voor beheerders, bijvoorbeeld ‘Kennisbank Divosa’."
          value={naam}
          onChange={(event) => setNaam(event.target.value)}
          errors={errors.fields.naam}
        />
        <RadioGroup
          id="soort"
          name="soort"
          legend="Soort"
          choices={KINDS.map((kind) => ({
            value: kind,
            label: CLIENT_KIND_LABELS[kind],
            description: CLIENT_KIND_DESCRIPTIONS[kind],
          }))}
          value={soort}
          onChange={(value) => setSoort(value as ClientKind)}
          errors={errors.fields.soort}
        />
        <CheckboxGroup
          id="scopes"
          legend="Rechten"
          description="Geef niet meer rechten dan de koppeling nodig heeft."
          choices={SCOPES.map((scope) => ({ value: scope, label: SCOPE_LABELS[scope] }))}
          value={scopes}
          onChange={(value) => setScopes(value as Scope[])}
          errors={errors.fields.scopes}
        />
        <MunicipalityPicker
          id="gemeenten"
          legend="Gemeenten"
          description="Verplicht voor een script: de gemeenten waarvoor het de voortgang mag lezen of doorgeven."
          value={gemeenten}
          onChange={setGemeenten}
          errors={errors.fields.gemeenten}
        />
        <OrganisationSelect
          id="organisatie"
          value={organisatie}
          onChange={setOrganisatie}
          errors={errors.fields.organisatie}
          label="Organisatie"
          description="Verplicht voor een ketenpartner en een leverancier: de organisatie die de koppeling gebruikt."
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            Koppeling aanmaken
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}

export default function NewClientPage() {
  const queryClient = useQueryClient();
  // The secret stays in this component's memory only: not in the URL, history or query cache.
  const [created, setCreated] = useState<ClientWithSecret | null>(null);

  return (
    <>
      <title>Koppeling aanmaken – Beheer – Spoorboek</title>
      <Paragraph>
        <AppLink to="/beheer/koppelingen">Terug naar koppelingen</AppLink>
      </Paragraph>
      <Heading level={1}>Koppeling aanmaken</Heading>
      {created ? (
        <>
          <Paragraph appearance="lead">
            De koppeling ‘{created.koppeling.naam}’ is aangemaakt.
          </Paragraph>
          <SecretPanel clientId={created.koppeling.clientId} secret={created.clientSecret} />
          <Paragraph>
            <AppLink to={`/beheer/koppelingen/${created.koppeling.clientId}`}>
              Naar de koppeling ‘{created.koppeling.naam}’
            </AppLink>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph appearance="lead">
            Na het aanmaken toont Spoorboek één keer het geheim waarmee de koppeling een toegangstoken
            aanvraagt.
          </Paragraph>
          <ClientForm
            onCreated={async (result) => {
              await storeAnswer(queryClient, adminKeys.client(result.koppeling.clientId), result.koppeling);
              void queryClient.invalidateQueries({ queryKey: [...adminKeys.allClients, 'lijst'] });
              setCreated(result);
            }}
          />
        </>
      )}
    </>
  );
}
