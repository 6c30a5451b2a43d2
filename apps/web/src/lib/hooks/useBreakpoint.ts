import { useSyncExternalStore } from 'react';

/** Layout sizes: phone < 768 px ≤ tablet < 1024 px ≤ desktop (mobile-first, as in the style guide). */
export type ScreenSize = 'phone' | 'tablet' | 'desktop';

const TABLET = '(min-width: 768px)';
const DESKTOP = '(min-width: 1024px)';

function read(): ScreenSize {
  if (window.matchMedia(DESKTOP).matches) return 'desktop';
  if (window.matchMedia(TABLET).matches) return 'tablet';
  return 'phone';
}

function subscribe(onChange: () => void): () => void {
  const queries = [window.matchMedia(TABLET), window.matchMedia(DESKTOP)];
  queries.forEach((q) => q.addEventListener('change', onChange));
  return () => queries.forEach((q) => q.removeEventListener('change', onChange));
}

/** The current layout size, updated live when the window is resized or the phone rotated. */
export function useScreenSize(): ScreenSize {
  return useSyncExternalStore(subscribe, read, () => 'desktop');
}
