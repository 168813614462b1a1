import { Alert, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';

import { ApiError } from '../api/problem';
import { AppLink, ButtonAppLink } from '../app/AppLink';
import { NotFoundPage } from '../app/NotFoundPage';
import { isEditor, useCurrentUser } from '../auth/session';
import { AnswerRatingSection } from '../satisfaction/AnswerRatingSection';
import { ErrorAlert } from '../shared/ErrorAlert';
import { StatusMessage } from '../shared/StatusMessage';
import { useQuestion } from './api';
import { AttachmentsSection } from './AttachmentsSection';
import { MergeSection } from './MergeSection';
import { NotesSection } from './NotesSection';
import { ExpertRequestsSection } from './ExpertRequestsSection';
import { faqPath, INBOX_PATH, MY_QUESTIONS_PATH, publishPath, questionPath } from './paths';
import { AskerFacts, QuestionFacts } from './QuestionFacts';
import { QuestionHistory } from './QuestionHistory';
import { StaleNotice } from '../forms/StaleNotice';
import { StatusActions } from './StatusActions';
import type { Question } from './types';
import { StaleContext } from './useQuestionChange';
import './questions.css';

function NotFound({ team }: { team: boolean }) {
  return (
    <>
      <title>Vraag niet gevonden – Spoorboek</title>
      <Heading level={1}>Vraag niet gevonden</Heading>
      <Paragraph>
        Deze vraag bestaat niet, of is niet van u. Bekijk{' '}
        {team ? <AppLink to={INBOX_PATH}>alle vragen</AppLink> : <AppLink to={MY_QUESTIONS_PATH}>uw vragen</AppLink>}.
      </Paragraph>
    </>
  );
}

function AnswerSection({ question }: { question: Question }) {
  return (
    <section aria-labelledby="antwoord-kop" className="spoorboek-section spoorboek-answer">
      <Heading level={2} id="antwoord-kop">
        Antwoord
      </Heading>
      {question.antwoord ? (
        <Paragraph className="spoorboek-text">{question.antwoord}</Paragraph>
      ) : (
        <Paragraph>Nog geen antwoord. Het programmateam antwoordt uiterlijk op de datum hierboven.</Paragraph>
      )}
    </section>
  );
}

function FaqSection({ question }: { question: Question }) {
  if (question.faqId !== null) {
    return (
      <Paragraph>
        Deze vraag staat in de <AppLink to={faqPath(question.faqId)}>veelgestelde vragen</AppLink>.
      </Paragraph>
    );
  }
  if (question.status !== 'beantwoord' && question.status !== 'gesloten') return null;
  if (!question.antwoord) return null;
  return (
    <ButtonGroup>
      <ButtonAppLink to={publishPath(question.id)} appearance="secondary-action">
        Publiceren als FAQ
      </ButtonAppLink>
    </ButtonGroup>
  );
}

function QuestionView({ question, team }: { question: Question; team: boolean }) {
  const { state } = useLocation() as { state: { filed?: boolean } | null };
  return (
    <>
      <title>{`Vraag ${question.id}: ${question.onderwerp} – Spoorboek`}</title>
      <Paragraph>
        {team ? <AppLink to={INBOX_PATH}>Terug naar de inbox</AppLink> : <AppLink to={MY_QUESTIONS_PATH}>Terug naar mijn vragen</AppLink>}
      </Paragraph>
      <Heading level={1}>
        Vraag {question.id}: {question.onderwerp}
      </Heading>
      {state?.filed && (
        <Alert type="ok" role="status">
          <Paragraph>
            {team
              ? 'De vraag is vastgelegd.'
              : 'Uw vraag is verstuurd. U krijgt een ontvangstbevestiging per e-mail. Hieronder kunt u nog bijlagen toevoegen.'}
          </Paragraph>
        </Alert>
      )}
      {question.samengevoegdMet !== null && (
        <Alert type="info" role="note">
          <Paragraph>
            Deze vraag is samengevoegd met{' '}
            {team ? (
              <AppLink to={questionPath(question.samengevoegdMet, team)}>vraag {question.samengevoegdMet}</AppLink>
            ) : (
              `vraag ${question.samengevoegdMet}`
            )}
            ; het antwoord daarop krijgt u ook.
          </Paragraph>
        </Alert>
      )}
      <QuestionFacts question={question} team={team} />
      <section aria-labelledby="vraag-tekst-kop" className="spoorboek-section">
        <Heading level={2} id="vraag-tekst-kop">
          Vraag
        </Heading>
        <Paragraph className="spoorboek-text">{question.vraag}</Paragraph>
        {question.samengevoegdeVragen.length > 0 && (
          <Paragraph className="spoorboek-muted">
            Samengevoegde dubbele vragen: {question.samengevoegdeVragen.join(', ')}
          </Paragraph>
        )}
      </section>
      {team && (
        <section aria-labelledby="vrager-kop" className="spoorboek-section">
          <Heading level={2} id="vrager-kop">
            Vrager
          </Heading>
          <AskerFacts question={question} />
        </section>
      )}
      {team && <ExpertRequestsSection question={question} />}
      <AnswerSection question={question} />
      {question.antwoord && <AnswerRatingSection questionId={question.id} team={team} />}
      {team && <FaqSection question={question} />}
      <AttachmentsSection question={question} />
      {team && (
        <>
          <StatusActions question={question} />
          <NotesSection questionId={question.id} />
          {question.samengevoegdMet === null && <MergeSection question={question} />}
          <QuestionHistory questionId={question.id} />
        </>
      )}
    </>
  );
}

/** /vragen/:id (the team) and /mijn-vragen/:id (the asker): one question with what each may see and do. */
export default function QuestionPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const team = isEditor(useCurrentUser());
  const valid = Number.isInteger(id) && id >= 1 && id <= 2147483647;
  const question = useQuestion(id, valid);
  const [stale, setStale] = useState(0);
  const staleRef = useRef<HTMLDivElement>(null);
  const reportStale = useCallback(() => setStale((count) => count + 1), []);
  useEffect(() => {
    if (stale > 0) staleRef.current?.focus();
  }, [stale]);

  if (!valid) return <NotFoundPage />;
  if (question.isError && question.error instanceof ApiError && question.error.status === 404) return <NotFound team={team} />;
  return (
    <StaleContext.Provider value={reportStale}>
      {stale > 0 && <StaleNotice ref={staleRef} thing="deze vraag" changed="de vraag" />}
      <StatusMessage>{question.isPending ? 'Vraag laden…' : ''}</StatusMessage>
      {question.isError && <ErrorAlert error={question.error} onRetry={() => void question.refetch()} />}
      {question.data && <QuestionView question={question.data} team={team} />}
    </StaleContext.Provider>
  );
}
