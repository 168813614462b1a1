import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  UnorderedList,
} from '@utrecht/component-library-react';

import { DutchDate } from '../shared/DutchDate';
import type { WaveGroup } from './groupByWave';
import { MeasureItem } from './MeasureItem';
import type { Wave } from './types';

function WaveDates({ wave }: { wave: Wave }) {
  const dates = [
    ['Ingangsdatum', wave.ingangsdatum],
    ['Toepasbaar vanaf', wave.toepasbaarVanaf],
    ['Producten gereed op', wave.productenGereedOp],
  ] as const;
  return (
    <DataList className="spoorboek-facts">
      {dates.map(([label, value]) => (
        <DataListItem key={label}>
          <DataListKey>{label}</DataListKey>
          <DataListValue>
            <DutchDate value={value} />
          </DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}

export function WaveSection({ group }: { group: WaveGroup }) {
  const headingId = `fase-${group.number}`;
  return (
    <section aria-labelledby={headingId} className="spoorboek-wave">
      <Heading level={2} id={headingId}>
        {group.name}
      </Heading>
      {group.wave && <WaveDates wave={group.wave} />}
      {group.wave?.toelichting && <Paragraph>{group.wave.toelichting}</Paragraph>}
      {group.measures.length > 0 ? (
        <UnorderedList className="spoorboek-measure-list">
          {group.measures.map((measure) => (
            <MeasureItem key={measure.code} measure={measure} />
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>Deze fase heeft (nog) geen maatregelen.</Paragraph>
      )}
    </section>
  );
}
