import { useEffect, useState } from 'react';
import { getRegion } from '../../regions/api/regionsApi';

const cache = new Map<string, Promise<string>>();

/** `成都市 · 锦江区` for a region code: the path below the province, fetched once per code per visit. */
export function regionLabel(code: string): Promise<string> {
  let hit = cache.get(code);
  if (!hit) {
    hit = getRegion(code)
      .then((r) => {
        const path = r.path.length > 1 ? r.path.slice(1) : r.path;
        return path.map((p) => p.name).join(' · ');
      })
      .catch(() => {
        cache.delete(code);
        return code;
      });
    cache.set(code, hit);
  }
  return hit;
}

/** The display name of a region code: null until it arrives (the code itself if it cannot be loaded). */
export function useRegionName(code: string | null | undefined): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!code) {
      setName(null);
      return;
    }
    let live = true;
    setName(null);
    void regionLabel(code).then((n) => {
      if (live) setName(n);
    });
    return () => {
      live = false;
    };
  }, [code]);
  return code ? name : null;
}
