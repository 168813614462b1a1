import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { DutchDate } from '../shared/DutchDate';
import { DutchDateTime } from '../shared/DutchDateTime';
import { todayIso } from '../shared/dates';
import { FactList } from '../shared/FactList';
import { EXPERT_STATE_LABELS } from './experts/labels';
import type { Question } from './types';
import './experts/experts.css';

type ExpertRequest = Question['expertverzoeken'][number];

/** Whether an open request is past its due date (the due date itself is still on time). */
export function isOverdue(request: Pick<ExpertRequest, 'status' | 'termijn'>, today = todayIso()): boolean {
  return request.status === 'open' && request.termijn < today;
}

function Due({ request }: { request: ExpertRequest }) {
  return (
    <>
      <DutchDate value={request.termijn} />
      {isOverdue(request) && (
        <>
          {' '}
          <span className="spoorboek-light spoorboek-light--te-laat">
            <span aria-hidden="true">✕</span> Verlopen
          </span>
        </>
      )}
    </>
  );
}

function Answer({ request }: { request: ExpertRequest }) {
  if (request.status === 'beantwoord') {
    return (
      <>
        <Paragraph className="spoorboek-text">{request.antwoord}</Paragraph>
        {request.beantwoordOp && (
          <Paragraph className="spoorboek-muted">
            Door {request.beantwoordDoor?.naam ?? 'een expert'} op <DutchDateTime value={request.beantwoordOp} />
          </Paragraph>
        )}
      </>
    );
  }
  if (request.status === 'ingetrokken') {
    return (
      <Paragraph>
        Teruggenomen voordat de experts antwoordden
        {request.geslotenOp && (
          <>
            {' '}
            (<DutchDateTime value={request.geslotenOp} />)
          </>
        )}
        .
      </Paragraph>
    );
  }
  return <Paragraph>Nog geen antwoord.</Paragraph>;
}

function RequestItem({ request }: { request: ExpertRequest }) {
  const titleId = `expertverzoek-${request.id}`;
  const facts: [string, ReactNode][] = [
    ['Status', EXPERT_STATE_LABELS[request.status]],
    [
      'Gevraagd',
      <>
        <DutchDateTime value={request.gesteldOp} />
        {request.gesteldDoor && ` door ${request.gesteldDoor.naam}`}
      </>,
    ],
    ['Antwoord uiterlijk', <Due key="termijn" request={request} />],
    ['Gegevens vraagsteller gedeeld', request.contactGedeeld ? 'Ja' : 'Nee'],
  ];
  return (
    <li aria-labelledby={titleId} className="spoorboek-expert-request">
      <Heading level={3} id={titleId}>
        {request.organisatie.naam}
      </Heading>
      <FactList facts={facts} />
      <Heading level={4}>Wat u de experts vroeg</Heading>
      <Paragraph className="spoorboek-text">{request.expertVraag ?? 'Geen aparte vraag: alleen de vraag zelf.'}</Paragraph>
      <Heading level={4}>Antwoord van de expert</Heading>
      <Answer request={request} />
    </li>
  );
}

/**
 * "Voorgelegd aan experts" on the team's question page: every time the question was put to a
 * partner organisation, newest first, with what was asked and the experts' answer. Their answer
 * is for the advisor, who writes the reply to the asker.
 */
export function ExpertRequestsSection({ question }: { question: Question }) {
  if (question.expertverzoeken.length === 0) return null;
  const requests = [...question.expertverzoeken].sort((a, b) => Date.parse(b.gesteldOp) - Date.parse(a.gesteldOp));
  return (
    <section aria-labelledby="experts-kop" className="spoorboek-section">
      <Heading level={2} id="experts-kop">
        Voorgelegd aan experts
      </Heading>
      <Paragraph>Het antwoord van een expert is voor u; de vrager krijgt alleen het antwoord dat u hieronder geeft.</Paragraph>
      <ul className="spoorboek-expert-requests" aria-labelledby="experts-kop">
        {requests.map((request) => (
          <RequestItem key={request.id} request={request} />
        ))}
      </ul>
    </section>
  );
}
