import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { DutchDay } from '../shared/DutchDay';
import { DueBadge } from './DueBadge';
import { CHANNEL_LABELS, STATUS_LABELS } from './labels';
import { faqPath, questionPath } from './paths';
import type { QuestionSummary } from './types';

export const TEAM_COLUMNS = ['Vraag', 'Status', 'Antwoord uiterlijk', 'Vrager', 'Behandelaar', 'Ontvangen'];
export const ASKER_COLUMNS = ['Vraag', 'Status', 'Antwoord uiterlijk', 'Ontvangen'];

/** One question in the inbox (team) or in Mijn vragen (asker). */
export function QuestionRow({ question, team }: { question: QuestionSummary; team: boolean }) {
  return (
    <TableRow>
      <TableHeaderCell scope="row" className="spoorboek-row-header">
        <AppLink to={questionPath(question.id, team)}>
          <span className="spoorboek-muted">{question.id}</span> {question.onderwerp}
        </AppLink>
        {question.maatregelen.length > 0 && (
          <>
            <br />
            <span className="spoorboek-muted">{question.maatregelen.join(', ')}</span>
          </>
        )}
      </TableHeaderCell>
      <TableCell>
        {STATUS_LABELS[question.status]}
        {team && question.faqId !== null && (
          <>
            <br />
            <AppLink to={faqPath(question.faqId)} className="spoorboek-faq-marker">
              FAQ<span className="spoorboek-visually-hidden"> van vraag {question.id}</span>
            </AppLink>
          </>
        )}
      </TableCell>
      <TableCell>
        <DueBadge due={question.termijn} state={question.termijnStatus} />
      </TableCell>
      {team && (
        <>
          <TableCell>
            {question.vrager ?? 'Onbekend'}
            {question.gemeente && (
              <>
                <br />
                <span className="spoorboek-muted">{question.gemeente.naam}</span>
              </>
            )}
          </TableCell>
          <TableCell>{question.behandelaar?.naam ?? 'Niemand'}</TableCell>
        </>
      )}
      <TableCell>
        <DutchDay value={question.ontvangenOp} />
        <br />
        <span className="spoorboek-muted">{CHANNEL_LABELS[question.kanaal]}</span>
      </TableCell>
    </TableRow>
  );
}
