import { TableCell, TableHeaderCell } from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { DutchDay } from '../shared/DutchDay';
import { BODY_SHORT_LABELS, statusLabel } from './labels';
import { questionPath } from './paths';
import type { Body, SignalStatus } from './types';

/** A signal's title in a list, linked, with its measures beneath (and what `extra` says). */
export function TitleCell({
  to,
  id,
  title,
  measures,
  extra,
}: {
  to: string;
  id?: number;
  title: string;
  measures: { code: string }[];
  extra?: string | undefined;
}) {
  return (
    <TableHeaderCell scope="row" className="spoorboek-row-header spoorboek-title-cell">
      <AppLink to={to}>
        {id !== undefined && <span className="spoorboek-muted">{id}</span>} {title}
      </AppLink>
      {measures.length > 0 && (
        <>
          <br />
          <span className="spoorboek-muted">{measures.map((measure) => measure.code).join(', ')}</span>
        </>
      )}
      {extra && (
        <>
          <br />
          <span className="spoorboek-muted">{extra}</span>
        </>
      )}
    </TableHeaderCell>
  );
}

/** Where a signal stands, and to whom it was passed on. */
export function StatusCell({ status, passedTo }: { status: SignalStatus; passedTo: Body | null }) {
  return (
    <TableCell>
      {statusLabel(status)}
      {passedTo && (
        <>
          <br />
          <span className="spoorboek-muted">aan {BODY_SHORT_LABELS[passedTo]}</span>
        </>
      )}
    </TableCell>
  );
}

/** A question of the evidence: linked to its page, its municipality and when it came in. */
export function QuestionCells({ question }: { question: { id: number; onderwerp: string; gemeente: { naam: string } | null; ontvangenOp: string } }) {
  return (
    <>
      <TableCell>
        <AppLink to={questionPath(question.id)}>
          <span className="spoorboek-muted">{question.id}</span> {question.onderwerp}
        </AppLink>
      </TableCell>
      <TableCell>{question.gemeente?.naam ?? 'Geen'}</TableCell>
      <TableCell>
        <DutchDay value={question.ontvangenOp} />
      </TableCell>
    </>
  );
}
