import { DataList, DataListItem, DataListKey, DataListValue, Link } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { DutchDate } from '../shared/DutchDate';
import { DutchDateTime } from '../shared/DutchDateTime';
import { DueBadge } from './DueBadge';
import { CHANNEL_LABELS, STATUS_LABELS } from './labels';
import type { Question } from './types';

function Facts({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <DataList className="spoorboek-facts">
      {facts.map(([key, value]) => (
        <DataListItem key={key}>
          <DataListKey>{key}</DataListKey>
          <DataListValue>{value}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}

/** Where the question stands: status, due date, who handles it, what it is about. */
export function QuestionFacts({ question, team }: { question: Question; team: boolean }) {
  const facts: [string, ReactNode][] = [
    ['Status', STATUS_LABELS[question.status]],
    ['Antwoord uiterlijk', <DueBadge key="termijn" due={question.termijn} state={question.termijnStatus} />],
    ['Ontvangen op', <DutchDateTime key="ontvangen" value={question.ontvangenOp} />],
    ['Kanaal', CHANNEL_LABELS[question.kanaal]],
    ['Gemeente', question.gemeente?.naam ?? 'Geen'],
    [
      'Maatregelen',
      question.maatregelen.length > 0
        ? question.maatregelen.map((measure) => `${measure.code} ${measure.naam}`).join('; ')
        : 'Nog niet bepaald',
    ],
  ];
  if (team) {
    facts.push(
      ['Thema', question.thema?.naam ?? 'Nog niet bepaald'],
      ['Behandelaar', question.behandelaar?.naam ?? 'Nog niemand'],
    );
  }
  if (question.expert) {
    facts.push([
      'Voorgelegd aan',
      <>
        {question.expert.organisatie.naam}
        {question.expert.termijn && (
          <>
            , antwoord uiterlijk <DutchDate value={question.expert.termijn} />
          </>
        )}
      </>,
    ]);
  }
  if (question.beantwoordOp) facts.push(['Beantwoord op', <DutchDateTime key="beantwoord" value={question.beantwoordOp} />]);
  if (question.geslotenOp) facts.push(['Gesloten op', <DutchDateTime key="gesloten" value={question.geslotenOp} />]);
  return <Facts facts={facts} />;
}

/** Who asked: personal data, only for the team (and never in the FAQ). */
export function AskerFacts({ question }: { question: Question }) {
  const asker = question.vragensteller;
  if (question.gewist || !asker) return <Facts facts={[['Vrager', 'Gegevens gewist op verzoek']]} />;
  return (
    <Facts
      facts={[
        ['Naam', asker.naam ?? 'Onbekend'],
        ['E-mailadres', asker.email ? <Link href={`mailto:${asker.email}`}>{asker.email}</Link> : 'Onbekend'],
        ['Organisatie', asker.organisatie ?? 'Niet vermeld'],
      ]}
    />
  );
}
