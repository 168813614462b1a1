import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

import { sessionEvents } from '../api/sessionEvents';
import { storeAnswer } from '../app/queryClient';
import { flashState } from './flash';
import { loginPath } from './returnPath';
import {
  PRIVATE_QUERY_KEY,
  SESSION_EXPIRED_MESSAGE,
  SESSION_QUERY_KEY,
  storeSession,
  type CurrentSession,
} from './session';

export const SECOND_FACTOR_SECTION = '/mijn-account#tweede-factor';

/** Turns what the API layer notices about the session into cache updates and navigation. */
export function SessionEventsBridge() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef('');
  useEffect(() => {
    here.current = `${location.pathname}${location.search}`;
  }, [location.pathname, location.search]);

  useEffect(() => {
    const offRefreshed = sessionEvents.on('refreshed', (session) => {
      const current: CurrentSession = {
        gebruiker: session.gebruiker,
        tweedeFactorInstellen: session.tweedeFactorInstellen,
      };
      void storeAnswer(queryClient, SESSION_QUERY_KEY, current);
    });
    const offExpired = sessionEvents.on('expired', () => {
      const known = queryClient.getQueryData<CurrentSession | null>(SESSION_QUERY_KEY);
      // Only someone who was logged in here is told; a first visit just finds no session.
      if (known) void navigate(loginPath(here.current), { state: flashState(SESSION_EXPIRED_MESSAGE, 'warning') });
      void storeSession(queryClient, null);
    });
    const offSecondFactor = sessionEvents.on('secondFactorRequired', () => {
      void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: PRIVATE_QUERY_KEY });
      if (here.current !== '/mijn-account') {
        void navigate(SECOND_FACTOR_SECTION, {
          state: flashState('Uw rol vraagt een tweede factor. Stel die eerst in.', 'warning'),
        });
      }
    });
    return () => {
      offRefreshed();
      offExpired();
      offSecondFactor();
    };
  }, [navigate, queryClient]);

  return null;
}
