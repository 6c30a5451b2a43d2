import { BankOutlined, ExperimentOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { AccountKind } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import type { MessageKey } from '../../../i18n/messages';

const KINDS: { kind: AccountKind; icon: ReactNode; desc: MessageKey }[] = [
  { kind: 'scientist', icon: <ExperimentOutlined />, desc: 'home.role.scientist.desc' },
  { kind: 'team', icon: <TeamOutlined />, desc: 'home.role.team.desc' },
  { kind: 'organization', icon: <BankOutlined />, desc: 'home.role.organization.desc' },
  { kind: 'citizen', icon: <HomeOutlined />, desc: 'home.role.citizen.desc' },
];

/** Four large, tappable choices of account kind (a radio group underneath, for keyboards and screen readers). */
export function KindPicker({
  value,
  onChange,
}: {
  value?: AccountKind;
  onChange: (kind: AccountKind) => void;
}) {
  const t = useT();
  return (
    <div className="kind-picker" role="radiogroup">
      {KINDS.map((k) => {
        const selected = value === k.kind;
        return (
          <button
            key={k.kind}
            type="button"
            role="radio"
            aria-checked={selected}
            className={selected ? 'kind-option selected' : 'kind-option'}
            data-testid={`kind-${k.kind}`}
            onClick={() => onChange(k.kind)}
          >
            <span className="kind-icon">{k.icon}</span>
            <span className="kind-text">
              <strong>{t(`kind.${k.kind}`)}</strong>
              <small>{t(k.desc)}</small>
            </span>
          </button>
        );
      })}
    </div>
  );
}
