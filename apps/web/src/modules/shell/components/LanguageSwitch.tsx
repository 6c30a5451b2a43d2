import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useLocale } from '../../../i18n/LocaleProvider';

/** One button that flips between 中文 and English; shows the language it switches TO. */
export function LanguageSwitch({ compact }: { compact?: boolean }) {
  const { locale, setLocale, t } = useLocale();
  const next = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Button
      type="text"
      className="lang-switch"
      icon={<GlobalOutlined />}
      aria-label={t('nav.language')}
      data-testid="lang-switch"
      onClick={() => setLocale(next)}
    >
      {compact ? (next === 'en' ? 'EN' : '中') : next === 'en' ? t('lang.en') : t('lang.zh')}
    </Button>
  );
}
