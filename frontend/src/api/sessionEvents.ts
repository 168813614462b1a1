import type { components } from './schema';

export type SessionRead = components['schemas']['SessionRead'];

/** What the API layer tells the React app about the session, outside any component. */
export interface SessionEventMap {
  /** A refresh gave a new access token (and fresh user data). */
  refreshed: SessionRead;
  /** The session is over; the user has to log in again. */
  expired: undefined;
  /** The user's role demands a second factor that is not set up yet. */
  secondFactorRequired: undefined;
}

type Listener<T> = (payload: T) => void;

export class SessionEvents {
  private readonly listeners: { [K in keyof SessionEventMap]: Set<Listener<SessionEventMap[K]>> } = {
    refreshed: new Set(),
    expired: new Set(),
    secondFactorRequired: new Set(),
  };

  on<K extends keyof SessionEventMap>(event: K, listener: Listener<SessionEventMap[K]>): () => void {
    this.listeners[event].add(listener);
    return () => {
      this.listeners[event].delete(listener);
    };
  }

  emit<K extends keyof SessionEventMap>(event: K, payload: SessionEventMap[K]): void {
    for (const listener of this.listeners[event]) listener(payload);
  }
}

export const sessionEvents = new SessionEvents();
