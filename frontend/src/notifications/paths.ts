/** The notification centre (the header's bell links here). */
export const NOTIFICATIONS_PATH = '/meldingen';

/** Mijn meldingen: how each kind of notification reaches me. */
export const PREFERENCES_PATH = '/mijn-meldingen';
