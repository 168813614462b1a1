import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, ButtonGroup, Heading, Link, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';

import { ApiError } from '../../api/problem';
import { AppLink } from '../../app/AppLink';
import { NotFoundPage } from '../../app/NotFoundPage';
import { storeAnswer } from '../../app/queryClient';
import { clientErrors, hasErrors, mapErrorToForm } from '../../forms/errors';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { TextAreaField } from '../../forms/fields';
import { useFormErrors } from '../../forms/useFormErrors';
import { DutchDateTime } from '../../shared/DutchDateTime';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { FactList } from '../../shared/FactList';
import { StatusMessage } from '../../shared/StatusMessage';
import { DueBadge } from '../DueBadge';
import { answerExpertQuestion, expertKeys, useExpertQuestion, type ExpertQuestion } from './api';
import { EXPERT_STATE_DESCRIPTIONS, EXPERT_STATE_LABELS } from './labels';
import { EXPERT_INBOX_PATH } from './paths';
import '../questions.css';

const FIELDS = { antwoord: { id: 'antwoord', label: 'Uw antwoord' } };

/** The server's limit on an answer. */
const MAX_ANSWER = 20000;

function BackLink() {
  return (
    <Paragraph>
      <AppLink to={EXPERT_INBOX_PATH}>Terug naar de expertvragen</AppLink>
    </Paragraph>
  );
}

function NotFound() {
  return (
    <>
      <title>Expertvraag niet gevonden – Spoorboek</title>
      <Heading level={1}>Expertvraag niet gevonden</Heading>
      <Paragraph>
        Deze vraag bestaat niet, of is niet aan uw organisatie voorgelegd. Bekijk{' '}
        <AppLink to={EXPERT_INBOX_PATH}>de vragen aan uw organisatie</AppLink>.
      </Paragraph>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="spoorboek-section">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** Where the request stands and what it is about. */
function RequestFacts({ request }: { request: ExpertQuestion }) {
  const facts: [string, ReactNode][] = [
    ['Status', `${EXPERT_STATE_LABELS[request.status]}: ${EXPERT_STATE_DESCRIPTIONS[request.status].toLowerCase()}`],
    ['Antwoord uiterlijk', <DueBadge key="termijn" due={request.termijn} state={request.termijnStatus} />],
    ['Voorgelegd op', <DutchDateTime key="gesteld" value={request.gesteldOp} />],
    ['Voorgelegd door', request.gesteldDoor?.naam ?? 'Het implementatieteam'],
    ['Voorgelegd aan', request.organisatie.naam],
    [
      'Maatregelen',
      request.maatregelen.length > 0
        ? request.maatregelen.map((measure) => `${measure.code} ${measure.naam}`).join('; ')
        : 'Niet bepaald',
    ],
    ['Thema', request.thema?.naam ?? 'Niet bepaald'],
    ['Vraagnummer bij het implementatieteam', String(request.vraagId)],
  ];
  return <FactList facts={facts} />;
}

/** The asker, only when the advisor shared her details; otherwise a sentence saying so. */
function AskerSection({ request }: { request: ExpertQuestion }) {
  const asker = request.vragensteller;
  let content: ReactNode;
  if (asker) {
    content = (
      <FactList
        facts={[
          ['Naam', asker.naam ?? 'Onbekend'],
          ['E-mailadres', asker.email ? <Link href={`mailto:${asker.email}`}>{asker.email}</Link> : 'Onbekend'],
          ['Organisatie', asker.organisatie ?? 'Niet vermeld'],
          ['Gemeente', request.gemeente?.naam ?? 'Niet vermeld'],
        ]}
      />
    );
  } else if (request.contactGedeeld) {
    content = <Paragraph>De adviseur deelde de gegevens van de vrager, maar die zijn inmiddels gewist.</Paragraph>;
  } else {
    content = (
      <Paragraph>
        De adviseur heeft de gegevens van de vrager niet met u gedeeld. Hebt u ze nodig? Vraag het de adviseur.
      </Paragraph>
    );
  }
  return (
    <Section id="vrager-kop" title="Vrager">
      {content}
    </Section>
  );
}

/** The answer as sent, read-only. */
function GivenAnswer({ request }: { request: ExpertQuestion }) {
  return (
    <>
      <Paragraph className="spoorboek-text">{request.antwoord}</Paragraph>
      {request.beantwoordOp && (
        <Paragraph className="spoorboek-muted">
          Verstuurd{request.beantwoordDoor ? ` door ${request.beantwoordDoor.naam}` : ''} op{' '}
          <DutchDateTime value={request.beantwoordOp} />. Het antwoord ging naar de adviseur, niet naar de vrager.
        </Paragraph>
      )}
    </>
  );
}

/** What happened to an answer the server refused (409): said plainly, with the text kept to copy. */
function Refused({ detail, draft }: { detail: string; draft: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [detail, draft]);
  return (
    <Alert type="error" ref={ref} tabIndex={-1}>
      <Heading level={3}>Uw antwoord is niet verstuurd</Heading>
      <Paragraph>{detail} Hieronder ziet u hoe de vraag er nu voor staat.</Paragraph>
      <Paragraph>Wat u schreef, zodat u het kunt bewaren of aan de adviseur kunt sturen:</Paragraph>
      <Paragraph className="spoorboek-text">{draft}</Paragraph>
    </Alert>
  );
}

function AnswerForm({
  request,
  onAnswered,
  onRefused,
}: {
  request: ExpertQuestion;
  onAnswered: (saved: ExpertQuestion) => void;
  onRefused: (detail: string, draft: string) => void;
}) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const { errors, show, clear, summaryRef } = useFormErrors();
  const send = useMutation({
    mutationFn: (answer: string) => answerExpertQuestion(request.id, answer),
    onSuccess: async (saved) => {
      clear();
      await storeAnswer(queryClient, expertKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: [...expertKeys.all, 'lijst'] });
      onAnswered(saved);
    },
    onError: (error, answer) => {
      if (error instanceof ApiError && error.status === 409) {
        clear();
        onRefused(error.detail ?? error.title, answer);
        // Answered by a colleague or taken back: show the request as it is now.
        void queryClient.invalidateQueries({ queryKey: expertKeys.all });
        return;
      }
      show(mapErrorToForm(error, Object.keys(FIELDS)));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const answer = text.trim();
    const problems = clientErrors({ antwoord: !answer && 'Schrijf uw antwoord.' });
    if (hasErrors(problems)) {
      show(problems);
      return;
    }
    send.mutate(answer);
  };

  const advisor = request.gesteldDoor?.naam ?? 'de adviseur';
  return (
    <>
      <ErrorSummary ref={summaryRef} errors={errors} fields={FIELDS} />
      <form noValidate onSubmit={submit} className="spoorboek-form" aria-labelledby="uw-antwoord-kop">
        <TextAreaField
          {...FIELDS.antwoord}
          description={`Uw antwoord gaat naar ${advisor}, niet naar de vrager. Na het versturen kunt u het niet meer wijzigen.`}
          required
          rows={10}
          maxLength={MAX_ANSWER}
          value={text}
          onChange={(event) => setText(event.target.value)}
          errors={errors.fields.antwoord}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={send.isPending} disabled={send.isPending}>
            Antwoord versturen
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}

function AnswerSection({ request }: { request: ExpertQuestion }) {
  const [sent, setSent] = useState(false);
  const [refused, setRefused] = useState<{ detail: string; draft: string } | null>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  // The form is gone once sent: put the keyboard at the confirmation instead of nowhere.
  useEffect(() => {
    if (sent) sentRef.current?.focus();
  }, [sent]);

  return (
    <Section id="uw-antwoord-kop" title="Uw antwoord">
      {refused && <Refused detail={refused.detail} draft={refused.draft} />}
      {sent && (
        <Alert type="ok" ref={sentRef} tabIndex={-1}>
          <Paragraph>Uw antwoord is verstuurd naar {request.gesteldDoor?.naam ?? 'de adviseur'}. Dank u wel.</Paragraph>
        </Alert>
      )}
      {request.status === 'open' && (
        <AnswerForm
          request={request}
          onAnswered={() => {
            setRefused(null);
            setSent(true);
          }}
          onRefused={(detail, draft) => setRefused({ detail, draft })}
        />
      )}
      {request.status === 'beantwoord' && <GivenAnswer request={request} />}
      {request.status === 'ingetrokken' && <Paragraph>{EXPERT_STATE_DESCRIPTIONS.ingetrokken}</Paragraph>}
    </Section>
  );
}

function ExpertQuestionView({ request }: { request: ExpertQuestion }) {
  return (
    <>
      <title>{`${request.onderwerp} – Expertvragen – Spoorboek`}</title>
      <BackLink />
      <Heading level={1}>{request.onderwerp}</Heading>
      <Paragraph appearance="lead">
        Het implementatieteam legt deze vraag van een gemeente voor aan {request.organisatie.naam}.
      </Paragraph>
      <RequestFacts request={request} />
      <Section id="expertvraag-kop" title="Wat de adviseur u vraagt">
        <Paragraph className="spoorboek-text">
          {request.expertVraag ?? 'De adviseur stelde geen aparte vraag aan u: het gaat om de vraag hieronder.'}
        </Paragraph>
      </Section>
      <Section id="vraag-kop" title="De vraag van de gemeente">
        <Paragraph className="spoorboek-text">{request.vraag}</Paragraph>
      </Section>
      <AskerSection request={request} />
      <AnswerSection request={request} />
    </>
  );
}

/** /expertvragen/:id: one request put to the expert's organisation, and her answer to the advisor. */
export default function ExpertQuestionPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id >= 1 && id <= 2147483647;
  const request = useExpertQuestion(id, valid);

  if (!valid) return <NotFoundPage />;
  if (request.isError && request.error instanceof ApiError && request.error.status === 404) return <NotFound />;
  return (
    <>
      <StatusMessage>{request.isPending ? 'Expertvraag laden…' : ''}</StatusMessage>
      {request.isError && <ErrorAlert error={request.error} onRetry={() => void request.refetch()} />}
      {request.data && <ExpertQuestionView request={request.data} />}
    </>
  );
}
