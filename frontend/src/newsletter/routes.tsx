import { lazy } from 'react';
import { Route } from 'react-router-dom';

// Public pages and the pages behind the mails' links: none needs a login. All load on demand.
const SubscribePage = lazy(() => import('./SubscribePage'));
const ConfirmPage = lazy(() => import('./ConfirmPage'));
const ManagePage = lazy(() => import('./ManagePage'));
const ArchivePage = lazy(() => import('./ArchivePage'));
const EditionPage = lazy(() => import('./EditionPage'));

/** The nieuwsbrief's routes for visitors and subscribers, as children of the shell's route (called, not rendered). */
export function newsletterRoutes() {
  return (
    <Route path="nieuwsbrief">
      <Route index element={<SubscribePage />} />
      <Route path="bevestigen" element={<ConfirmPage />} />
      <Route path="beheren" element={<ManagePage />} />
      <Route path="archief">
        <Route index element={<ArchivePage />} />
        <Route path=":id" element={<EditionPage />} />
      </Route>
    </Route>
  );
}
