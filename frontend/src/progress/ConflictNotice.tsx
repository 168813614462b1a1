import { Alert, ButtonGroup, Heading, Paragraph, SecondaryActionButton } from '@utrecht/component-library-react';
import { forwardRef } from 'react';

import { CellFacts } from './CellFacts';
import { FIELD_LABELS, type CellField } from './cellForm';
import type { Cell } from './types';

interface ConflictNoticeProps {
  /** The state as it is stored now, saved by someone else after this form was opened. */
  current: Cell;
  /** Where the user's entries differ from it. */
  differences: CellField[];
  onTakeCurrent: () => void;
  onKeepMine: () => void;
}

/**
 * Shown when a save was refused because someone else saved first (412): nothing of the user's
 * was stored, the other person's state is shown, and the user decides how to go on.
 */
export const ConflictNotice = forwardRef<HTMLDivElement, ConflictNoticeProps>(function ConflictNotice(
  { current, differences, onTakeCurrent, onKeepMine },
  ref,
) {
  return (
    <Alert type="warning" ref={ref} tabIndex={-1} className="spoorboek-error-summary spoorboek-conflict">
      <Heading level={2}>Iemand anders heeft deze stand al gewijzigd</Heading>
      <Paragraph>
        Terwijl u aan het wijzigen was, heeft iemand anders een nieuwe stand opgeslagen (versie {current.versie}). Uw
        wijziging is <strong>niet</strong> opgeslagen, zodat die van de ander niet ongemerkt verloren gaat.
      </Paragraph>
      <Heading level={3}>De stand zoals die nu is opgeslagen</Heading>
      <CellFacts cell={current} />
      <Paragraph>
        {differences.length > 0
          ? `Uw invoer verschilt hiervan bij: ${differences.map((field) => FIELD_LABELS[field].toLowerCase()).join(', ')}.`
          : 'Uw invoer is gelijk aan deze stand.'}{' '}
        Begin opnieuw vanaf deze stand, of houd uw invoer en sla die daarna bewust opnieuw op.
      </Paragraph>
      <ButtonGroup>
        <SecondaryActionButton type="button" onClick={onTakeCurrent}>
          Opnieuw beginnen vanaf deze stand
        </SecondaryActionButton>
        <SecondaryActionButton type="button" onClick={onKeepMine}>
          Mijn invoer houden
        </SecondaryActionButton>
      </ButtonGroup>
    </Alert>
  );
});
