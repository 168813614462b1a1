import { useMutation } from '@tanstack/react-query';
import { Alert, ButtonGroup, Heading, Link, Paragraph, PrimaryActionButton, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';

import { ApiError } from '../api/problem';
import { AppLink } from '../app/AppLink';
import { clientErrors, hasErrors, mapErrorToForm } from '../forms/errors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { TextField } from '../forms/fields';
import { useFormErrors } from '../forms/useFormErrors';
import { FEED_HREF, signUp } from './api';
import { ChoiceFields, choiceSummaryFields } from './ChoiceFields';
import { choiceProblems, choicesBody, emailProblem, EVERYTHING, type ChoiceValues } from './logic';
import { ARCHIVE_PATH } from './paths';

/** The one answer for every address: the page must not tell who subscribes. */
export const SENT_TEXT =
  'Als dit adres zich kan aanmelden, ontvangt u binnen enkele minuten een e-mail met een bevestigingslink. Pas na het bevestigen krijgt u de nieuwsbrief. Ziet u niets? Kijk dan ook in uw map met ongewenste e-mail.';

/** 429 says when to try again; the detail of the problem already says so in Dutch. */
export function tooManyText(error: ApiError): string {
  const seconds = error.retryAfter;
  const minutes = seconds !== undefined && seconds > 0 ? Math.ceil(seconds / 60) : null;
  return minutes
    ? `Er zijn net veel aanmeldingen vanaf dit adres of voor dit e-mailadres gedaan. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`
    : 'Er zijn net veel aanmeldingen vanaf dit adres of voor dit e-mailadres gedaan. Probeer het later opnieuw.';
}

function Sent({ onAgain }: { onAgain: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert type="ok" ref={ref} tabIndex={-1} className="spoorboek-outcome">
      <Heading level={2}>Kijk in uw mailbox</Heading>
      <Paragraph>{SENT_TEXT}</Paragraph>
      <Paragraph>
        <Link href="#aanmelden" onClick={(event) => { event.preventDefault(); onAgain(); }}>
          Een ander adres aanmelden
        </Link>
      </Paragraph>
    </Alert>
  );
}

function SubscribeForm({ onSent }: { onSent: () => void }) {
  const fields = { email: { id: 'nieuwsbrief-email', label: 'E-mailadres' }, ...choiceSummaryFields('nieuwsbrief') };
  const [email, setEmail] = useState('');
  const [values, setValues] = useState<ChoiceValues>(EVERYTHING);
  const { errors, show, clear, summaryRef } = useFormErrors();
  const mutation = useMutation({
    mutationFn: signUp,
    onSuccess: () => {
      clear();
      onSent();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 429) show({ fields: {}, general: [tooManyText(error)] });
      else show(mapErrorToForm(error, ['email', 'alles'], { aliases: { maatregelen: 'alles', themas: 'alles', golven: 'alles' } }));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientErrors({ email: emailProblem(email), ...choiceProblems(values) });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    mutation.mutate({ email: email.trim(), ...choicesBody(values) });
  };

  return (
    <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="aanmelden">
      <ErrorSummary ref={summaryRef} errors={errors} fields={fields} />
      <TextField
        id={fields.email.id}
        label={fields.email.label}
        type="email"
        autoComplete="email"
        value={email}
        maxLength={254}
        onChange={(event) => setEmail(event.target.value)}
        errors={errors.fields.email}
      />
      <ChoiceFields prefix="nieuwsbrief" values={values} onChange={setValues} errors={errors.fields} />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={mutation.isPending} disabled={mutation.isPending}>
          Aanmelden
        </PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}

/** /nieuwsbrief: what the newsletter is, and signing up with double opt-in. */
export default function SubscribePage() {
  const [sent, setSent] = useState(false);
  return (
    <>
      <title>Nieuwsbrief – Spoorboek</title>
      <Heading level={1}>Nieuwsbrief</Heading>
      <Paragraph appearance="lead">
        De nieuwsbrief van het programma vertelt wat er nieuw is: nieuwe en gewijzigde producten, antwoorden op veelgestelde
        vragen, bijeenkomsten en termijnen die eraan komen, de landelijke voortgang en reacties op signalen.
      </Paragraph>
      <Paragraph>
        U kiest zelf waarover: de hele nieuwsbrief, of alleen wat over bepaalde maatregelen, thema’s of golven gaat. Lees
        eerst eens een eerdere editie in het <AppLink to={ARCHIVE_PATH}>archief</AppLink> of volg het archief met de{' '}
        <Link href={FEED_HREF} type="application/atom+xml">Atom-feed</Link>.
      </Paragraph>
      <Heading level={2} id="aanmelden">
        Aanmelden
      </Heading>
      {sent ? <Sent onAgain={() => setSent(false)} /> : <SubscribeForm onSent={() => setSent(true)} />}
      <Heading level={2}>Wat er daarna gebeurt</Heading>
      <UnorderedList>
        <UnorderedListItem>U krijgt één e-mail met een link om uw aanmelding te bevestigen. De link werkt 48 uur.</UnorderedListItem>
        <UnorderedListItem>Zolang u niet bevestigt, sturen we niets anders naar dit adres; daarna vergeten we het.</UnorderedListItem>
        <UnorderedListItem>
          In elke nieuwsbrief staat een link waarmee u uw keuze wijzigt, uw gegevens downloadt of wist, of zich afmeldt.
        </UnorderedListItem>
      </UnorderedList>
      <Heading level={2}>Privacy</Heading>
      <Paragraph>
        Spoorboek gebruikt geen trackingpixels en geen linktracking: we zien niet of u een nieuwsbrief opent of waarop u
        klikt. We bewaren uw e-mailadres, uw keuze, wanneer u zich aan- of afmeldde en welke edities we u stuurden.
      </Paragraph>
    </>
  );
}
