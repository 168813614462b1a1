import { useParams } from 'react-router-dom';

import { NotFoundPage } from '../app/NotFoundPage';
import { MunicipalityProgress } from './MunicipalityProgress';

const MUNICIPALITY_CODE = /^GM\d{4}$/;

/** /voortgang/gemeenten/:code: any municipality for the programme team, one's own for a contact. */
export default function MunicipalityPage() {
  const { code = '' } = useParams();
  if (!MUNICIPALITY_CODE.test(code)) return <NotFoundPage />;
  // A new key starts fresh state (and focus handling) when going from one municipality to a peer.
  return <MunicipalityProgress key={code} code={code} />;
}
