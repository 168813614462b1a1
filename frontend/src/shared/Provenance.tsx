import { Link, Paragraph } from '@utrecht/component-library-react';

import type { components } from '../api/schema';
import { DutchDate } from './DutchDate';
import { DutchDateTime } from './DutchDateTime';

export type Provenance = components['schemas']['Provenance'];

/** "CC-BY-4.0" → "CC BY 4.0", as Creative Commons writes it. */
export function licenceText(licence: string): string {
  return licence.replace(/^CC-/, 'CC ').replace(/-(\d)/, ' $1').replace(/-/g, ' ');
}

/**
 * Where a figure comes from: source, the day it describes, when the data last changed, the
 * licence and the same figures as CSV. `subject` names the CSV so each download link says what it holds.
 */
export function ProvenanceNote({ herkomst, subject }: { herkomst: Provenance; subject: string }) {
  return (
    <Paragraph appearance="small" className="spoorboek-provenance">
      <span>Bron: {herkomst.bron}</span>{' '}
      <span>
        Peildatum <DutchDate value={herkomst.peildatum} />
        {herkomst.peilmoment && (
          <>
            , laatste wijziging <DutchDateTime value={herkomst.peilmoment} />
          </>
        )}
        .
      </span>{' '}
      <span>
        Licentie: <Link href={herkomst.licentieUrl}>{licenceText(herkomst.licentie)}</Link>.
      </span>{' '}
      <Link href={herkomst.csv}>Download {subject} als CSV</Link>
    </Paragraph>
  );
}
