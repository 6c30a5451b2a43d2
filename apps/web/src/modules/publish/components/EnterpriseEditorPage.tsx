import { App, Button, Card, Form, Input, InputNumber, Select, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  industrySection,
  isValidUscc,
  SIZE_CLASSES,
  type OrganizationProfileDetail,
  type OrganizationProfileResponse,
  type OrganizationType,
  type SizeClass,
} from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { ApiError } from '../../../lib/api/client';
import { applyFieldErrors } from '../../../lib/api/formErrors';
import { useRemote } from '../../../lib/hooks/useRemote';
import {
  createOrganization,
  getOrganization,
  listMyOrganizations,
  updateOrganization,
} from '../../catalog/api/catalogApi';
import { IndustryDivisionSelect } from '../../catalog/components/TaxonomySelect';
import { RegionCascader } from '../../regions/components/RegionCascader';
import { RequireAuth } from '../../shell/components/Guards';
import { LoadError } from '../../shell/components/LoadError';
import { JoinRequestsCard, OrgVerificationPanel, UsccTakenNotice } from './OrgClaimPanels';

interface EnterpriseForm {
  name: string;
  uscc: string;
  orgType: OrganizationType;
  regionCode: string;
  industryDivision: string | null;
  sizeClass: SizeClass | null;
  employees: number | null;
  description: string | null;
}

const ORG_TYPES: OrganizationType[] = ['enterprise', 'institution', 'provider'];

const isDetail = (o: OrganizationProfileResponse | null | undefined): o is OrganizationProfileDetail =>
  !!o && 'canEdit' in o;

const toForm = (o: OrganizationProfileResponse): EnterpriseForm => ({
  name: o.name,
  uscc: o.uscc,
  orgType: o.orgType,
  regionCode: o.regionCode,
  industryDivision: o.industryDivision,
  sizeClass: o.sizeClass,
  employees: o.employees,
  description: o.description,
});

/**
 * Enterprise profile: USCC, industry (GB/T 4754 division), size class, region. Registering is
 * claiming: the page shows where the claim stands, the owner's join requests, and — when the code
 * is already claimed — a request to join instead (`/publish/enterprise/new` registers another).
 */
export function EnterpriseEditorPage() {
  const { id } = useParams();
  return (
    <RequireAuth>
      {/* A fresh form per organization (and for a new one). */}
      <EnterpriseEditor key={id ?? ''} />
    </RequireAuth>
  );
}

function EnterpriseEditor() {
  const { id } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterpriseForm>();
  const [saving, setSaving] = useState(false);
  const [claimed, setClaimed] = useState<{ uscc: string; message: string; unowned: boolean } | null>(null);
  const mine = useRemote((signal) => listMyOrganizations(signal), []);
  const editable = (mine.data?.items ?? []).filter((o) => o.myRole !== 'member');
  const creating = id === 'new';
  // Without an id, open the caller's only organization directly.
  const targetId = creating ? undefined : (id ?? (editable.length === 1 ? editable[0]!.id : undefined));
  const existing = useRemote(
    (signal) => (targetId ? getOrganization(targetId, signal) : Promise.resolve(null)),
    [targetId],
  );

  useEffect(() => {
    if (existing.data) form.setFieldsValue(toForm(existing.data));
  }, [existing.data, form]);

  const save = async (values: EnterpriseForm) => {
    setSaving(true);
    const common = {
      name: values.name.trim(),
      orgType: values.orgType,
      regionCode: values.regionCode,
      description: values.description?.trim() || null,
      industryDivision: values.industryDivision ?? null,
      industrySection: values.industryDivision
        ? (industrySection(values.industryDivision)?.code ?? null)
        : null,
      sizeClass: values.sizeClass ?? null,
      employees: values.employees ?? null,
    };
    setClaimed(null);
    try {
      if (targetId) {
        await updateOrganization(targetId, common);
        void message.success(t('common.saved'));
        existing.reload();
      } else {
        const created = await createOrganization({ ...common, uscc: values.uscc.trim().toUpperCase() });
        void message.success(t('ent.created'));
        void navigate(`/publish/enterprise/${created.id}`, { replace: true });
      }
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'org.uscc_claimed' || err.code === 'org.uscc_unclaimed')) {
        setClaimed({
          uscc: values.uscc.trim().toUpperCase(),
          message: err.message,
          unowned: err.code === 'org.uscc_unclaimed',
        });
      } else void message.error(applyFieldErrors(form, err));
    } finally {
      setSaving(false);
    }
  };

  const loading = mine.loading || existing.loading;
  return (
    <div className="page editor-page" data-testid="enterprise-editor">
      <h1 className="page-title">{t('ent.editorTitle')}</h1>
      <p className="section-desc">{t('ent.editorLead')}</p>
      {loading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : mine.error || existing.error ? (
        <LoadError error={mine.error ?? existing.error} onRetry={existing.reload} />
      ) : (
        <Card variant="borderless" className="editor-main narrow">
          {!targetId && <p className="card-lead">{t('ent.claimLead')}</p>}
          {isDetail(existing.data) && (
            <OrgVerificationPanel org={existing.data} onChanged={existing.reload} />
          )}
          {!id && editable.length > 1 && (
            <Form.Item label={t('ent.pick')}>
              <Select
                options={editable.map((o) => ({ value: o.id, label: o.name }))}
                onChange={(v: string) => void navigate(`/publish/enterprise/${v}`)}
              />
            </Form.Item>
          )}
          {targetId && (
            <div className="ent-links">
              <Link to={`/enterprises/${targetId}`} data-testid="ent-public-link">
                {t('ent.view')}
              </Link>
              <Link to="/publish/enterprise/new" data-testid="ent-new">
                {t('ent.newOrg')}
              </Link>
            </div>
          )}
          <Form<EnterpriseForm>
            form={form}
            layout="vertical"
            requiredMark="optional"
            initialValues={{ orgType: 'enterprise' }}
            onFinish={(v) => void save(v)}
            scrollToFirstError
          >
            <Form.Item name="name" label={t('ent.name')} rules={[{ required: true, min: 2, max: 120 }]}>
              <Input data-testid="ent-name" />
            </Form.Item>
            <Form.Item
              name="uscc"
              label={t('ent.uscc')}
              rules={[
                { required: true },
                {
                  validator: (_, v: string | undefined) =>
                    !v || targetId || isValidUscc(v.trim().toUpperCase())
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('ent.usccInvalid'))),
                },
              ]}
            >
              <Input disabled={Boolean(targetId)} maxLength={18} data-testid="ent-uscc" />
            </Form.Item>
            <div className="form-row">
              <Form.Item name="orgType" label={t('ent.orgType')} rules={[{ required: true }]}>
                <Select options={ORG_TYPES.map((o) => ({ value: o, label: t(`orgType.${o}`) }))} />
              </Form.Item>
              <Form.Item name="sizeClass" label={t('ent.sizeClass')}>
                <Select allowClear options={SIZE_CLASSES.map((s) => ({ value: s, label: t(`size.${s}`) }))} />
              </Form.Item>
            </div>
            <Form.Item name="industryDivision" label={t('ent.industryDivision')}>
              <IndustryDivisionSelect placeholder={t('catalog.pickIndustry')} data-testid="ent-industry" />
            </Form.Item>
            <div className="form-row">
              <Form.Item name="regionCode" label={t('pub.region')} rules={[{ required: true }]}>
                <RegionCascader rootCode="51" data-testid="ent-region" />
              </Form.Item>
              <Form.Item name="employees" label={t('ent.employees')}>
                <InputNumber<number> min={0} style={{ width: '100%' }} />
              </Form.Item>
            </div>
            <Form.Item name="description" label={t('ent.description')} rules={[{ max: 5000 }]}>
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
            {claimed && (
              <UsccTakenNotice
                uscc={claimed.uscc}
                serverMessage={claimed.message}
                unowned={claimed.unowned}
              />
            )}
            <div className="editor-actions">
              <Button type="primary" size="large" htmlType="submit" loading={saving} data-testid="ent-save">
                {t('common.save')}
              </Button>
            </div>
          </Form>
        </Card>
      )}
      {isDetail(existing.data) && (existing.data.myRole === 'owner' || existing.data.myRole === 'admin') && (
        <div className="editor-main narrow">
          <JoinRequestsCard orgId={existing.data.id} onChanged={existing.reload} />
        </div>
      )}
    </div>
  );
}
