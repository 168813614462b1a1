import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ButtonGroup,
  Heading,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

import { storeAnswer } from '../app/queryClient';
import type { User } from '../auth/session';
import { RadioGroup } from '../forms/fields';
import { DutchDate } from '../shared/DutchDate';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { formatDutchDate } from '../shared/dates';
import {
  digestKeys,
  fetchMyDigest,
  fetchMyDigestPreview,
  setMyDigest,
  type DigestFrequency,
  type DigestPreference,
} from './api';
import { DigestPreview } from './DigestPreview';

export const DIGEST_SECTION_ID = 'persoonlijk-overzicht';

const CHOICES: { value: DigestFrequency; label: string; description: string }[] = [
  { value: 'nooit', label: 'Nooit', description: 'U krijgt geen persoonlijk overzicht.' },
  { value: 'wekelijks', label: 'Wekelijks', description: 'Elke maandagochtend.' },
  { value: 'maandelijks', label: 'Maandelijks', description: 'Op de eerste van de maand, ’s ochtends.' },
];

function isFrequency(value: string): value is DigestFrequency {
  return CHOICES.some((choice) => choice.value === value);
}

export function savedText(saved: DigestPreference): string {
  if (saved.frequentie === 'nooit' || !saved.volgendeVerzending) return 'Opgeslagen. U krijgt geen persoonlijk overzicht.';
  return `Opgeslagen. Uw volgende overzicht komt op ${formatDutchDate(saved.volgendeVerzending)}.`;
}

/** Only a contact of a municipality (or of a shared service) has a digest. */
export function hasDigest(user: User): boolean {
  return user.rollen.includes('gemeente') && user.gemeenten.length > 0;
}

function FrequencyForm({ mine }: { mine: DigestPreference }) {
  const queryClient = useQueryClient();
  const [frequency, setFrequency] = useState<DigestFrequency>(mine.frequentie);
  const [message, setMessage] = useState('');
  const save = useMutation({
    mutationFn: setMyDigest,
    onSuccess: async (saved) => {
      await storeAnswer(queryClient, digestKeys.mine, saved);
      void queryClient.invalidateQueries({ queryKey: digestKeys.preview });
      setMessage(savedText(saved));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    save.mutate(frequency);
  };
  return (
    <form noValidate onSubmit={submit} className="spoorboek-form" aria-label="Persoonlijk overzicht">
      {save.isError && <ErrorAlert error={save.error} />}
      <RadioGroup
        id="persoonlijk-overzicht-frequentie"
        name="persoonlijk-overzicht-frequentie"
        legend="Hoe vaak wilt u het ontvangen?"
        value={frequency}
        onChange={(value) => {
          if (isFrequency(value)) setFrequency(value);
        }}
        choices={CHOICES}
      />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={save.isPending} disabled={save.isPending}>
          Keuze opslaan
        </PrimaryActionButton>
      </ButtonGroup>
      <StatusMessage>{message}</StatusMessage>
    </form>
  );
}

function Preview() {
  const [shown, setShown] = useState(false);
  const preview = useQuery({
    queryKey: digestKeys.preview,
    queryFn: ({ signal }) => fetchMyDigestPreview(signal),
    enabled: shown,
  });
  let content: ReactNode = null;
  if (shown && preview.isPending) content = <StatusMessage>Voorbeeld maken…</StatusMessage>;
  else if (shown && preview.isError)
    content = <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />;
  else if (shown && preview.data) content = <DigestPreview preview={preview.data} />;
  return (
    <>
      <Heading level={3}>Voorbeeld van uw volgende overzicht</Heading>
      {!shown && (
        <ButtonGroup>
          <SecondaryActionButton type="button" onClick={() => setShown(true)}>
            Voorbeeld tonen
          </SecondaryActionButton>
        </ButtonGroup>
      )}
      {content}
    </>
  );
}

/**
 * The persoonlijk overzicht under Mijn account: how often she gets it, and what the next one
 * would hold. The digest mail links here (#persoonlijk-overzicht) to change or stop it.
 */
export function MyDigestSection({ user }: { user: User }) {
  const { hash } = useLocation();
  const contact = hasDigest(user);
  const mine = useQuery({
    queryKey: digestKeys.mine,
    queryFn: ({ signal }) => fetchMyDigest(signal),
    enabled: contact,
  });

  useEffect(() => {
    if (!contact || !mine.data || hash !== `#${DIGEST_SECTION_ID}`) return;
    const heading = document.getElementById(DIGEST_SECTION_ID);
    heading?.focus();
    heading?.scrollIntoView?.();
  }, [contact, mine.data, hash]);

  if (!contact) return null;

  let content: ReactNode;
  if (mine.isPending) content = <StatusMessage>Persoonlijk overzicht laden…</StatusMessage>;
  else if (mine.isError) content = <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />;
  else
    content = (
      <>
        {mine.data.volgendeVerzending ? (
          <Paragraph>
            Uw volgende overzicht komt op <DutchDate value={mine.data.volgendeVerzending} />.
          </Paragraph>
        ) : (
          <Paragraph>U krijgt nu geen persoonlijk overzicht.</Paragraph>
        )}
        <FrequencyForm mine={mine.data} />
        <Preview />
      </>
    );

  return (
    <section aria-labelledby={DIGEST_SECTION_ID} className="spoorboek-section">
      <Heading level={2} id={DIGEST_SECTION_ID} tabIndex={-1}>
        Persoonlijk overzicht
      </Heading>
      <Paragraph>
        Per e-mail, voor {user.gemeenten.length > 1 ? 'elk van uw gemeenten' : 'uw gemeente'}: wanneer u uiterlijk
        moet beginnen met welke maatregel, wat sinds het vorige overzicht te laat raakte of risico liep, nieuwe
        producten, veelgestelde vragen en bijeenkomsten voor de maatregelen waarmee u achterloopt, en de antwoorden op
        uw vragen en signalen. Zonder volgpixels of gevolgde links; een overzicht zonder nieuws sturen we niet.
      </Paragraph>
      {content}
    </section>
  );
}
