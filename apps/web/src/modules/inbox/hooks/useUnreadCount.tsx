import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSession } from '../../auth/hooks/useSession';
import { getUnreadCount } from '../../catalog/api/matchingApi';

const POLL_MS = 60_000;

interface UnreadValue {
  unread: number;
  /** Re-reads the count (after marking notifications read). */
  refresh: () => void;
}

const UnreadContext = createContext<UnreadValue>({ unread: 0, refresh: () => undefined });

/** Keeps the signed-in user's unread notification count, polled once a minute and on focus. */
export function UnreadProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const [unread, setUnread] = useState(0);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    if (!user) {
      setUnread(0);
      return;
    }
    const controller = new AbortController();
    const load = () =>
      getUnreadCount(controller.signal)
        .then((r) => setUnread(r.unread))
        .catch(() => {
          // Count unavailable (offline, route not deployed): keep the last one.
        });
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      controller.abort();
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [user, tick]);

  const value = useMemo(() => ({ unread, refresh }), [unread, refresh]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

/** The unread count for badges. */
export function useUnreadCount(): UnreadValue {
  return useContext(UnreadContext);
}
