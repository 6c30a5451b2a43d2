import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import {
  DELIVERY_MODES,
  PRICE_TYPES,
  type CapabilityDetail,
  type DeliveryMode,
  type OwnerType,
  type PriceType,
} from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { useRemote } from '../../../lib/hooks/useRemote';
import { useSession } from '../../auth/hooks/useSession';
import { createCapability, getCapability, updateCapability } from '../../catalog/api/listingsApi';
import { DisciplineSelect, IndustrySelect } from '../../catalog/components/TaxonomySelect';
import { RegionCascader } from '../../regions/components/RegionCascader';
import { useSaveListing } from '../hooks/useSaveListing';
import { EditorFrame } from './EditorFrame';
import { OwnerFields } from './OwnerFields';

interface CapabilityForm {
  ownerType: OwnerType;
  teamId?: string;
  orgId?: string;
  title: string;
  description: string;
  disciplines: string[];
  industries: string[];
  keywords: string[];
  deliveryMode: DeliveryMode;
  priceType: PriceType;
  price: number | null;
  durationDays: number | null;
  regionCode: string;
}

const toForm = (c: CapabilityDetail): CapabilityForm => ({
  ownerType: c.ownerType,
  teamId: c.teamId ?? undefined,
  orgId: c.orgId ?? undefined,
  title: c.title,
  description: c.description,
  disciplines: c.disciplines,
  industries: c.industries,
  keywords: c.keywords,
  deliveryMode: c.deliveryMode,
  priceType: c.priceType,
  price: c.price,
  durationDays: c.durationDays,
  regionCode: c.regionCode,
});

/** Offer or edit a service (科技所能). */
export function CapabilityEditorPage() {
  const { id } = useParams();
  const t = useT();
  const { user } = useSession();
  const [form] = Form.useForm<CapabilityForm>();
  const existing = useRemote((signal) => (id ? getCapability(id, signal) : Promise.resolve(null)), [id]);
  const ownerType = Form.useWatch('ownerType', form);
  const priceType = Form.useWatch('priceType', form);

  useEffect(() => {
    if (existing.data && 'canEdit' in existing.data) form.setFieldsValue(toForm(existing.data));
  }, [existing.data, form]);

  const { busy, conflict, reload, saveDraft, saveAndSubmit } = useSaveListing<CapabilityForm>({
    type: 'capability',
    id,
    form,
    loadedVersion: existing.data && 'canEdit' in existing.data ? existing.data.version : undefined,
    onReload: existing.reload,
    editPath: (capId) => `/publish/service/${capId}`,
    viewPath: (capId) => `/services/${capId}`,
    save: (v, version) => {
      const body = {
        title: v.title,
        description: v.description,
        disciplines: v.disciplines ?? [],
        industries: v.industries ?? [],
        keywords: v.keywords ?? [],
        deliveryMode: v.deliveryMode,
        priceType: v.priceType,
        price: v.price ?? null,
        durationDays: v.durationDays ?? null,
        regionCode: v.regionCode,
      };
      return id
        ? updateCapability(id, { ...body, version })
        : createCapability({ ...body, ownerType: v.ownerType, teamId: v.teamId, orgId: v.orgId });
    },
  });

  return (
    <EditorFrame
      testId="capability-editor"
      title={t(id ? 'pub.editServiceTitle' : 'pub.newServiceTitle')}
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
      <Form<CapabilityForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{
          regionCode: user?.regionCode ?? undefined,
          ownerType: 'scientist',
          deliveryMode: 'hybrid',
          priceType: 'negotiable',
          disciplines: [],
          industries: [],
          keywords: [],
        }}
        scrollToFirstError
      >
        {!id && <OwnerFields ownerType={ownerType} />}
        <Form.Item name="title" label={t('pub.title')} rules={[{ required: true, min: 2, max: 120 }]}>
          <Input placeholder={t('pub.titlePlaceholder')} maxLength={120} data-testid="capability-title" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('pub.description')}
          rules={[{ required: true, min: 10, max: 5000 }]}
        >
          <Input.TextArea rows={6} maxLength={5000} showCount data-testid="capability-description" />
        </Form.Item>
        <Form.Item name="keywords" label={t('pub.keywords')}>
          <Select
            mode="tags"
            open={false}
            tokenSeparators={[',', '，', '、']}
            placeholder={t('pub.keywordsPlaceholder')}
            data-testid="capability-keywords"
          />
        </Form.Item>
        <Form.Item name="disciplines" label={t('pub.disciplines')}>
          <DisciplineSelect
            placeholder={t('catalog.pickDiscipline')}
            maxCount={10}
            data-testid="capability-disciplines"
          />
        </Form.Item>
        <Form.Item name="industries" label={t('pub.industries')}>
          <IndustrySelect
            placeholder={t('catalog.pickIndustry')}
            maxCount={10}
            data-testid="capability-industries"
          />
        </Form.Item>
        <Form.Item name="deliveryMode" label={t('pub.deliveryMode')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="capability-delivery">
            {DELIVERY_MODES.map((m) => (
              <Radio.Button key={m} value={m}>
                {t(`delivery.${m}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="priceType" label={t('pub.priceType')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="capability-price-type">
            {PRICE_TYPES.map((p) => (
              <Radio.Button key={p} value={p}>
                {t(`priceType.${p}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <div className="form-row">
          <Form.Item name="price" label={t('pub.price')} rules={[{ required: priceType === 'fixed' }]}>
            <InputNumber<number>
              min={0}
              step={1000}
              style={{ width: '100%' }}
              data-testid="capability-price"
            />
          </Form.Item>
          <Form.Item name="durationDays" label={t('pub.durationDays')}>
            <InputNumber<number>
              min={1}
              max={3650}
              style={{ width: '100%' }}
              data-testid="capability-duration"
            />
          </Form.Item>
        </div>
        <Form.Item name="regionCode" label={t('pub.region')} rules={[{ required: true }]}>
          <RegionCascader rootCode="51" data-testid="capability-region" />
        </Form.Item>
      </Form>
    </EditorFrame>
  );
}
