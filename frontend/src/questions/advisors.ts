import { useQuery } from '@tanstack/react-query';

import { fetchUsers } from '../admin/api';
import { hasRole, useCurrentUser } from '../auth/session';
import { useWorkload } from './api';

export interface Advisor {
  id: number;
  naam: string;
}

/**
 * Whom a question can be assigned to. The API has no list of advisors an editor may read
 * (GET /gebruikers is for admins), so: oneself, the advisors who have open questions now
 * (the workload), and for an admin every active editor.
 */
export function useAdvisors(): Advisor[] {
  const user = useCurrentUser();
  const admin = hasRole(user, 'beheerder');
  const workload = useWorkload();
  const editors = useQuery({
    queryKey: ['prive', 'gebruikers', 'adviseurs'],
    queryFn: ({ signal }) => fetchUsers({ rol: 'redacteur', actief: true, paginaGrootte: 100 }, signal),
    enabled: admin,
    staleTime: 5 * 60 * 1000,
  });
  const all = new Map<number, string>();
  if (user) all.set(user.id, `${user.naam} (ik)`);
  for (const row of workload.data?.resultaten ?? []) {
    if (row.behandelaar && !all.has(row.behandelaar.id)) all.set(row.behandelaar.id, row.behandelaar.naam);
  }
  for (const editor of editors.data?.resultaten ?? []) {
    if (!all.has(editor.id)) all.set(editor.id, editor.naam);
  }
  return [...all].map(([id, naam]) => ({ id, naam }));
}
