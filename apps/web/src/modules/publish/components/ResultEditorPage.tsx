import { Button, Checkbox, Form, Input, InputNumber, Radio, Select, Slider } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import {
  IP_KINDS,
  PRICE_TYPES,
  TRANSFER_MODES,
  type IpKind,
  type OwnerType,
  type PriceType,
  type ResearchResultDetail,
  type TransferMode,
} from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { useRemote } from '../../../lib/hooks/useRemote';
import { useSession } from '../../auth/hooks/useSession';
import { createResult, getResult, updateResult } from '../../catalog/api/listingsApi';
import { DisciplineSelect, IndustrySelect } from '../../catalog/components/TaxonomySelect';
import { RegionCascader } from '../../regions/components/RegionCascader';
import { useSaveListing } from '../hooks/useSaveListing';
import { EditorFrame } from './EditorFrame';
import { OwnerFields } from './OwnerFields';

interface ResultForm {
  ownerType: OwnerType;
  teamId?: string;
  orgId?: string;
  title: string;
  abstract: string;
  maturity: number;
  ip: { kind: IpKind; number: string; title?: string | null }[];
  transferModes: TransferMode[];
  priceType: PriceType;
  askingPrice: number | null;
  reservePrice: number | null;
  disciplines: string[];
  industries: string[];
  keywords: string[];
  regionCode: string;
}

const toForm = (r: ResearchResultDetail): ResultForm => ({
  ownerType: r.ownerType,
  teamId: r.teamId ?? undefined,
  orgId: r.orgId ?? undefined,
  title: r.title,
  abstract: r.abstract,
  maturity: r.maturity,
  ip: r.ip,
  transferModes: r.transferModes,
  priceType: r.priceType,
  askingPrice: r.askingPrice,
  reservePrice: r.reservePrice,
  disciplines: r.disciplines,
  industries: r.industries,
  keywords: r.keywords,
  regionCode: r.regionCode,
});

const TRL_MARKS = Object.fromEntries([1, 3, 5, 7, 9].map((n) => [n, String(n)]));

/** Offer or edit a research result (科研成果) for transfer. */
export function ResultEditorPage() {
  const { id } = useParams();
  const t = useT();
  const { user } = useSession();
  const [form] = Form.useForm<ResultForm>();
  const existing = useRemote((signal) => (id ? getResult(id, signal) : Promise.resolve(null)), [id]);
  const ownerType = Form.useWatch('ownerType', form);
  const priceType = Form.useWatch('priceType', form);

  useEffect(() => {
    if (existing.data && 'canEdit' in existing.data) form.setFieldsValue(toForm(existing.data));
  }, [existing.data, form]);

  const { busy, conflict, reload, saveDraft, saveAndSubmit } = useSaveListing<ResultForm>({
    type: 'result',
    id,
    form,
    loadedVersion: existing.data && 'canEdit' in existing.data ? existing.data.version : undefined,
    onReload: existing.reload,
    editPath: (rid) => `/publish/result/${rid}`,
    viewPath: (rid) => `/results/${rid}`,
    save: (v, version) => {
      const body = {
        title: v.title,
        abstract: v.abstract,
        maturity: v.maturity,
        ip: (v.ip ?? []).map((ip) => ({ kind: ip.kind, number: ip.number, title: ip.title || null })),
        transferModes: v.transferModes,
        priceType: v.priceType,
        askingPrice: v.askingPrice ?? null,
        reservePrice: v.reservePrice ?? null,
        disciplines: v.disciplines ?? [],
        industries: v.industries ?? [],
        keywords: v.keywords ?? [],
        regionCode: v.regionCode,
      };
      return id
        ? updateResult(id, { ...body, version })
        : createResult({ ...body, ownerType: v.ownerType, teamId: v.teamId, orgId: v.orgId });
    },
  });

  return (
    <EditorFrame
      testId="result-editor"
      title={t(id ? 'pub.editResultTitle' : 'pub.newResultTitle')}
      loading={existing.loading}
      error={existing.error}
      onRetry={existing.reload}
      editing={Boolean(id && existing.data && existing.data.status !== 'draft')}
      busy={busy}
      conflict={conflict}
      onReloadConflict={reload}
      onDraft={saveDraft}
      onSubmit={saveAndSubmit}
    >
      <Form<ResultForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{
          regionCode: user?.regionCode ?? undefined,
          ownerType: 'scientist',
          maturity: 5,
          ip: [],
          transferModes: ['license'],
          priceType: 'negotiable',
          disciplines: [],
          industries: [],
          keywords: [],
        }}
        scrollToFirstError
      >
        {!id && <OwnerFields ownerType={ownerType} />}
        <Form.Item name="title" label={t('pub.title')} rules={[{ required: true, min: 2, max: 120 }]}>
          <Input maxLength={120} data-testid="result-title" />
        </Form.Item>
        <Form.Item name="abstract" label={t('pub.abstract')} rules={[{ required: true, min: 10, max: 5000 }]}>
          <Input.TextArea rows={6} maxLength={5000} showCount data-testid="result-abstract" />
        </Form.Item>
        <Form.Item name="maturity" label={t('pub.maturity')} rules={[{ required: true }]}>
          <Slider min={1} max={9} marks={TRL_MARKS} data-testid="result-maturity" />
        </Form.Item>
        <Form.Item
          name="transferModes"
          label={t('pub.transferModes')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Checkbox.Group options={TRANSFER_MODES.map((m) => ({ value: m, label: t(`transfer.${m}`) }))} />
        </Form.Item>
        <Form.List name="ip">
          {(fields, { add, remove }) => (
            <div className="list-block">
              <div className="list-block-head">
                <span>{t('pub.ip')}</span>
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'patent', number: '' })}
                >
                  {t('pub.ipAdd')}
                </Button>
              </div>
              {fields.map((field) => (
                <div key={field.key} className="list-row">
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]}>
                    <Select
                      options={IP_KINDS.map((k) => ({ value: k, label: t(`ipKind.${k}`) }))}
                      style={{ minWidth: 120 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'number']} rules={[{ required: true, max: 60 }]}>
                    <Input placeholder={t('pub.ipNumber')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']} rules={[{ max: 200 }]}>
                    <Input placeholder={t('pub.ipTitle')} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.delete')}
                  />
                </div>
              ))}
            </div>
          )}
        </Form.List>
        <Form.Item name="priceType" label={t('pub.priceType')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid">
            {PRICE_TYPES.map((p) => (
              <Radio.Button key={p} value={p}>
                {t(`priceType.${p}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <div className="form-row">
          <Form.Item
            name="askingPrice"
            label={t('pub.askingPrice')}
            rules={[{ required: priceType === 'fixed' }]}
          >
            <InputNumber<number> min={0} step={10000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reservePrice" label={t('pub.reservePrice')}>
            <InputNumber<number> min={0} step={10000} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="keywords" label={t('pub.keywords')}>
          <Select
            mode="tags"
            open={false}
            tokenSeparators={[',', '，', '、']}
            placeholder={t('pub.keywordsPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="disciplines" label={t('pub.disciplines')}>
          <DisciplineSelect placeholder={t('catalog.pickDiscipline')} maxCount={10} />
        </Form.Item>
        <Form.Item name="industries" label={t('pub.industries')}>
          <IndustrySelect placeholder={t('catalog.pickIndustry')} maxCount={10} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('pub.region')} rules={[{ required: true }]}>
          <RegionCascader rootCode="51" />
        </Form.Item>
      </Form>
    </EditorFrame>
  );
}
