import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import type { Region } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { getRegion, listRegions } from '../api/regionsApi';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
  loading?: boolean;
}

const toOption = (r: Region): Option => ({ value: r.code, label: r.name, isLeaf: r.level === 'county' });

/** Replaces the children of the option at `path` in an immutable tree. */
function withChildren(options: Option[], path: string[], children: Option[]): Option[] {
  const [head, ...rest] = path;
  return options.map((o) =>
    o.value !== head
      ? o
      : rest.length === 0
        ? { ...o, children }
        : { ...o, children: withChildren(o.children ?? [], rest, children) },
  );
}

/**
 * Province → city → county picker that loads each level on demand (the full tree is ~3,000
 * counties; a phone should not download it to pick one). Value is the deepest code chosen.
 */
export function RegionCascader({
  value,
  onChange,
  rootCode,
  placeholder,
  id,
  'data-testid': testId,
}: {
  value?: string | null;
  onChange?: (code: string | null) => void;
  /** Start below this region (e.g. `51`: the cities of Sichuan) instead of at the provinces. */
  rootCode?: string;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}) {
  const t = useT();
  const [options, setOptions] = useState<Option[]>([]);
  const [path, setPath] = useState<string[]>([]);

  // Provinces once.
  useEffect(() => {
    const controller = new AbortController();
    listRegions(rootCode, controller.signal)
      .then((res) => setOptions((prev) => (prev.length > 0 ? prev : res.items.map(toOption))))
      .catch(() => {
        // Regions unavailable: the picker stays empty and the form can still be saved without a region.
      });
    return () => controller.abort();
  }, [rootCode]);

  // A value set from outside (the saved profile): open its branch so the picker shows names, not a code.
  useEffect(() => {
    if (!value) {
      // Cleared from outside (a filter reset): forget the shown branch too.
      if (path.length > 0) setPath([]);
      return;
    }
    if (path[path.length - 1] === value) return;
    const controller = new AbortController();
    const expand = async () => {
      const detail = await getRegion(value, controller.signal);
      const all = detail.path.map((r) => r.code);
      // Below a root, the picker's first level is the root's children.
      const rootAt = rootCode ? all.indexOf(rootCode) : -1;
      const codes = rootAt >= 0 ? all.slice(rootAt + 1) : all;
      if (codes.length === 0) return;
      const levels = await Promise.all(
        [rootAt >= 0 ? rootCode : undefined, ...codes.slice(0, -1)].map((parent) =>
          listRegions(parent, controller.signal),
        ),
      );
      let tree = levels[0]?.items.map(toOption) ?? [];
      for (let i = 1; i < levels.length; i++) {
        tree = withChildren(tree, codes.slice(0, i), levels[i]?.items.map(toOption) ?? []);
      }
      if (!controller.signal.aborted) {
        setOptions(tree);
        setPath(codes);
      }
    };
    expand().catch(() => undefined);
    return () => controller.abort();
  }, [value, path, rootCode]);

  const loadData = (selected: Option[]) => {
    const target = selected[selected.length - 1];
    if (!target) return;
    const keys = selected.map((o) => o.value);
    void listRegions(target.value).then((res) =>
      setOptions((prev) => withChildren(prev, keys, res.items.map(toOption))),
    );
  };

  return (
    <Cascader<Option>
      options={options}
      value={path}
      loadData={loadData}
      changeOnSelect
      id={id}
      data-testid={testId}
      placeholder={placeholder ?? (rootCode ? t('catalog.pickRegion') : t('profile.regionPlaceholder'))}
      allowClear
      onChange={(codes) => {
        const list = (codes ?? []) as string[];
        setPath(list);
        onChange?.(list.length > 0 ? (list[list.length - 1] ?? null) : null);
      }}
      style={{ width: '100%' }}
    />
  );
}
