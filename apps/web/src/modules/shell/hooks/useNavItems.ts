import type { MessageKey } from '../../../i18n/messages';
import { isStaff, useSession } from '../../auth/hooks/useSession';

/** A destination in the main navigation. */
export interface NavItem {
  path: string;
  label: MessageKey;
  /** Paths that light this item up besides `path` itself. */
  match: (pathname: string) => boolean;
}

/** Top-bar destinations for the signed-in state; staff get the administration entry. */
export function useNavItems(): NavItem[] {
  const { user } = useSession();
  const items: NavItem[] = [
    { path: '/', label: 'nav.home', match: (p) => p === '/' },
    { path: '/discover', label: 'nav.discover', match: (p) => p.startsWith('/discover') },
  ];
  if (user) {
    items.push(
      { path: '/mine', label: 'nav.mine', match: (p) => p === '/mine' || p.startsWith('/publish/') },
      { path: '/messages', label: 'nav.messages', match: (p) => p.startsWith('/messages') },
    );
  }
  if (isStaff(user)) items.push({ path: '/admin', label: 'nav.admin', match: (p) => p.startsWith('/admin') });
  return items;
}
