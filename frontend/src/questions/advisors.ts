import { useQuery } from '@tanstack/react-query';

import { useCurrentUser } from '../auth/session';
import { fetchAdvisors, questionKeys } from './api';
import type { Advisor } from './types';

/**
 * The choices of the "Behandelaar" list: the viewer first, marked "(ik)", then everyone else in
 * the API's order (by name). The viewer is left out when the API does not list them.
 */
export function advisorOptions(advisors: readonly Advisor[], currentUserId: number | null): Advisor[] {
  const self = advisors.find((advisor) => advisor.id === currentUserId);
  const others = advisors.filter((advisor) => advisor.id !== currentUserId);
  return self ? [{ id: self.id, naam: `${self.naam} (ik)` }, ...others] : others;
}

/** Whom a question can be assigned to: GET /vragen/behandelaars (active editors and admins). */
export function useAdvisors() {
  const userId = useCurrentUser()?.id ?? null;
  return useQuery({
    queryKey: questionKeys.advisors,
    queryFn: ({ signal }) => fetchAdvisors(signal),
    select: (advisors) => advisorOptions(advisors, userId),
    staleTime: 5 * 60 * 1000,
  });
}
