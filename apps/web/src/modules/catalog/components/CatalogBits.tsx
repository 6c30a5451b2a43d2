import { Tag, Tooltip } from 'antd';
import { EnvironmentOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  getDiscipline,
  getIndustry,
  taxonomyName,
  type ListingStatus,
  type OrgVerificationStatus,
} from '@tianfu/contracts';
import { useLocale, useT } from '../../../i18n/LocaleProvider';
import type { MessageKey } from '../../../i18n/messages';
import { useRegionName } from '../hooks/useRegionName';

/** A region code shown by name, with a pin. */
export function RegionName({ code }: { code: string | null | undefined }) {
  const name = useRegionName(code);
  if (!name) return null;
  return (
    <span className="region-label">
      <EnvironmentOutlined /> {name}
    </span>
  );
}

/** Discipline and industry codes as tags with their names in the UI language. */
export function TaxonomyTags({
  disciplines = [],
  industries = [],
  max,
}: {
  disciplines?: readonly string[];
  industries?: readonly string[];
  max?: number;
}) {
  const { locale } = useLocale();
  const tags = [
    ...disciplines.map((code) => {
      const d = getDiscipline(code);
      return { key: `d${code}`, label: d ? taxonomyName(d, locale) : code, color: 'blue' };
    }),
    ...industries.map((code) => {
      const i = getIndustry(code);
      return { key: `i${code}`, label: i ? taxonomyName(i, locale) : code, color: 'cyan' };
    }),
  ];
  const shown = max ? tags.slice(0, max) : tags;
  return (
    <span className="tag-row">
      {shown.map((tag) => (
        <Tag key={tag.key} color={tag.color} bordered={false}>
          {tag.label}
        </Tag>
      ))}
      {shown.length < tags.length && <Tag bordered={false}>+{tags.length - shown.length}</Tag>}
    </span>
  );
}

const STATUS_COLOR: Record<ListingStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  published: 'success',
  rejected: 'error',
  closed: 'default',
  expired: 'warning',
};

/** A life-cycle state as a coloured tag; a rejection shows its reason on hover and below on phones. */
export function StatusTag({ status, reason }: { status: ListingStatus; reason?: string | null }) {
  const t = useT();
  const tag = (
    <Tag color={STATUS_COLOR[status]} data-testid="status-tag" data-status={status}>
      {t(`status.${status}` as MessageKey)}
    </Tag>
  );
  return status === 'rejected' && reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}

/** Whole yuan as `12,000 元` / `¥12,000`. */
export function useYuan(): (n: number | null | undefined) => string | null {
  const t = useT();
  const { locale } = useLocale();
  return (n) =>
    n === null || n === undefined ? null : t('catalog.priceYuan', { n: n.toLocaleString(locale) });
}

/** Price for a listing: the amount, or the price type when there is none. */
export function PriceText({
  priceType,
  price,
}: {
  priceType: 'fixed' | 'negotiable' | 'quote';
  price: number | null | undefined;
}) {
  const t = useT();
  const yuan = useYuan();
  const amount = yuan(price);
  if (priceType === 'fixed' && amount) return <strong className="price">{amount}</strong>;
  return (
    <span className="price">
      {amount ? <strong>{amount}</strong> : null}{' '}
      {amount ? `· ${t(`priceType.${priceType}`)}` : t(`priceType.${priceType}`)}
    </span>
  );
}

const ORG_STATUS_COLOR: Record<OrgVerificationStatus, string> = {
  unverified: 'default',
  pending: 'warning',
  verified: 'success',
  rejected: 'error',
};

/**
 * Where an organization's claim stands (已认证 / 认证审核中 / …), with what it means on hover:
 * anyone may register a credit code, so only "verified" says staff checked who acts for it.
 */
export function OrgVerificationTag({ status }: { status: OrgVerificationStatus }) {
  const t = useT();
  return (
    <Tooltip title={t(status === 'verified' ? 'org.verifiedHint' : 'org.unverifiedHint')}>
      <Tag
        color={ORG_STATUS_COLOR[status]}
        icon={status === 'verified' ? <SafetyCertificateOutlined /> : undefined}
        data-testid="org-verification"
        data-status={status}
      >
        {t(`org.status.${status}`)}
      </Tag>
    </Tooltip>
  );
}

/** A listing's organization as verified or not; nothing when no organization stands behind it. */
export function OrgVerifiedTag({ verified }: { verified: boolean | null | undefined }) {
  if (verified === null || verified === undefined) return null;
  return <OrgVerificationTag status={verified ? 'verified' : 'unverified'} />;
}
