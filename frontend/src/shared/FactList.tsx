import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** Label–value pairs as a data list, key and value side by side where there is room. */
export function FactList({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <DataList className="spoorboek-facts">
      {facts.map(([label, value]) => (
        <DataListItem key={label}>
          <DataListKey>{label}</DataListKey>
          <DataListValue>{value}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}
