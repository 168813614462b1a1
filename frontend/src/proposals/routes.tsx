import { lazy } from 'react';
import { Route } from 'react-router-dom';

import { RequireAuth } from '../auth/RequireAuth';
import { EDITOR_ROLES } from '../auth/session';

// The inbox is the team's; a proposal's page is also its proposer's (the API decides whose she
// may see); the form is on the product page, for everyone. All load on demand.
const InboxPage = lazy(() => import('./InboxPage'));
const ProposalPage = lazy(() => import('./ProposalPage'));
const MyProposalsPage = lazy(() => import('./MyProposalsPage'));

/** The proposal routes, as children of the shell's route (called, not rendered: Routes reads its children). */
export function proposalRoutes() {
  return (
    <>
      <Route path="verbetervoorstellen">
        <Route
          index
          element={
            <RequireAuth requiredRole={EDITOR_ROLES}>
              <InboxPage />
            </RequireAuth>
          }
        />
        <Route
          path=":id"
          element={
            <RequireAuth>
              <ProposalPage />
            </RequireAuth>
          }
        />
      </Route>
      <Route
        path="mijn-verbetervoorstellen"
        element={
          <RequireAuth>
            <MyProposalsPage />
          </RequireAuth>
        }
      />
    </>
  );
}
