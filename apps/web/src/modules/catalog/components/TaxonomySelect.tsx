import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import {
  DISCIPLINE_CATEGORIES,
  DISCIPLINES,
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  taxonomyName,
} from '@tianfu/contracts';
import { useLocale } from '../../../i18n/LocaleProvider';

interface TreeNode {
  value: string;
  title: string;
  selectable?: boolean;
  children?: TreeNode[];
}

type Locale = 'zh-CN' | 'en';

function disciplineTree(locale: Locale): TreeNode[] {
  return DISCIPLINE_CATEGORIES.map((c) => ({
    value: `cat:${c.code}`,
    title: taxonomyName(c, locale),
    selectable: false,
    children: DISCIPLINES.filter((d) => d.category === c.code && d.level === 1).map((d) => ({
      value: d.code,
      title: `${taxonomyName(d, locale)} ${d.code}`,
      children: DISCIPLINES.filter((x) => x.parent === d.code).map((x) => ({
        value: x.code,
        title: `${taxonomyName(x, locale)} ${x.code}`,
      })),
    })),
  }));
}

function industryTree(locale: Locale, divisionsOnly: boolean): TreeNode[] {
  return INDUSTRY_SECTIONS.map((s) => ({
    value: s.code,
    title: `${s.code} ${taxonomyName(s, locale)}`,
    selectable: !divisionsOnly,
    children: INDUSTRY_DIVISIONS.filter((d) => d.section === s.code).map((d) => ({
      value: d.code,
      title: `${d.code} ${taxonomyName(d, locale)}`,
    })),
  }));
}

interface MultiProps {
  value?: string[];
  onChange?: (codes: string[]) => void;
  placeholder?: string;
  id?: string;
  maxCount?: number;
  'data-testid'?: string;
}

/**
 * GB/T 13745 disciplines as a searchable tree (门类 → 一级 → 二级); first- and second-level codes
 * can be picked. The list ships with the contracts, so the picker works offline.
 */
export function DisciplineSelect(props: MultiProps) {
  const { locale } = useLocale();
  const tree = useMemo(() => disciplineTree(locale), [locale]);
  return <TaxonomyTree tree={tree} {...props} />;
}

/** GB/T 4754 industries (sections → divisions), several codes. */
export function IndustrySelect(props: MultiProps & { divisionsOnly?: boolean }) {
  const { locale } = useLocale();
  const { divisionsOnly = false, ...rest } = props;
  const tree = useMemo(() => industryTree(locale, divisionsOnly), [locale, divisionsOnly]);
  return <TaxonomyTree tree={tree} {...rest} />;
}

interface SingleProps {
  value?: string | null;
  onChange?: (code: string | null) => void;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

/** One industry division (enterprise profile); the section follows from the division. */
export function IndustryDivisionSelect(props: SingleProps) {
  const { locale } = useLocale();
  const tree = useMemo(() => industryTree(locale, true), [locale]);
  return <SingleTree tree={tree} {...props} />;
}

/** One discipline (search filter): a first-level code covers its children. */
export function DisciplineFilter(props: SingleProps) {
  const { locale } = useLocale();
  const tree = useMemo(() => disciplineTree(locale), [locale]);
  return <SingleTree tree={tree} {...props} />;
}

/** One industry section or division (search filter). */
export function IndustryFilter(props: SingleProps) {
  const { locale } = useLocale();
  const tree = useMemo(() => industryTree(locale, false), [locale]);
  return <SingleTree tree={tree} {...props} />;
}

function SingleTree({
  tree,
  value,
  onChange,
  placeholder,
  id,
  'data-testid': testId,
}: SingleProps & { tree: TreeNode[] }) {
  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      treeData={tree}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      placeholder={placeholder}
      style={{ width: '100%' }}
      popupMatchSelectWidth={320}
      listHeight={320}
    />
  );
}

function TaxonomyTree({
  tree,
  value,
  onChange,
  placeholder,
  id,
  maxCount,
  'data-testid': testId,
}: MultiProps & { tree: TreeNode[] }) {
  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      treeData={tree}
      value={value ?? []}
      onChange={(v: string[]) => onChange?.(v)}
      multiple
      treeCheckable={false}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      maxCount={maxCount}
      maxTagCount="responsive"
      placeholder={placeholder}
      style={{ width: '100%' }}
      listHeight={320}
    />
  );
}
