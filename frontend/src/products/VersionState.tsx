import { DutchDate } from '../shared/DutchDate';
import { DutchDay } from '../shared/DutchDay';
import { STATUS_LABELS } from './labels';
import type { Product } from './types';

/**
 * Where a product stands, in one line: the published version and its date, with a note when a
 * newer version is being prepared or the product was withdrawn; for an unpublished product
 * (editors only) its status and due date.
 */
export function VersionState({ product }: { product: Product }) {
  const published = product.gepubliceerdeVersie;
  if (published?.gepubliceerdOp) {
    let note = '';
    if (product.status === 'in-ontwikkeling' || product.status === 'in-toetsing') note = ' (nieuwe versie in voorbereiding)';
    if (product.status === 'ingetrokken') note = ' (ingetrokken)';
    return (
      <>
        Versie {published.nummer}, gepubliceerd op <DutchDay value={published.gepubliceerdOp} />
        {note}
      </>
    );
  }
  return (
    <>
      {STATUS_LABELS[product.status]}
      {product.status !== 'ingetrokken' && product.uitersteLeverdatum && (
        <>
          , uiterlijk klaar op <DutchDate value={product.uitersteLeverdatum} />
        </>
      )}
    </>
  );
}
