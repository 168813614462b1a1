import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { DutchDate } from '../shared/DutchDate';
import { DutchDateTime } from '../shared/DutchDateTime';
import { blockerKindLabel, PHASE_LABELS, slackText, SOURCE_LABELS } from './labels';
import { TrafficLightBadge } from './TrafficLightBadge';
import type { Cell } from './types';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** A cell's state and what follows from it, as a list of facts. */
export function CellFacts({ cell }: { cell: Cell }) {
  const done = cell.stappen.filter((step) => step.gereedOp !== null);
  return (
    <DataList className="spoorboek-facts">
      <Fact label="Fase">{PHASE_LABELS[cell.fase]}</Fact>
      <Fact label="Verkeerslicht">
        <TrafficLightBadge light={cell.verkeerslicht} />
      </Fact>
      <Fact label="Volgende stap">
        {cell.volgendeStap ? (
          <>
            {cell.volgendeStap.titel}, uiterlijk klaar op <DutchDate value={cell.volgendeStap.uitersteEinde} />
          </>
        ) : (
          '–'
        )}
      </Fact>
      <Fact label="Moet starten op">
        {cell.moetStartenOp ? (
          <>
            <DutchDate value={cell.moetStartenOp} /> ({slackText(cell.speling)})
          </>
        ) : (
          '–'
        )}
      </Fact>
      <Fact label="Geplande livegang">{cell.geplandLivegang ? <DutchDate value={cell.geplandLivegang} /> : '–'}</Fact>
      <Fact label="Stappen gereed">
        {done.length} van {cell.stappen.length}
        {done.length > 0 && `: ${done.map((step) => step.titel).join(', ')}`}
      </Fact>
      <Fact label="Knelpunten">{cell.knelpunten ?? '–'}</Fact>
      <Fact label="Soort knelpunt">{cell.knelpuntSoort ? blockerKindLabel(cell.knelpuntSoort) : '–'}</Fact>
      <Fact label="Notitie">{cell.notitie ?? '–'}</Fact>
      <Fact label="Laatst gewijzigd">
        {cell.bijgewerktOp ? (
          <>
            <DutchDateTime value={cell.bijgewerktOp} />
            {cell.bron && ` door ${SOURCE_LABELS[cell.bron]}`} (versie {cell.versie})
          </>
        ) : (
          'Nog nooit doorgegeven'
        )}
      </Fact>
    </DataList>
  );
}
