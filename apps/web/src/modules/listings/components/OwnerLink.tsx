import { Link } from 'react-router-dom';
import { OrgVerifiedTag } from '../../catalog/components/CatalogBits';

/** The scientist, team or organization offering a listing, linked to its page (an organization with its verification). */
export function OwnerLink({
  ownerType,
  scientistId,
  teamId,
  orgId,
  ownerName,
  orgVerified,
}: {
  ownerType: 'scientist' | 'team' | 'organization';
  scientistId: string | null;
  teamId: string | null;
  orgId: string | null;
  ownerName: string | null;
  /** An organization's listing says whether the organization is verified. */
  orgVerified?: boolean | null;
}) {
  const name = ownerName ?? '—';
  const to =
    ownerType === 'scientist' && scientistId
      ? `/scientists/${scientistId}`
      : ownerType === 'team' && teamId
        ? `/teams/${teamId}`
        : ownerType === 'organization' && orgId
          ? `/enterprises/${orgId}`
          : null;
  const link = to ? <Link to={to}>{name}</Link> : <span>{name}</span>;
  return ownerType === 'organization' ? (
    <span className="owner-with-status">
      {link} <OrgVerifiedTag verified={orgVerified} />
    </span>
  ) : (
    link
  );
}
