import { PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router-dom';

import { AppLink } from './AppLink';

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
      <SkipLink href="#inhoud">Naar de inhoud</SkipLink>
      <PageHeader>
        <div className="utrecht-page-header__content spoorboek-header">
          <AppLink to="/" className="spoorboek-brand">
            Spoorboek
          </AppLink>
          <Paragraph appearance="small">Invoering Participatiewet in balans</Paragraph>
        </div>
      </PageHeader>
      <main id="inhoud" ref={mainRef} tabIndex={-1} className="utrecht-page-body">
        <div className="utrecht-page-body__content">
          <Outlet />
        </div>
      </main>
      <PageFooter>
        <div className="utrecht-page-footer__content">
          <nav aria-label="Over deze website">
            <AppLink to="/toegankelijkheid">Toegankelijkheidsverklaring</AppLink>
          </nav>
        </div>
      </PageFooter>
    </div>
  );
}
