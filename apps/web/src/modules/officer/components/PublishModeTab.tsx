import { App, Descriptions, Form, Radio, Skeleton } from 'antd';
import { useState } from 'react';
import { PUBLISH_MODES, type PublishMode } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { formatDateTime } from '../../../lib/format';
import { useRemote } from '../../../lib/hooks/useRemote';
import { useSession } from '../../auth/hooks/useSession';
import { getRegionSetting, putRegionSetting } from '../../catalog/api/listingsApi';
import { useRegionName } from '../../catalog/hooks/useRegionName';
import { RegionCascader } from '../../regions/components/RegionCascader';
import { LoadError } from '../../shell/components/LoadError';

/** Publish mode (auto / after review) of a region; officers start at their own region. */
export function PublishModeTab() {
  const t = useT();
  const { message } = App.useApp();
  const { user } = useSession();
  const ownRegion = user?.roles.find((r) => r.role === 'officer' && r.regionCode)?.regionCode ?? '51';
  const [region, setRegion] = useState<string>(ownRegion);
  const [saving, setSaving] = useState(false);
  const setting = useRemote((signal) => getRegionSetting(region, signal), [region]);
  const sourceName = useRegionName(setting.data?.sourceRegionCode ?? null);

  const change = async (publishMode: PublishMode) => {
    setSaving(true);
    try {
      await putRegionSetting(region, publishMode);
      void message.success(t('mode.saved'));
      setting.reload();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  const s = setting.data;
  return (
    <div data-testid="publish-mode-tab" className="narrow-block">
      <p className="card-lead">{t('mode.lead')}</p>
      <Form layout="vertical">
        <Form.Item label={t('mode.region')}>
          <RegionCascader
            value={region}
            onChange={(code) => setRegion(code ?? ownRegion)}
            rootCode="51"
            data-testid="mode-region"
          />
        </Form.Item>
      </Form>
      {setting.loading && !s ? (
        <Skeleton active />
      ) : setting.error ? (
        <LoadError error={setting.error} onRetry={setting.reload} />
      ) : s ? (
        <>
          <Radio.Group
            value={s.publishMode}
            onChange={(e) => void change(e.target.value as PublishMode)}
            disabled={saving}
            className="radio-stack"
            data-testid="publish-mode"
          >
            {PUBLISH_MODES.map((m) => (
              <Radio key={m} value={m} data-testid={`publish-mode-${m}`}>
                {t(`publishMode.${m}`)}
              </Radio>
            ))}
          </Radio.Group>
          <Descriptions column={1} size="small" className="detail-desc">
            <Descriptions.Item label={t('mode.current')}>
              {!s.inherited
                ? t('mode.own')
                : s.sourceRegionCode
                  ? t('mode.inherited', { region: sourceName ?? s.sourceRegionCode })
                  : t('mode.default')}
            </Descriptions.Item>
            {s.updatedAt && (
              <Descriptions.Item label={t('catalog.updatedAt')}>
                {formatDateTime(s.updatedAt)}
              </Descriptions.Item>
            )}
          </Descriptions>
        </>
      ) : null}
    </div>
  );
}
