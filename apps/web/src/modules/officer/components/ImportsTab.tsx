import { Alert, App, Button, Card, Select, Space, Statistic, Table, Tag, Upload } from 'antd';
import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useState } from 'react';
import {
  IMPORT_ENTITIES,
  type ExportEntity,
  type ImportBatchStatus,
  type ImportBatchSummary,
  type ImportBatchView,
  type ImportEntity,
  type ImportIssue,
  type ImportMode,
} from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import type { MessageKey } from '../../../i18n/messages';
import { formatDateTime } from '../../../lib/format';
import { useScreenSize } from '../../../lib/hooks/useBreakpoint';
import { useRemote } from '../../../lib/hooks/useRemote';
import { commitImport, downloadTemplate, listImports, uploadImport } from '../../catalog/api/importsApi';
import { ExportButton } from './ExportButtons';

const STATUS_COLOR: Record<ImportBatchStatus, string> = {
  validated: 'processing',
  committed: 'success',
  failed: 'error',
  expired: 'default',
};

const EXPORTS: { entity: ExportEntity; label: MessageKey }[] = [
  { entity: 'scientists', label: 'import.entity.scientists' },
  { entity: 'enterprises', label: 'import.entity.enterprises' },
  { entity: 'capabilities', label: 'import.entity.capabilities' },
  { entity: 'results', label: 'import.exportEntity.results' },
  { entity: 'needs', label: 'import.entity.needs' },
];

/**
 * Bulk import for officers: template, upload → per-row report (row, field, message), then commit
 * all-or-nothing or valid rows only; recent batches; exports of every list.
 */
export function ImportsTab() {
  const t = useT();
  const { message } = App.useApp();
  const phone = useScreenSize() === 'phone';
  const [entity, setEntity] = useState<ImportEntity>('scientists');
  const [batch, setBatch] = useState<ImportBatchView | null>(null);
  const [uploading, setUploading] = useState(false);
  const [committing, setCommitting] = useState<ImportMode | null>(null);
  const history = useRemote((signal) => listImports({ pageSize: 10 }, signal), []);

  const fail = (err: unknown) => void message.error(err instanceof Error ? err.message : String(err));

  const upload = async (file: File) => {
    setUploading(true);
    setBatch(null);
    try {
      setBatch(await uploadImport(entity, file));
      history.reload();
    } catch (err) {
      fail(err);
    } finally {
      setUploading(false);
    }
  };

  const commit = async (mode: ImportMode) => {
    if (!batch) return;
    setCommitting(mode);
    try {
      const done = await commitImport(batch.id, mode);
      setBatch(done);
      void message.success(t('import.committed', done.counts));
      history.reload();
    } catch (err) {
      fail(err);
    } finally {
      setCommitting(null);
    }
  };

  return (
    <div className="imports-tab" data-testid="imports-tab">
      <p className="card-lead">{t('import.lead')}</p>
      <div className="import-controls">
        <Select<ImportEntity>
          value={entity}
          onChange={(v) => {
            setEntity(v);
            setBatch(null);
          }}
          options={IMPORT_ENTITIES.map((e) => ({ value: e, label: t(`import.entity.${e}`) }))}
          aria-label={t('import.entity')}
          className="import-entity"
          data-testid="import-entity"
        />
        <Space wrap>
          <Button
            icon={<FileExcelOutlined />}
            onClick={() => void downloadTemplate(entity, 'xlsx').catch(fail)}
            data-testid="template-xlsx"
          >
            {t('import.template')} (.xlsx)
          </Button>
          <Button onClick={() => void downloadTemplate(entity, 'csv').catch(fail)} data-testid="template-csv">
            {t('import.template')} (.csv)
          </Button>
        </Space>
      </div>
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={uploading}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{uploading ? t('import.checking') : t('import.uploadHint')}</p>
      </Upload.Dragger>

      {batch && (
        <Card
          variant="borderless"
          className="import-report"
          title={`${t('import.report')} · ${batch.fileName}`}
          data-testid="import-report"
        >
          <div className="import-counts" data-testid="import-counts">
            <Statistic title={t('import.total')} value={batch.counts.total} />
            <Statistic
              title={t('import.valid')}
              value={batch.counts.valid}
              styles={{ content: { color: '#14915a' } }}
            />
            <Statistic
              title={t('import.invalid')}
              value={batch.counts.invalid}
              styles={{ content: { color: batch.counts.invalid ? '#cf1322' : undefined } }}
            />
            <Tag color={STATUS_COLOR[batch.status]} data-testid="import-status" data-status={batch.status}>
              {t(`import.status.${batch.status}`)}
            </Tag>
          </div>
          <p>{t('import.counts', batch.counts)}</p>
          {batch.status === 'committed' && (
            <Alert
              type="success"
              showIcon
              className="card-alert"
              title={t('import.committed', batch.counts)}
              data-testid="import-committed"
            />
          )}
          {batch.issuesTruncated && (
            <Alert type="warning" showIcon className="card-alert" title={t('import.truncated')} />
          )}
          {batch.issues.length === 0 ? (
            <Alert type="success" showIcon className="card-alert" title={t('import.noIssues')} />
          ) : (
            <Table<ImportIssue>
              size="small"
              rowKey={(i) => `${i.row}:${i.field}:${i.code}`}
              dataSource={batch.issues}
              pagination={batch.issues.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              onRow={(i) =>
                ({ 'data-testid': 'import-issue', 'data-row': i.row }) as React.HTMLAttributes<HTMLElement>
              }
              scroll={phone ? undefined : { x: 'max-content' }}
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 70 },
                {
                  title: t('import.field'),
                  dataIndex: 'column',
                  render: (v: string, i) => v || i.field,
                  width: phone ? 90 : 160,
                },
                { title: t('import.message'), dataIndex: 'message' },
              ]}
            />
          )}
          {batch.status === 'validated' && (
            <div className="editor-actions">
              {/* With bad rows, importing the valid ones is the way forward (all-or-nothing would be refused). */}
              <Button
                type={batch.counts.valid < batch.counts.total ? 'primary' : 'default'}
                onClick={() => void commit('valid_only')}
                disabled={batch.counts.valid === 0 || committing !== null}
                loading={committing === 'valid_only'}
                data-testid="commit-valid"
              >
                {t('import.commitValid', { n: batch.counts.valid })}
              </Button>
              <Button
                type={batch.counts.valid < batch.counts.total ? 'default' : 'primary'}
                onClick={() => void commit('all_or_nothing')}
                disabled={committing !== null}
                loading={committing === 'all_or_nothing'}
                data-testid="commit-all"
              >
                {t('import.commitAll')}
              </Button>
            </div>
          )}
        </Card>
      )}

      <h3 className="form-section">{t('import.history')}</h3>
      <Table<ImportBatchSummary>
        size="small"
        rowKey="id"
        loading={history.loading}
        dataSource={history.data?.items ?? []}
        pagination={false}
        showHeader={!phone}
        locale={{ emptyText: t('common.none') }}
        scroll={phone ? undefined : { x: 'max-content' }}
        columns={[
          {
            title: t('import.file'),
            render: (_, b) => (
              <div>
                <div className="import-file">{b.fileName}</div>
                {phone && <div className="muted-small">{formatDateTime(b.createdAt)}</div>}
              </div>
            ),
          },
          {
            title: t('import.entity'),
            dataIndex: 'entity',
            render: (v: ImportEntity) => t(`import.entity.${v}`),
          },
          {
            title: t('import.status'),
            render: (_, b) => <Tag color={STATUS_COLOR[b.status]}>{t(`import.status.${b.status}`)}</Tag>,
          },
          ...(phone
            ? []
            : [
                {
                  title: t('import.rows'),
                  render: (_: unknown, b: ImportBatchSummary) => `${b.counts.valid}/${b.counts.total}`,
                },
                {
                  title: t('import.createdAt'),
                  dataIndex: 'createdAt',
                  render: (v: string) => formatDateTime(v),
                },
              ]),
        ]}
      />

      <h3 className="form-section">{t('import.export')}</h3>
      <Space wrap>
        {EXPORTS.map((e) => (
          <ExportButton key={e.entity} entity={e.entity} label={t(e.label)} />
        ))}
      </Space>
    </div>
  );
}
