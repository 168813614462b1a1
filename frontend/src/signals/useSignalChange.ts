import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';

import { isConflict } from '../api/problem';
import { signalKeys } from './api';
import { storeAnswer } from '../app/queryClient';
import type { SignalRead } from './types';

/** Lets the signal page show one notice when any of its forms hit a stale version (412). */
export const StaleContext = createContext<() => void>(() => undefined);

/** After any change: the register, the history and the public pages may show it differently. */
export async function refreshAfterChange(queryClient: ReturnType<typeof useQueryClient>, id: number) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: signalKeys.history(id) }),
    queryClient.invalidateQueries({ queryKey: [...signalKeys.all, 'lijst'] }),
    queryClient.invalidateQueries({ queryKey: signalKeys.publicAll }),
  ]);
}

/**
 * A change of one signal, sent with the version the page shows (If-Match). Success puts the new
 * state in the cache; a 412 means someone changed the signal meanwhile (a status, its text, or
 * its evidence, which raises the version too): the page says so and loads the newest state, and
 * the form keeps what was typed.
 */
export function useSignalChange<V>(
  signal: SignalRead,
  send: (values: V, version: number) => Promise<SignalRead>,
  { onDone, onFailed }: { onDone?: (saved: SignalRead) => void; onFailed: (error: unknown) => void },
) {
  const queryClient = useQueryClient();
  const reportStale = useContext(StaleContext);
  return useMutation({
    mutationFn: (values: V) => send(values, signal.versie),
    onSuccess: async (saved) => {
      await storeAnswer(queryClient, signalKeys.detail(saved.id), saved);
      onDone?.(saved);
      await refreshAfterChange(queryClient, saved.id);
    },
    onError: (error) => {
      if (isConflict(error)) {
        reportStale();
        void queryClient.invalidateQueries({ queryKey: signalKeys.detail(signal.id) });
        return;
      }
      onFailed(error);
    },
  });
}
