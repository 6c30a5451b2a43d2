import { Link } from 'react-router-dom';

/** The scientist, team or organization offering a listing, linked to its page. */
export function OwnerLink({
  ownerType,
  scientistId,
  teamId,
  orgId,
  ownerName,
}: {
  ownerType: 'scientist' | 'team' | 'organization';
  scientistId: string | null;
  teamId: string | null;
  orgId: string | null;
  ownerName: string | null;
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
  return to ? <Link to={to}>{name}</Link> : <span>{name}</span>;
}
