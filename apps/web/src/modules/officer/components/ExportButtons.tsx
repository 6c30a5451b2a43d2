import { App, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { ExportEntity, FileFormat } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import type { Query } from '../../../lib/api/client';
import { downloadExport } from '../../catalog/api/importsApi';

/** "导出" for a list: Excel or CSV with the list's current filters. */
export function ExportButton({
  entity,
  filters,
  label,
}: {
  entity: ExportEntity;
  filters?: Query;
  label?: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (format: FileFormat) => {
    setBusy(true);
    try {
      await downloadExport(entity, format, filters);
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'xlsx', label: t('catalog.exportXlsx') },
          { key: 'csv', label: t('catalog.exportCsv') },
        ],
        onClick: ({ key }) => void run(key as FileFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy} data-testid={`export-${entity}`}>
        {label ?? t('catalog.export')}
      </Button>
    </Dropdown>
  );
}
