import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SecondaryActionButton } from '@utrecht/component-library-react';

import { ApiError, isConflict } from '../api/problem';
import { fetchSupplierWithTag, ictKeys, setFiguresPublic } from './api';
import type { Supplier } from './types';

/** Thrown when the supplier's consent changed between showing it and sending the change. */
class ChangedMeanwhile extends ApiError {
  constructor() {
    super(412, 'Intussen gewijzigd');
  }
}

/**
 * Gives or withdraws the supplier's consent to public figures under its own name. The list
 * carries no versions, so the change reads the supplier's ETag first; when its consent is no
 * longer what the page showed, someone else changed it and nothing is sent.
 */
export function ConsentButton({
  supplier,
  shown,
  onDone,
  onStale,
  onFailed,
}: {
  supplier: { code: string; naam: string };
  /** The consent as the page shows it. */
  shown: boolean;
  onDone: (saved: Supplier) => void;
  onStale: () => void;
  onFailed: (error: unknown) => void;
}) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: async () => {
      const { supplier: current, etag } = await fetchSupplierWithTag(supplier.code);
      if (current.cijfersOpenbaar !== shown) throw new ChangedMeanwhile();
      return setFiguresPublic(supplier.code, etag, !shown);
    },
    onSuccess: (saved) => onDone(saved),
    onError: (error) => (isConflict(error) ? onStale() : onFailed(error)),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ictKeys.suppliers }),
        queryClient.invalidateQueries({ queryKey: ictKeys.overview(supplier.code) }),
        queryClient.invalidateQueries({ queryKey: ictKeys.publicFigures }),
      ]);
    },
  });
  return (
    <SecondaryActionButton type="button" busy={change.isPending} disabled={change.isPending} onClick={() => change.mutate()}>
      {shown ? 'Instemming intrekken' : 'Instemming vastleggen'}{' '}
      <span className="spoorboek-visually-hidden">voor {supplier.naam}</span>
    </SecondaryActionButton>
  );
}
