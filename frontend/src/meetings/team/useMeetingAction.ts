import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A step on one meeting from its team panel; afterwards everything shown of that meeting (its
 * places, lists and history live under the meeting's key) is fetched again.
 */
export function useMeetingAction<V, R>(
  id: number,
  send: (values: V) => Promise<R>,
  { onDone, onFailed }: { onDone?: (result: R) => void; onFailed?: (error: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      onDone?.(result);
      await queryClient.invalidateQueries({ queryKey: ['prive', 'bijeenkomsten', id] });
    },
    onError: (error) => onFailed?.(error),
  });
}
