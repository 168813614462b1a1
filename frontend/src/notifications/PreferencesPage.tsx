import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';

import { AppLink } from '../app/AppLink';
import { storeAnswer } from '../app/queryClient';
import { mapErrorToForm } from '../forms/errors';
import { ErrorSummary, type SummaryField } from '../forms/ErrorSummary';
import { choiceId, RadioGroup } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { fetchPreferences, notificationKeys, savePreferences, type Delivery, type Preference } from './api';
import { DELIVERIES, DELIVERY_DESCRIPTIONS, DELIVERY_LABELS } from './labels';
import { NOTIFICATIONS_PATH } from './paths';
import './notifications.css';

const groupId = (kind: string) => `voorkeur-${kind}`;

/** The error summary's field per kind: its name, and the first choice to jump to. */
function summaryFields(preferences: Preference[]): Record<string, SummaryField> {
  return Object.fromEntries(
    preferences.map((p) => [p.soort, { label: p.naam, id: choiceId(groupId(p.soort), DELIVERIES[0] ?? 'direct') }]),
  );
}

/** The API names a kind's problem `voorkeuren.<soort>`; the form's field is the kind. */
function aliasesFor(preferences: Preference[]): Record<string, string> {
  return Object.fromEntries(
    preferences.flatMap((p) => [
      [`voorkeuren.${p.soort}`, p.soort],
      [`body.voorkeuren.${p.soort}`, p.soort],
    ]),
  );
}

function choicesOf(preferences: Preference[]): Record<string, Delivery> {
  return Object.fromEntries(preferences.map((p) => [p.soort, p.bezorging]));
}

function PreferencesForm({ preferences }: { preferences: Preference[] }) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(() => choicesOf(preferences));
  const [message, setMessage] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const fields = summaryFields(preferences);
  const mutation = useMutation({
    mutationFn: savePreferences,
    onMutate: () => setMessage(''),
    onSuccess: async (saved) => {
      clear();
      await storeAnswer(queryClient, notificationKeys.preferences, saved);
      setChosen(choicesOf(saved));
      setMessage('Uw keuzes zijn opgeslagen.');
    },
    onError: (error) => show(mapErrorToForm(error, Object.keys(fields), { aliases: aliasesFor(preferences) })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Only what changed: a kind left alone keeps following its default, also when that changes.
    const changed = Object.fromEntries(
      preferences.filter((p) => chosen[p.soort] !== p.bezorging).map((p) => [p.soort, chosen[p.soort] as Delivery]),
    );
    if (Object.keys(changed).length === 0) {
      clear();
      setMessage('U hebt niets gewijzigd; uw keuzes blijven zoals ze waren.');
      return;
    }
    mutation.mutate(changed);
  };

  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={fields} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-label="Mijn meldingen">
        {preferences.map((preference) => (
          <div key={preference.soort} className="spoorboek-preference">
            <RadioGroup
              id={groupId(preference.soort)}
              name={groupId(preference.soort)}
              legend={preference.naam}
              description={preference.omschrijving}
              value={chosen[preference.soort] ?? preference.bezorging}
              onChange={(value) => setChosen((current) => ({ ...current, [preference.soort]: value as Delivery }))}
              errors={errors.fields[preference.soort]}
              choices={DELIVERIES.map((delivery) => ({
                value: delivery,
                label: delivery === preference.standaard ? `${DELIVERY_LABELS[delivery]} (standaard)` : DELIVERY_LABELS[delivery],
                description: DELIVERY_DESCRIPTIONS[delivery],
              }))}
            />
          </div>
        ))}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
            Keuzes opslaan
          </PrimaryActionButton>
        </ButtonGroup>
        <StatusMessage>{message}</StatusMessage>
      </form>
    </>
  );
}

/** /mijn-meldingen: per kind of notification, how it reaches me. */
export default function PreferencesPage() {
  const preferences = useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => fetchPreferences(signal),
  });
  return (
    <>
      <title>Mijn meldingen – Spoorboek</title>
      <Heading level={1}>Mijn meldingen</Heading>
      <Paragraph appearance="lead">
        Kies per soort melding hoe die u bereikt. Elke melding staat altijd onder{' '}
        <AppLink to={NOTIFICATIONS_PATH}>Meldingen</AppLink> in Spoorboek; hier kiest u of u ook e-mail krijgt, meteen of
        in één dagoverzicht.
      </Paragraph>
      {preferences.isPending && <StatusMessage>Uw keuzes laden…</StatusMessage>}
      {preferences.isError && <ErrorAlert error={preferences.error} onRetry={() => void preferences.refetch()} />}
      {preferences.data &&
        (preferences.data.length === 0 ? (
          <Paragraph>Met uw rollen krijgt u geen meldingen, dus er is niets te kiezen.</Paragraph>
        ) : (
          <PreferencesForm preferences={preferences.data} />
        ))}
    </>
  );
}
