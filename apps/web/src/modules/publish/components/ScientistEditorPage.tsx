import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Collapse,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Switch,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  AVAILABILITY,
  EDUCATION_LEVELS,
  GENDERS,
  PROFILE_STATUSES,
  type ScientistDetail,
  type ScientistPatch,
} from '@tianfu/contracts';
import { useT } from '../../../i18n/LocaleProvider';
import { ApiError } from '../../../lib/api/client';
import { applyFieldErrors, scrollToFirstInvalid } from '../../../lib/api/formErrors';
import { useRemote } from '../../../lib/hooks/useRemote';
import { useSession } from '../../auth/hooks/useSession';
import { createScientist, getMyScientist, updateMyScientist } from '../../catalog/api/catalogApi';
import { DisciplineSelect } from '../../catalog/components/TaxonomySelect';
import { RegionCascader } from '../../regions/components/RegionCascader';
import { RequireAuth } from '../../shell/components/Guards';
import { LoadError } from '../../shell/components/LoadError';
import { ListField } from './ListField';

type ProfileForm = Required<Omit<ScientistPatch, 'orgId' | 'onSiteRadiusKm'>> & {
  onSite: boolean;
  onSiteRadiusKm: number | null;
};

const YEAR = { min: 1900, max: 2100 };

function toForm(s: ScientistDetail): ProfileForm {
  return {
    name: s.name,
    gender: s.gender,
    birthYear: s.birthYear,
    education: s.education,
    title: s.title,
    affiliation: s.affiliation,
    disciplines: s.disciplines,
    skills: s.skills,
    bio: s.bio,
    experience: s.experience,
    regionCode: s.regionCode,
    availability: s.availability,
    capacity: s.capacity,
    onSite: s.onSiteRadiusKm !== null,
    onSiteRadiusKm: s.onSiteRadiusKm,
    remote: s.remote,
    ruralExpert: s.ruralExpert,
    papers: s.papers,
    patents: s.patents,
    projects: s.projects,
    deliveredServices: s.deliveredServices,
    status: s.status,
  };
}

/** Trims empty optional strings to null so "cleared" means cleared on the server. */
const orNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

function toBody(v: ProfileForm): ScientistPatch {
  return {
    name: v.name.trim(),
    gender: v.gender ?? null,
    birthYear: v.birthYear ?? null,
    education: v.education ?? null,
    title: orNull(v.title),
    affiliation: orNull(v.affiliation),
    disciplines: v.disciplines ?? [],
    skills: v.skills ?? [],
    bio: orNull(v.bio),
    experience: (v.experience ?? []).map((e) => ({ ...e, to: e.to ?? null, role: orNull(e.role) })),
    regionCode: v.regionCode,
    availability: v.availability,
    capacity: v.capacity,
    onSiteRadiusKm: v.onSite ? (v.onSiteRadiusKm ?? 50) : null,
    remote: v.remote,
    ruralExpert: v.ruralExpert,
    papers: (v.papers ?? []).map((p) => ({ ...p, journal: orNull(p.journal), year: p.year ?? null })),
    patents: (v.patents ?? []).map((p) => ({ ...p, year: p.year ?? null })),
    projects: (v.projects ?? []).map((p) => ({
      ...p,
      funder: orNull(p.funder),
      role: orNull(p.role),
      year: p.year ?? null,
    })),
    deliveredServices: (v.deliveredServices ?? []).map((d) => ({
      ...d,
      year: d.year ?? null,
      description: orNull(d.description),
    })),
    status: v.status,
  };
}

/** "我的专家档案": create or edit the caller's scientist profile. */
export function ScientistEditorPage() {
  return (
    <RequireAuth>
      <ScientistEditor />
    </RequireAuth>
  );
}

function ScientistEditor() {
  const t = useT();
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<ProfileForm>();
  const [saving, setSaving] = useState(false);
  const [savedId, setSavedId] = useState<string | null>(null);
  const mine = useRemote(
    (signal) =>
      getMyScientist(signal).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }),
    [],
  );
  const onSite = Form.useWatch('onSite', form);

  useEffect(() => {
    if (mine.data) {
      form.setFieldsValue(toForm(mine.data));
      setSavedId(mine.data.id);
    } else if (mine.data === null && user) {
      form.setFieldsValue({ name: user.displayName, regionCode: user.regionCode ?? undefined });
    }
  }, [mine.data, form, user]);

  const save = async () => {
    let values: ProfileForm;
    try {
      await form.validateFields();
      // Every field, including rows inside collapsed panels.
      values = form.getFieldsValue(true) as ProfileForm;
    } catch (invalid) {
      scrollToFirstInvalid(form, invalid);
      void message.error(t('pub.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      const body = toBody(values);
      const saved = savedId
        ? await updateMyScientist(body)
        : await createScientist({ ...body, name: body.name!, regionCode: body.regionCode! });
      setSavedId(saved.id);
      void message.success(savedId ? t('common.saved') : t('sci.created'));
    } catch (err) {
      void message.error(applyFieldErrors(form, err));
    } finally {
      setSaving(false);
    }
  };

  const yearInput = (
    <InputNumber<number>
      min={YEAR.min}
      max={YEAR.max}
      placeholder={t('sci.year')}
      style={{ width: '100%' }}
    />
  );

  return (
    <div className="page editor-page" data-testid="scientist-editor">
      <h1 className="page-title">{t('sci.editorTitle')}</h1>
      <p className="section-desc">{t('sci.editorLead')}</p>
      {mine.loading ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : mine.error ? (
        <LoadError error={mine.error} onRetry={mine.reload} />
      ) : (
        <Card variant="borderless" className="editor-main narrow">
          {savedId && (
            <Alert
              type="success"
              className="card-alert"
              title={<Link to={`/scientists/${savedId}`}>{t('sci.view')}</Link>}
            />
          )}
          <Form<ProfileForm>
            form={form}
            layout="vertical"
            requiredMark="optional"
            scrollToFirstError
            initialValues={{
              availability: 'available',
              capacity: 2,
              onSite: true,
              onSiteRadiusKm: 50,
              remote: true,
              ruralExpert: false,
              status: 'published',
              disciplines: [],
              skills: [],
              experience: [],
              papers: [],
              patents: [],
              projects: [],
              deliveredServices: [],
            }}
          >
            <h2 className="form-section">{t('pub.basics')}</h2>
            <div className="form-row">
              <Form.Item name="name" label={t('sci.name')} rules={[{ required: true, max: 60 }]}>
                <Input data-testid="sci-name" />
              </Form.Item>
              <Form.Item name="gender" label={t('sci.gender')}>
                <Select allowClear options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
              </Form.Item>
            </div>
            <div className="form-row">
              <Form.Item name="education" label={t('sci.education')}>
                <Select
                  allowClear
                  options={EDUCATION_LEVELS.map((e) => ({ value: e, label: t(`education.${e}`) }))}
                />
              </Form.Item>
              <Form.Item name="birthYear" label={t('sci.birthYear')}>
                <InputNumber<number> min={1900} max={2030} style={{ width: '100%' }} />
              </Form.Item>
            </div>
            <div className="form-row">
              <Form.Item name="title" label={t('sci.title')} rules={[{ max: 60 }]}>
                <Input placeholder={t('sci.titlePlaceholder')} data-testid="sci-title" />
              </Form.Item>
              <Form.Item name="affiliation" label={t('sci.affiliation')} rules={[{ max: 120 }]}>
                <Input data-testid="sci-affiliation" />
              </Form.Item>
            </div>
            <Form.Item name="regionCode" label={t('pub.region')} rules={[{ required: true }]}>
              <RegionCascader rootCode="51" data-testid="sci-region" />
            </Form.Item>
            <h2 className="form-section">{t('pub.matching')}</h2>
            <Form.Item name="disciplines" label={t('pub.disciplines')}>
              <DisciplineSelect
                placeholder={t('catalog.pickDiscipline')}
                maxCount={10}
                data-testid="sci-disciplines"
              />
            </Form.Item>
            <Form.Item name="skills" label={t('sci.skills')} rules={[{ type: 'array', max: 30 }]}>
              <Select
                mode="tags"
                open={false}
                tokenSeparators={[',', '，', '、']}
                placeholder={t('sci.skillsPlaceholder')}
                data-testid="sci-skills"
              />
            </Form.Item>
            <Form.Item name="bio" label={t('sci.bio')} rules={[{ max: 5000 }]}>
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
            <Form.Item name="ruralExpert" valuePropName="checked">
              <Checkbox data-testid="sci-rural">{t('sci.ruralExpert')}</Checkbox>
            </Form.Item>
            <h2 className="form-section">{t('sci.availability')}</h2>
            <Form.Item name="availability" label={t('sci.availability')}>
              <Radio.Group optionType="button" buttonStyle="solid">
                {AVAILABILITY.map((a) => (
                  <Radio.Button key={a} value={a}>
                    {t(`availability.${a}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <div className="form-row">
              <Form.Item name="capacity" label={t('sci.capacity')} rules={[{ required: true }]}>
                <InputNumber<number> min={0} max={50} style={{ width: '100%' }} data-testid="sci-capacity" />
              </Form.Item>
              <Form.Item name="remote" label={t('sci.remote')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </div>
            <div className="form-row">
              <Form.Item name="onSite" label={t('sci.onSite')} valuePropName="checked">
                <Switch />
              </Form.Item>
              {onSite && (
                <Form.Item name="onSiteRadiusKm" label={t('sci.onSiteRadius')}>
                  <InputNumber<number> min={0} max={3000} style={{ width: '100%' }} />
                </Form.Item>
              )}
            </div>
            <Collapse
              className="profile-lists"
              defaultActiveKey={['delivered']}
              items={[
                {
                  key: 'delivered',
                  forceRender: true,
                  label: t('sci.delivered'),
                  children: (
                    <ListField
                      name="deliveredServices"
                      label={t('sci.delivered')}
                      empty={{ title: '' }}
                      testId="sci-delivered"
                      row={(i) => (
                        <>
                          <Form.Item name={[i, 'title']} rules={[{ required: true, max: 200 }]}>
                            <Input placeholder={t('sci.itemTitle')} />
                          </Form.Item>
                          <Form.Item name={[i, 'year']}>{yearInput}</Form.Item>
                          <Form.Item name={[i, 'description']} rules={[{ max: 1000 }]}>
                            <Input placeholder={t('sci.deliveredDesc')} />
                          </Form.Item>
                        </>
                      )}
                    />
                  ),
                },
                {
                  key: 'experience',
                  forceRender: true,
                  label: t('sci.experience'),
                  children: (
                    <ListField
                      name="experience"
                      label={t('sci.experience')}
                      empty={{ organization: '' }}
                      row={(i) => (
                        <>
                          <Form.Item name={[i, 'from']} rules={[{ required: true }]}>
                            <InputNumber<number>
                              min={YEAR.min}
                              max={YEAR.max}
                              placeholder={t('sci.from')}
                              style={{ width: '100%' }}
                            />
                          </Form.Item>
                          <Form.Item name={[i, 'to']}>
                            <InputNumber<number>
                              min={YEAR.min}
                              max={YEAR.max}
                              placeholder={t('sci.to')}
                              style={{ width: '100%' }}
                            />
                          </Form.Item>
                          <Form.Item name={[i, 'organization']} rules={[{ required: true, max: 200 }]}>
                            <Input placeholder={t('sci.organization')} />
                          </Form.Item>
                          <Form.Item name={[i, 'role']} rules={[{ max: 100 }]}>
                            <Input placeholder={t('sci.role')} />
                          </Form.Item>
                        </>
                      )}
                    />
                  ),
                },
                {
                  key: 'papers',
                  forceRender: true,
                  label: t('sci.papers'),
                  children: (
                    <ListField
                      name="papers"
                      label={t('sci.papers')}
                      empty={{ title: '' }}
                      row={(i) => (
                        <>
                          <Form.Item name={[i, 'title']} rules={[{ required: true, max: 300 }]}>
                            <Input placeholder={t('sci.itemTitle')} />
                          </Form.Item>
                          <Form.Item name={[i, 'journal']} rules={[{ max: 200 }]}>
                            <Input placeholder={t('sci.journal')} />
                          </Form.Item>
                          <Form.Item name={[i, 'year']}>{yearInput}</Form.Item>
                        </>
                      )}
                    />
                  ),
                },
                {
                  key: 'patents',
                  forceRender: true,
                  label: t('sci.patents'),
                  children: (
                    <ListField
                      name="patents"
                      label={t('sci.patents')}
                      empty={{ number: '', title: '' }}
                      row={(i) => (
                        <>
                          <Form.Item name={[i, 'number']} rules={[{ required: true, max: 40 }]}>
                            <Input placeholder={t('sci.patentNumber')} />
                          </Form.Item>
                          <Form.Item name={[i, 'title']} rules={[{ required: true, max: 300 }]}>
                            <Input placeholder={t('sci.itemTitle')} />
                          </Form.Item>
                          <Form.Item name={[i, 'year']}>{yearInput}</Form.Item>
                        </>
                      )}
                    />
                  ),
                },
                {
                  key: 'projects',
                  forceRender: true,
                  label: t('sci.projects'),
                  children: (
                    <ListField
                      name="projects"
                      label={t('sci.projects')}
                      empty={{ title: '' }}
                      row={(i) => (
                        <>
                          <Form.Item name={[i, 'title']} rules={[{ required: true, max: 300 }]}>
                            <Input placeholder={t('sci.itemTitle')} />
                          </Form.Item>
                          <Form.Item name={[i, 'funder']} rules={[{ max: 200 }]}>
                            <Input placeholder={t('sci.funder')} />
                          </Form.Item>
                          <Form.Item name={[i, 'role']} rules={[{ max: 40 }]}>
                            <Input placeholder={t('sci.projectRole')} />
                          </Form.Item>
                          <Form.Item name={[i, 'year']}>{yearInput}</Form.Item>
                        </>
                      )}
                    />
                  ),
                },
              ]}
            />
            <Form.Item name="status" label={t('sci.status')} className="form-status">
              <Radio.Group>
                {PROFILE_STATUSES.map((s) => (
                  <Radio key={s} value={s}>
                    {t(`sci.status.${s}`)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          </Form>
          <div className="editor-actions">
            <Button
              type="primary"
              size="large"
              loading={saving}
              onClick={() => void save()}
              data-testid="sci-save"
            >
              {t('common.save')}
            </Button>
          </div>
        </Card>
      )}
    </div>
  );
}
