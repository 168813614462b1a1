import { useQueryClient } from '@tanstack/react-query';

import { storeAnswer } from '../app/queryClient';
import { SESSION_QUERY_KEY, type CurrentSession, type User } from '../auth/session';
import { MY_ACCOUNT_QUERY_KEY } from './api';

/** Keeps the account page and the header (the session's copy of the user) in step. */
export function useStoreMyAccount() {
  const queryClient = useQueryClient();
  return async (user: User) => {
    await Promise.all([
      storeAnswer(queryClient, MY_ACCOUNT_QUERY_KEY, user),
      storeAnswer<CurrentSession | null>(queryClient, SESSION_QUERY_KEY, (session) =>
        session ? { ...session, gebruiker: user } : session,
      ),
    ]);
  };
}
