import { NumberBadge } from '@utrecht/component-library-react';
import { NavLink } from 'react-router-dom';

import { useUnreadCount } from './api';
import { NOTIFICATIONS_PATH } from './paths';
import './bell.css';

/** A bell drawn with the text's colour; decoration only, the link's text says what it is. */
function BellIcon() {
  return (
    <svg className="spoorboek-bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-5-1.5-1.5V11a5.5 5.5 0 0 0-4.25-5.36V4.75a1.25 1.25 0 0 0-2.5 0v.89A5.5 5.5 0 0 0 6.5 11v4.5L5 17v1h14v-1Z"
      />
    </svg>
  );
}

/**
 * The header's link to the notification centre, with the number of unread notifications as a
 * badge. Its accessible name is "Meldingen, 3 ongelezen" (just "Meldingen" when none is unread);
 * the count is asked every minute while the tab is visible, and again after every marking.
 */
export function NotificationBell({ linkClass }: { linkClass: (state: { isActive: boolean }) => string }) {
  const unread = useUnreadCount(true);
  const count = unread.data ?? 0;
  return (
    <NavLink
      to={NOTIFICATIONS_PATH}
      end
      className={(state) => `${linkClass(state)} spoorboek-bell`}
      // The name a screen reader says; it holds the visible "Meldingen 3", as WCAG 2.5.3 asks.
      aria-label={count > 0 ? `Meldingen, ${count} ongelezen` : undefined}
    >
      <BellIcon />
      Meldingen
      {/* The space keeps "Meldingen 3" two words for checks of the visible text against the name. */}
      {count > 0 && ' '}
      {count > 0 && <NumberBadge className="spoorboek-bell__count">{String(count)}</NumberBadge>}
    </NavLink>
  );
}
