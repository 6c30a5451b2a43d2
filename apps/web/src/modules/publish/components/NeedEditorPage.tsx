import { Alert, Button, DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { NEED_KINDS, type NeedDetail, type NeedKind } from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { useScreenSize } from '../../../lib/hooks/useBreakpoint';
import { useRemote } from '../../../lib/hooks/useRemote';
import { useSession } from '../../auth/hooks/useSession';
import { listMyOrganizations } from '../../catalog/api/catalogApi';
import { createNeed, getNeed, updateNeed } from '../../catalog/api/listingsApi';
import { DisciplineSelect, IndustrySelect } from '../../catalog/components/TaxonomySelect';
import { RegionCascader } from '../../regions/components/RegionCascader';
import { useNeedAssessment } from '../hooks/useNeedAssessment';
import { useSaveListing } from '../hooks/useSaveListing';
import { EditorFrame } from './EditorFrame';
import { QualityAssistant } from './QualityAssistant';

interface NeedForm {
  kind: NeedKind;
  orgId: string | null;
  title: string;
  summary: string;
  description: string;
  confidential: boolean;
  keywords: string[];
  disciplines: string[];
  industries: string[];
  budgetMin: number | null;
  budgetMax: number | null;
  deadline: Dayjs | null;
  regionCode: string;
}

const toForm = (n: NeedDetail): NeedForm => ({
  kind: n.kind,
  orgId: n.orgId,
  title: n.title,
  summary: n.summary,
  description: n.details?.description ?? '',
  confidential: n.confidential,
  keywords: n.keywords,
  disciplines: n.disciplines,
  industries: n.industries,
  budgetMin: n.budgetMin,
  budgetMax: n.budgetMax,
  deadline: n.deadline ? dayjs(n.deadline) : null,
  regionCode: n.regionCode,
});

/** Post or edit a need, with the quality assistant scoring the draft while it is typed. */
export function NeedEditorPage() {
  const { id } = useParams();
  const t = useT();
  const { user } = useSession();
  const navigate = useNavigate();
  const phone = useScreenSize() === 'phone';
  const [form] = Form.useForm<NeedForm>();
  const existing = useRemote((signal) => (id ? getNeed(id, signal) : Promise.resolve(null)), [id]);
  const orgs = useRemote((signal) => listMyOrganizations(signal), []);
  const values = (Form.useWatch([], form) ?? {}) as Partial<NeedForm>;
  const assessment = useNeedAssessment({
    kind: values.kind,
    title: values.title,
    summary: values.summary,
    description: values.description,
    confidential: values.confidential,
    keywords: values.keywords,
    disciplines: values.disciplines,
    industries: values.industries,
    budgetMin: values.budgetMin ?? null,
    budgetMax: values.budgetMax ?? null,
    deadline: values.deadline ? values.deadline.format('YYYY-MM-DD') : null,
    regionCode: values.regionCode,
  });

  useEffect(() => {
    if (existing.data && 'canEdit' in existing.data) form.setFieldsValue(toForm(existing.data));
  }, [existing.data, form]);

  // A first-time poster acting for one organization posts for it by default.
  useEffect(() => {
    const only = orgs.data?.items.length === 1 ? orgs.data.items[0] : undefined;
    if (!id && only && form.getFieldValue('orgId') === undefined) form.setFieldValue('orgId', only.id);
  }, [id, orgs.data, form]);

  // A new need starts in its organization's region when the account itself has none.
  const orgRegion = orgs.data?.items.find((o) => o.id === values.orgId)?.regionCode;
  useEffect(() => {
    if (!id && orgRegion && !form.getFieldValue('regionCode')) form.setFieldValue('regionCode', orgRegion);
  }, [id, orgRegion, form]);

  const { busy, conflict, reload, saveDraft, saveAndSubmit } = useSaveListing<NeedForm>({
    type: 'need',
    id,
    form,
    loadedVersion: existing.data && 'canEdit' in existing.data ? existing.data.version : undefined,
    onReload: existing.reload,
    editPath: (needId) => `/publish/need/${needId}`,
    viewPath: (needId) => `/needs/${needId}`,
    save: async (v, version) => {
      const body = {
        kind: v.kind,
        title: v.title,
        summary: v.summary,
        description: v.description,
        confidential: v.confidential,
        keywords: v.keywords ?? [],
        disciplines: v.disciplines ?? [],
        industries: v.industries ?? [],
        budgetMin: v.budgetMin ?? null,
        budgetMax: v.budgetMax ?? null,
        deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
        regionCode: v.regionCode,
      };
      return id ? updateNeed(id, { ...body, version }) : createNeed({ ...body, orgId: v.orgId ?? null });
    },
  });

  const focusField = (field: string) => {
    form.scrollToField(field, { behavior: 'smooth', block: 'center', focus: true });
  };
  const assistant = <QualityAssistant assessment={assessment} onFocusField={focusField} />;

  return (
    <EditorFrame
      testId="need-editor"
      title={t(id ? 'pub.editNeedTitle' : 'pub.newNeedTitle')}
      loading={existing.loading}
      error={existing.error}
      onRetry={existing.reload}
      editing={Boolean(id && existing.data && existing.data.status !== 'draft')}
      busy={busy}
      conflict={conflict}
      onReloadConflict={reload}
      onDraft={saveDraft}
      onSubmit={saveAndSubmit}
      side={phone ? undefined : assistant}
    >
      {phone && (
        <button
          type="button"
          className="quality-pill"
          onClick={() => document.getElementById('quality-anchor')?.scrollIntoView({ behavior: 'smooth' })}
        >
          {t('quality.score')} <strong>{assessment.report.score}</strong> ·{' '}
          {t(`quality.${assessment.report.level}`)}
        </button>
      )}
      <Form<NeedForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{
          regionCode: user?.regionCode ?? undefined,
          kind: 'rd_problem',
          confidential: false,
          keywords: [],
          disciplines: [],
          industries: [],
        }}
        scrollToFirstError
      >
        <Form.Item name="kind" label={t('pub.needKind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            className="kind-radios"
            data-testid="need-kind"
          >
            {NEED_KINDS.map((k) => (
              <Radio.Button key={k} value={k}>
                {t(`needKind.${k}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {!id && user?.kinds.includes('organization') && orgs.data?.items.length === 0 && (
          <Alert
            type="info"
            showIcon
            className="card-alert"
            title={t('pub.noOrganization')}
            data-testid="need-no-org"
            action={
              <Button size="small" onClick={() => void navigate('/publish/enterprise')}>
                {t('pub.registerOrg')}
              </Button>
            }
          />
        )}
        {!id && (
          <Form.Item name="orgId" label={t('pub.needOrg')}>
            <Select
              placeholder={t('pub.personal')}
              data-testid="need-org"
              options={[
                { value: null, label: t('pub.personal') },
                ...(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('pub.title')} rules={[{ required: true, min: 2, max: 120 }]}>
          <Input placeholder={t('pub.titlePlaceholder')} maxLength={120} data-testid="need-title" />
        </Form.Item>
        <Form.Item
          name="summary"
          className="with-count"
          label={t('pub.summary')}
          extra={t('pub.summaryHelp')}
          rules={[{ required: true, min: 10, max: 500 }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="need-summary-input" />
        </Form.Item>
        <Form.Item
          name="description"
          className="with-count"
          label={t('pub.needDescription')}
          extra={t('pub.needDescriptionHelp')}
          rules={[{ required: true, min: 10, max: 5000 }]}
        >
          <Input.TextArea rows={7} maxLength={5000} showCount data-testid="need-description" />
        </Form.Item>
        <Form.Item name="confidential" label={t('pub.confidential')} valuePropName="checked">
          <Switch data-testid="need-confidential" />
        </Form.Item>
        <Form.Item name="keywords" label={t('pub.keywords')}>
          <Select
            mode="tags"
            tokenSeparators={[',', '，', '、']}
            placeholder={t('pub.keywordsPlaceholder')}
            open={false}
            data-testid="need-keywords"
          />
        </Form.Item>
        <Form.Item name="disciplines" label={t('pub.disciplines')}>
          <DisciplineSelect
            placeholder={t('catalog.pickDiscipline')}
            maxCount={10}
            data-testid="need-disciplines"
          />
        </Form.Item>
        <Form.Item name="industries" label={t('pub.industries')}>
          <IndustrySelect
            placeholder={t('catalog.pickIndustry')}
            maxCount={10}
            data-testid="need-industries"
          />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="budgetMin" label={t('pub.budgetMin')}>
            <InputNumber<number>
              min={0}
              step={10000}
              style={{ width: '100%' }}
              data-testid="need-budget-min"
            />
          </Form.Item>
          <Form.Item name="budgetMax" label={t('pub.budgetMax')}>
            <InputNumber<number>
              min={0}
              step={10000}
              style={{ width: '100%' }}
              data-testid="need-budget-max"
            />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="deadline" label={t('pub.deadline')}>
            <DatePicker style={{ width: '100%' }} inputReadOnly={phone} data-testid="need-deadline" />
          </Form.Item>
          <Form.Item name="regionCode" label={t('pub.region')} rules={[{ required: true }]}>
            <RegionCascader rootCode="51" data-testid="need-region" />
          </Form.Item>
        </div>
      </Form>
      {phone && <div id="quality-anchor">{assistant}</div>}
    </EditorFrame>
  );
}
