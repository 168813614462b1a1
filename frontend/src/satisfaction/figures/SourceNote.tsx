import { Link, Paragraph } from '@utrecht/component-library-react';

import { DutchDateTime } from '../../shared/DutchDateTime';
import type { SectionSource } from './types';

/** Where the team's figures come from, when the data last changed and when they were computed, and their CSV. */
export function SourceNote({ herkomst, subject }: { herkomst: SectionSource; subject: string }) {
  return (
    <Paragraph appearance="small" className="spoorboek-provenance">
      <span>Bron: {herkomst.bron}</span>{' '}
      {herkomst.peilmoment && (
        <span>
          Laatste score <DutchDateTime value={herkomst.peilmoment} />.{' '}
        </span>
      )}
      <span>
        Berekend op <DutchDateTime value={herkomst.berekendOp} /> (gegevensversie {herkomst.versie}).
      </span>{' '}
      <Link href={herkomst.csv}>Download {subject} als CSV</Link>
    </Paragraph>
  );
}
