import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes } from 'react-router-dom';

import { AccessibilityStatementPage } from '../accessibility/AccessibilityStatementPage';
import { RequireAuth } from '../auth/RequireAuth';
import { EDITOR_ROLES, type Role } from '../auth/session';
import { ictRoutes } from '../ict/routes';
import { MeasuresPage } from '../measures/MeasuresPage';
import { meetingRoutes } from '../meetings/routes';
import { meetingTeamRoutes } from '../meetings/team/routes';
import { newsletterRoutes } from '../newsletter/routes';
import { newsletterTeamRoutes } from '../newsletter/team/routes';
import { proposalRoutes } from '../proposals/routes';
import { regionRoutes } from '../regions/routes';
import { roadmapRoutes } from '../roadmaps/routes';
import { satisfactionFigureRoutes } from '../satisfaction/figures/routes';
import { signalRoutes } from '../signals/routes';
import { surveyRoutes } from '../surveys/routes';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';

// The login flow, the account page and the admin screens load on demand, so the public pages'
// first download stays small (see the README for the sizes).
const LoginPage = lazy(() => import('../account/LoginPage'));
const ForgotPasswordPage = lazy(() => import('../account/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('../account/ResetPasswordPage'));
const AcceptInvitationPage = lazy(() => import('../account/AcceptInvitationPage'));
const MyAccountPage = lazy(() => import('../account/MyAccountPage'));
const UsersPage = lazy(() => import('../admin/users/UsersPage'));
const InviteUserPage = lazy(() => import('../admin/users/InviteUserPage'));
const UserDetailPage = lazy(() => import('../admin/users/UserDetailPage'));
const ClientsPage = lazy(() => import('../admin/clients/ClientsPage'));
const NewClientPage = lazy(() => import('../admin/clients/NewClientPage'));
const ClientDetailPage = lazy(() => import('../admin/clients/ClientDetailPage'));
const AuditLogPage = lazy(() => import('../admin/audit/AuditLogPage'));
// The public figures: the dashboard (the front page), the map (with d3-geo, only loaded there),
// a measure's page and a municipality's public page.
const DashboardPage = lazy(() => import('../dashboard/DashboardPage'));
const MapPage = lazy(() => import('../map/MapPage'));
const MeasurePage = lazy(() => import('../measures/MeasurePage'));
const MunicipalityPublicPage = lazy(() => import('../municipalities/MunicipalityPublicPage'));
// The product catalogue is public but not the front page; the editors' and testers' screens
// are only for signed-in people.
const ProductsPage = lazy(() => import('../products/ProductsPage'));
const ProductPage = lazy(() => import('../products/ProductPage'));
const NewProductPage = lazy(() => import('../products/editor/NewProductPage'));
const EditProductPage = lazy(() => import('../products/editor/EditProductPage'));
const DeliveryPlanPage = lazy(() => import('../products/editor/DeliveryPlanPage'));
const MyReviewsPage = lazy(() => import('../products/review/MyReviewsPage'));
// Progress is only for signed-in people: municipal contacts and the programme team.
const MyMunicipalityPage = lazy(() => import('../progress/MyMunicipalityPage'));
const MunicipalityPage = lazy(() => import('../progress/MunicipalityPage'));
const CellPage = lazy(() => import('../progress/CellPage'));
const UploadPage = lazy(() => import('../progress/UploadPage'));
const MatrixPage = lazy(() => import('../progress/MatrixPage'));
const HelpNeededPage = lazy(() => import('../progress/HelpNeededPage'));
// The public FAQ is not the front page either; the question screens are for signed-in people.
const FaqListPage = lazy(() => import('../faq/FaqListPage'));
const FaqEntryPage = lazy(() => import('../faq/FaqEntryPage'));
const NewFaqVersionPage = lazy(() => import('../faq/NewFaqVersionPage'));
const AskQuestionPage = lazy(() => import('../questions/AskQuestionPage'));
const MyQuestionsPage = lazy(() => import('../questions/MyQuestionsPage'));
const QuestionPage = lazy(() => import('../questions/QuestionPage'));
const InboxPage = lazy(() => import('../questions/InboxPage'));
const InsightPage = lazy(() => import('../questions/InsightPage'));
const PublishFaqPage = lazy(() => import('../questions/PublishFaqPage'));
// Experts of partner organisations see only the questions put to their organisation.
const ExpertInboxPage = lazy(() => import('../questions/experts/ExpertInboxPage'));
const ExpertQuestionPage = lazy(() => import('../questions/experts/ExpertQuestionPage'));
// Notifications: the centre and the choices are one's own; the unsubscribe link of a mail works
// without logging in.
const NotificationsPage = lazy(() => import('../notifications/NotificationsPage'));
const PreferencesPage = lazy(() => import('../notifications/PreferencesPage'));
const UnsubscribePage = lazy(() => import('../notifications/UnsubscribePage'));
const MailPreviewsPage = lazy(() => import('../notifications/MailPreviewsPage'));
// The rating of an answer from the answer mail's links works without logging in.
const AnswerRatingPage = lazy(() => import('../satisfaction/AnswerRatingPage'));

// Who may ask a question: municipal contacts, and the team logging one for someone else.
const ASKER_ROLES: readonly Role[] = ['gemeente', ...EDITOR_ROLES];
// Who works with progress: municipal contacts (their own) and the team (all); not experts.
const PROGRESS_ROLES: readonly Role[] = ['gemeente', ...EDITOR_ROLES];

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<DashboardPage />} />
        <Route path="maatregelen">
          <Route index element={<MeasuresPage />} />
          <Route path=":code" element={<MeasurePage />} />
        </Route>
        <Route path="kaart" element={<MapPage />} />
        <Route path="gemeenten/:code" element={<MunicipalityPublicPage />} />
        <Route path="toegankelijkheid" element={<AccessibilityStatementPage />} />
        <Route path="inloggen" element={<LoginPage />} />
        <Route path="wachtwoord-vergeten" element={<ForgotPasswordPage />} />
        <Route path="wachtwoord-herstellen" element={<ResetPasswordPage />} />
        <Route path="uitnodiging" element={<AcceptInvitationPage />} />
        <Route path="antwoord-beoordelen" element={<AnswerRatingPage />} />
        <Route
          path="mijn-account"
          element={
            <RequireAuth>
              <MyAccountPage />
            </RequireAuth>
          }
        />
        <Route path="meldingen">
          <Route
            index
            element={
              <RequireAuth>
                <NotificationsPage />
              </RequireAuth>
            }
          />
          <Route path="afmelden" element={<UnsubscribePage />} />
        </Route>
        <Route
          path="mijn-meldingen"
          element={
            <RequireAuth>
              <PreferencesPage />
            </RequireAuth>
          }
        />
        <Route path="producten">
          <Route index element={<ProductsPage />} />
          <Route
            path="nieuw"
            element={
              <RequireAuth requiredRole={EDITOR_ROLES}>
                <NewProductPage />
              </RequireAuth>
            }
          />
          <Route path=":id" element={<ProductPage />} />
          <Route
            path=":id/bewerken"
            element={
              <RequireAuth requiredRole={EDITOR_ROLES}>
                <EditProductPage />
              </RequireAuth>
            }
          />
        </Route>
        <Route
          path="mijn-toetsingen"
          element={
            <RequireAuth requiredRole="gemeente">
              <MyReviewsPage />
            </RequireAuth>
          }
        />
        <Route
          path="mijn-gemeente"
          element={
            <RequireAuth requiredRole="gemeente">
              <MyMunicipalityPage />
            </RequireAuth>
          }
        />
        <Route path="voortgang">
          {/* The API decides whose municipality one may see: a contact only their own. */}
          <Route
            element={
              <RequireAuth requiredRole={PROGRESS_ROLES}>
                <Outlet />
              </RequireAuth>
            }
          >
            <Route path="gemeenten/:code" element={<MunicipalityPage />} />
            <Route path="gemeenten/:code/:maatregel" element={<CellPage />} />
            <Route path="uploaden" element={<UploadPage />} />
          </Route>
          <Route
            element={
              <RequireAuth requiredRole={EDITOR_ROLES}>
                <Outlet />
              </RequireAuth>
            }
          >
            <Route path="matrix" element={<MatrixPage />} />
            <Route path="hulp-nodig" element={<HelpNeededPage />} />
          </Route>
        </Route>
        <Route path="faq">
          <Route index element={<FaqListPage />} />
          <Route path=":id" element={<FaqEntryPage />} />
          <Route
            path=":id/nieuwe-versie"
            element={
              <RequireAuth requiredRole={EDITOR_ROLES}>
                <NewFaqVersionPage />
              </RequireAuth>
            }
          />
        </Route>
        <Route path="vragen">
          <Route
            path="nieuw"
            element={
              <RequireAuth requiredRole={ASKER_ROLES}>
                <AskQuestionPage />
              </RequireAuth>
            }
          />
          <Route
            element={
              <RequireAuth requiredRole={EDITOR_ROLES}>
                <Outlet />
              </RequireAuth>
            }
          >
            <Route index element={<InboxPage />} />
            <Route path="inzicht" element={<InsightPage />} />
            <Route path=":id" element={<QuestionPage />} />
            <Route path=":id/publiceren" element={<PublishFaqPage />} />
          </Route>
        </Route>
        <Route
          path="expertvragen"
          element={
            <RequireAuth requiredRole="expert">
              <Outlet />
            </RequireAuth>
          }
        >
          <Route index element={<ExpertInboxPage />} />
          <Route path=":id" element={<ExpertQuestionPage />} />
        </Route>
        <Route path="mijn-vragen">
          {/* The API decides whose question one may see: a contact only their own. */}
          <Route
            index
            element={
              <RequireAuth requiredRole={ASKER_ROLES}>
                <MyQuestionsPage />
              </RequireAuth>
            }
          />
          <Route
            path=":id"
            element={
              <RequireAuth requiredRole={ASKER_ROLES}>
                <QuestionPage />
              </RequireAuth>
            }
          />
        </Route>
        {signalRoutes()}
        {proposalRoutes()}
        {satisfactionFigureRoutes()}
        {surveyRoutes()}
        {meetingRoutes()}
        {meetingTeamRoutes()}
        {newsletterRoutes()}
        {newsletterTeamRoutes()}
        {ictRoutes()}
        {regionRoutes()}
        {roadmapRoutes()}
        <Route path="beheer">
          <Route
            path="leveringsplan"
            element={
              <RequireAuth requiredRole={EDITOR_ROLES}>
                <DeliveryPlanPage />
              </RequireAuth>
            }
          />
          <Route
            element={
              <RequireAuth requiredRole="beheerder">
                <Outlet />
              </RequireAuth>
            }
          >
            <Route index element={<Navigate to="gebruikers" replace />} />
            <Route path="gebruikers" element={<UsersPage />} />
            <Route path="gebruikers/uitnodigen" element={<InviteUserPage />} />
            <Route path="gebruikers/:id" element={<UserDetailPage />} />
            <Route path="koppelingen" element={<ClientsPage />} />
            <Route path="koppelingen/nieuw" element={<NewClientPage />} />
            <Route path="koppelingen/:clientId" element={<ClientDetailPage />} />
            <Route path="auditlog" element={<AuditLogPage />} />
            <Route path="e-mailvoorbeelden" element={<MailPreviewsPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      {/* Without transitions, leaving a page (logout, expired session) happens before the
          session is cleared, so a protected page never redirects to login on its way out. */}
      <BrowserRouter useTransitions={false}>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
