import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MeResponse, MeUser, StaffRole } from '@tianfu/contracts';
import { fetchMe, logout } from '../api/authApi';

interface SessionValue {
  /** `undefined` while the first `/api/auth/me` is in flight. */
  me: MeResponse | undefined;
  user: MeUser | null;
  loading: boolean;
  /** Re-reads `/api/auth/me` (after profile or 2FA changes). */
  refresh: () => Promise<void>;
  /** Replaces the session with an answer the server already sent (register, login). */
  setMe: (me: MeResponse) => void;
  signOut: () => Promise<void>;
  hasRole: (role: StaffRole) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

const SIGNED_OUT: MeResponse = { user: null, twoFactor: null, passwordChangeRequired: false };

/** Loads the signed-in user once and shares it with every page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeResponse | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      setMe(await fetchMe());
    } catch {
      // An unreachable API must not trap the user on a spinner: show the public app signed out.
      setMe(SIGNED_OUT);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // Already signed out on the server (expired session) or offline: the local state is cleared
      // either way, and the next /api/auth/me tells the truth.
    } finally {
      setMe(SIGNED_OUT);
    }
  }, []);

  const value = useMemo<SessionValue>(() => {
    const user = me?.user ?? null;
    return {
      me,
      user,
      loading: me === undefined,
      refresh,
      setMe,
      signOut,
      hasRole: (role) => Boolean(user?.roles.some((r) => r.role === role)),
    };
  }, [me, refresh, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session; `user` is null when signed out. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** True when the user holds any staff role (officer, editor, admin). */
export function isStaff(user: MeUser | null): boolean {
  return Boolean(user && user.roles.length > 0);
}
