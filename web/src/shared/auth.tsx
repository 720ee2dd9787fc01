import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from './client';
import type { Role, User } from './types';

interface AuthValue {
  user: User | null;
  /** True until the session probe (/api/auth/me) has answered. */
  loading: boolean;
  /** Signs in; `challenge` when the server asked for one (a solved sign-in challenge). */
  login: (username: string, password: string, challenge?: { id: string; answer: string }) => Promise<User>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      // An anonymous visitor is answered 200 with a null user (no error in the console).
      const me = await api.get('/api/auth/me', { silent: true, noAuthRedirect: true });
      setCsrfToken(me.csrfToken);
      setUser(me.user);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setCsrfToken(null);
      setUser(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const login = useCallback(async (username: string, password: string, challenge?: { id: string; answer: string }) => {
    const res = await api.post('/api/auth/login', {
      body: {
        username,
        password,
        ...(challenge ? { challengeId: challenge.id, challengeAnswer: challenge.answer } : {}),
      },
      noAuthRedirect: true,
    });
    setCsrfToken(res.csrfToken);
    setUser(res.user);
    return res.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', { silent: true, noAuthRedirect: true });
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const value = useMemo<AuthValue>(
    () => ({
      user,
      loading,
      login,
      logout,
      refresh,
      hasRole: (...roles) => !!user && roles.some((r) => user.roles.includes(r)),
    }),
    [user, loading, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
