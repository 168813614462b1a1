import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

/**
 * Records the score a mail's rating link carries. The page does it (a PUT), never opening the
 * link: a mail scanner that fetches it records nothing. Once; then `forget` takes the score out of
 * the address, so a reload does not undo a change made on the page. `body` is null when the link
 * carries no score. Says whether the page is still recording it.
 */
export function useRecordLinkScore<TBody>(
  first: UseMutationResult<unknown, unknown, TBody>,
  body: TBody | null,
  editable: boolean,
  forget: () => void,
): boolean {
  const recorded = useRef(false);
  const record = body !== null && editable;
  const { mutate } = first;
  useEffect(() => {
    if (!record || recorded.current || body === null) return;
    recorded.current = true;
    mutate(body, { onSettled: forget });
  }, [record, body, mutate, forget]);
  return record && (first.isIdle || first.isPending);
}
