import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  UnorderedListItem,
} from '@utrecht/component-library-react';

import { AppLink } from '../app/AppLink';
import { DutchDate } from '../shared/DutchDate';
import { obligationLabel } from './labels';
import { measurePath } from './paths';
import type { Measure } from './types';

export function MeasureItem({ measure }: { measure: Measure }) {
  const headingId = `maatregel-${measure.code}`;
  return (
    <UnorderedListItem className="spoorboek-measure" aria-labelledby={headingId}>
      <Heading level={3} id={headingId} className="spoorboek-measure__title">
        <span className="spoorboek-measure__code">{measure.code}</span> {measure.titel}
      </Heading>
      <DataList className="spoorboek-facts">
        <DataListItem>
          <DataListKey>Thema</DataListKey>
          <DataListValue>{measure.thema.naam}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Verplichting</DataListKey>
          <DataListValue>{obligationLabel(measure.verplichting)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Ingangsdatum</DataListKey>
          <DataListValue>
            <DutchDate value={measure.ingangsdatum} />
          </DataListValue>
        </DataListItem>
      </DataList>
      <Paragraph>{measure.samenvatting}</Paragraph>
      <div className="spoorboek-measure__products">
        <AppLink to={measurePath(measure.code)}>Alles over {measure.code}</AppLink>{' '}
        <AppLink to={`/producten?maatregel=${measure.code}`}>Producten bij {measure.code}</AppLink>
      </div>
    </UnorderedListItem>
  );
}
