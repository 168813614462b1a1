import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';

import { DutchDay } from '../shared/DutchDay';
import type { FaqEntry } from './api';

/** The legal articles and the date of the current version, for the list and the entry page. */
export function FaqFacts({ entry, withMeasures = false }: { entry: FaqEntry; withMeasures?: boolean }) {
  return (
    <DataList className="spoorboek-facts">
      {withMeasures && (
        <DataListItem>
          <DataListKey>Maatregelen</DataListKey>
          <DataListValue>{entry.maatregelen.map((measure) => `${measure.code} ${measure.naam}`).join('; ')}</DataListValue>
        </DataListItem>
      )}
      <DataListItem>
        <DataListKey>Wetsartikelen</DataListKey>
        <DataListValue>{entry.wetsartikelen.length > 0 ? entry.wetsartikelen.join('; ') : 'Geen'}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Bijgewerkt op</DataListKey>
        <DataListValue>
          <DutchDay value={entry.gepubliceerdOp} />
        </DataListValue>
      </DataListItem>
    </DataList>
  );
}
