import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/LocaleProvider';
import { BrandLogo } from './BrandLogo';
import { LanguageSwitch } from './LanguageSwitch';

/** Slim phone header: the brand (back to home) and the language switch. */
export function PhoneHeader() {
  const t = useT();
  return (
    <header className="phone-header" data-testid="phone-header">
      <Link to="/" className="top-nav-brand" aria-label={t('app.name')}>
        <BrandLogo size={28} withName name={t('app.name')} />
      </Link>
      <LanguageSwitch compact />
    </header>
  );
}
