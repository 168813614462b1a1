import { Alert, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';

import { useFlash } from '../auth/flash';
import { SessionEventsBridge } from '../auth/SessionEventsBridge';
import { AccountNav, navLinkClass } from './AccountNav';
import { AppLink } from './AppLink';

function FlashMessage() {
  const flash = useFlash();
  if (!flash) return null;
  return (
    <Alert type={flash.kind} className="spoorboek-flash">
      <Paragraph>{flash.text}</Paragraph>
    </Alert>
  );
}

/** The public sections of the site. */
function MainNav() {
  return (
    <nav aria-label="Hoofdmenu" className="spoorboek-main-nav">
      <ul className="spoorboek-main-nav__list">
        <li>
          <NavLink to="/" end className={navLinkClass}>
            Overzicht
          </NavLink>
        </li>
        <li>
          <NavLink to="/maatregelen" className={navLinkClass}>
            Maatregelen
          </NavLink>
        </li>
        <li>
          <NavLink to="/kaart" className={navLinkClass}>
            Kaart
          </NavLink>
        </li>
        <li>
          <NavLink to="/producten" className={navLinkClass}>
            Producten
          </NavLink>
        </li>
        <li>
          <NavLink to="/faq" className={navLinkClass}>
            Veelgestelde vragen
          </NavLink>
        </li>
        <li>
          <NavLink to="/openbare-signalen" className={navLinkClass}>
            Signalen
          </NavLink>
        </li>
        <li>
          <NavLink to="/bijeenkomsten" className={navLinkClass}>
            Bijeenkomsten
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** Header, main landmark and footer shared by every page. */
export function AppShell() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);

  // After client-side navigation, put keyboard and screen-reader users at the new page's
  // content, as a full page load would; the first render keeps the browser's own behaviour.
  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <div className="utrecht-document utrecht-page-layout">
      <SessionEventsBridge />
      <SkipLink href="#inhoud">Naar de inhoud</SkipLink>
      <PageHeader>
        <div className="utrecht-page-header__content spoorboek-header">
          <div className="spoorboek-header__brand">
            <AppLink to="/" className="spoorboek-brand">
              Spoorboek
            </AppLink>
            <Paragraph appearance="small">Invoering Participatiewet in balans</Paragraph>
          </div>
          <MainNav />
          <AccountNav />
        </div>
      </PageHeader>
      <main id="inhoud" ref={mainRef} tabIndex={-1} className="utrecht-page-body">
        <div className="utrecht-page-body__content">
          <FlashMessage />
          <Suspense
            fallback={
              <Paragraph role="status" className="spoorboek-status">
                Pagina laden…
              </Paragraph>
            }
          >
            <Outlet />
          </Suspense>
        </div>
      </main>
      <PageFooter>
        <div className="utrecht-page-footer__content">
          <nav aria-label="Over deze website">
            <AppLink to="/toegankelijkheid">Toegankelijkheidsverklaring</AppLink>
            {' · '}
            <AppLink to="/nieuwsbrief">Nieuwsbrief</AppLink>
          </nav>
        </div>
      </PageFooter>
    </div>
  );
}
