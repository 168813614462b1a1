import { useParams } from 'react-router-dom';

import { RegionPage } from './RegionPage';
import type { RegionKind } from './types';

/** The route's element, loaded with the page: reads the code from the address. */
export default function RegionRoute({ kind }: { kind: RegionKind }) {
  const { code = '' } = useParams();
  return <RegionPage kind={kind} code={code} />;
}
