import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';

import { isConflict } from '../api/problem';
import { questionKeys } from './api';
import { storeAnswer } from '../app/queryClient';
import type { Question } from './types';

/** Lets the question page show one notice when any of its forms hit a stale version (412). */
export const StaleContext = createContext<() => void>(() => undefined);

/**
 * A change of one question, sent with the version the page shows (If-Match). Success puts the
 * new state in the cache; a 412 means someone changed the question meanwhile: the page says so
 * and loads the newest state, and the form keeps what was typed.
 */
export function useQuestionChange<V>(
  question: Question,
  send: (values: V, version: number) => Promise<Question>,
  { onDone, onFailed }: { onDone?: (saved: Question) => void; onFailed: (error: unknown) => void },
) {
  const queryClient = useQueryClient();
  const reportStale = useContext(StaleContext);
  return useMutation({
    mutationFn: (values: V) => send(values, question.versie),
    onSuccess: async (saved) => {
      await storeAnswer(queryClient, questionKeys.detail(saved.id), saved);
      onDone?.(saved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: questionKeys.history(saved.id) }),
        queryClient.invalidateQueries({ queryKey: [...questionKeys.all, 'lijst'] }),
        queryClient.invalidateQueries({ queryKey: questionKeys.workload }),
      ]);
    },
    onError: (error) => {
      if (isConflict(error)) {
        reportStale();
        void queryClient.invalidateQueries({ queryKey: questionKeys.detail(question.id) });
        return;
      }
      onFailed(error);
    },
  });
}
