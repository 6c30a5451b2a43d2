import { Navigate } from 'react-router-dom';
import { useSession } from '../../auth/hooks/useSession';

/** The phone "我的" tab: the account page when signed in, the sign-in page otherwise. */
export function MePage() {
  const { user, loading } = useSession();
  if (loading) return null;
  return <Navigate to={user ? '/account' : '/login'} replace />;
}
