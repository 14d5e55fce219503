import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import { CloudDownloadOutlined } from '@ant-design/icons';
import { ProForm, ProFormDatePicker, ProFormDigit, ProFormRadio, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { baseUnionTypeLabels, baseUnionTypes, economicTypes, industries, orgFilingBodySchema, unitNatures, type StatisticsUnit } from '@gonghui/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, errorMessage } from '../../api/client';
import { orgLifecycleApi, type OrgFilingBody } from '../../api/org-lifecycle';
import { FormAlert } from '../../components/form-alert';
import { useSession } from '../../hooks/use-session';
import { SimpleLayout } from '../../layout/simple-layout';
import { applyFormError } from '../../utils/form-errors';
import { zodRule } from '../../utils/rules';

const shape = orgFilingBodySchema.shape;
const options = (xs: readonly string[]) => xs.map((x) => ({ label: x, value: x }));

/**
 * 基层工会资料上报 (seed 002 §2), for an account with no post: the seed's form, prefilled from
 * the statistics database by the unit name, sent to the chosen street (or industry) union.
 */
export function OrgFilingPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  // A returned filing comes back filled in as it was sent, to be corrected rather than retyped.
  const [params] = useSearchParams();
  const resubmitId = params.get('resubmit');
  const mine = useQuery({ queryKey: ['my-filings'], queryFn: orgLifecycleApi.myFilings, enabled: !!resubmitId });
  const returned = resubmitId ? mine.data?.find((f) => f.id === resubmitId && f.status === 'returned') : undefined;
  useEffect(() => {
    if (returned) form.setFieldsValue(returned.payload);
  }, [returned?.id]);
  const [lookupNote, setLookupNote] = useState<{ type: 'success' | 'info' | 'warning'; text: string } | null>(null);
  const directory = useQuery({ queryKey: ['org-directory'], queryFn: orgLifecycleApi.directory, staleTime: 300_000 });
  const districtId = Form.useWatch('districtId', form) as string | undefined;
  const districts = (directory.data ?? []).filter((d) => d.kind !== 'street_union');
  const parents = (directory.data ?? []).filter((d) => d.districtId === districtId && (d.kind === 'street_union' || d.kind === 'industry_union'));

  const prefill = (u: StatisticsUnit) => {
    form.setFieldsValue({
      unitName: u.name,
      unitCode: u.uscc,
      economicType: (economicTypes as readonly string[]).includes(u.economicType) ? u.economicType : undefined,
      industry: (industries as readonly string[]).includes(u.industry) ? u.industry : undefined,
      unitAddress: u.address,
      districtId: u.districtOrgId ?? undefined,
      parentId: u.streetOrgId ?? undefined,
      unionName: form.getFieldValue('unionName') || `${u.name}工会`,
    });
  };
  const lookup = useMutation({
    mutationFn: (name: string) => orgLifecycleApi.lookupUnit(name),
    onSuccess: (r) => {
      if (r.unit) {
        prefill(r.unit);
        setLookupNote({ type: 'success', text: `已从大统计库获取「${r.unit.name}」的登记信息（${r.unit.districtName}${r.unit.streetName}），请核对后提交` });
      } else setLookupNote({ type: 'info', text: '大统计库中没有该名称的单位，请手工填写（名称须与营业执照一致）' });
    },
    onError: (e) => setLookupNote({ type: 'warning', text: e instanceof ApiError ? e.message : errorMessage(e) }),
  });
  // The account carries the unit name it registered with: look it up once on arrival.
  useEffect(() => {
    if (resubmitId) return;
    form.setFieldValue('unitName', session.account.name);
    lookup.mutate(session.account.name);
  }, []);

  const submit = useMutation({
    mutationFn: (v: OrgFilingBody) => (returned ? orgLifecycleApi.resubmitFiling(returned.id, v) : orgLifecycleApi.submitFiling(v)),
    onSuccess: (f) => {
      message.success(`已提交，等待「${f.waitingFor.join('、')}」审核`);
      void queryClient.invalidateQueries({ queryKey: ['my-filings'] });
      navigate('/bind-post');
    },
    onError: (e) => setFormError(applyFormError(form, e, { codeFields: { ORG_NAME_TAKEN: 'unionName' } })),
  });

  return (
    <SimpleLayout>
      <div style={{ maxWidth: 980, margin: '0 auto' }}>
        <Space style={{ marginBottom: 12 }}>
          <Link to="/bind-post">← 返回</Link>
        </Space>
        <Card title="基层工会资料上报" extra={<Typography.Text type="secondary">提交后由所选街镇（开发区）工会或产业工会审核</Typography.Text>}>
          {returned && <Alert type="error" showIcon message={`已退回：${returned.returnReason ?? ''}`} description="以下为上次提交的内容，修改后重新提交给原审核单位。" style={{ marginBottom: 16 }} />}
          {lookupNote && <Alert type={lookupNote.type} showIcon message={lookupNote.text} style={{ marginBottom: 16 }} />}
          <ProForm
            form={form}
            layout="vertical"
            initialValues={{ unitNature: '企业', baseUnionType: 'single' }}
            onFinish={async (v) => {
              setFormError(null);
              await submit.mutateAsync(v as OrgFilingBody).catch(() => undefined);
            }}
            submitter={{ searchConfig: { submitText: returned ? '重新提交审核' : '提交审核' }, resetButtonProps: false, submitButtonProps: { loading: submit.isPending } }}
          >
            <Row gutter={24}>
              <Col span={12}>
                <Form.Item label="单位名称" required style={{ marginBottom: 24 }}>
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item name="unitName" noStyle rules={[zodRule(shape.unitName)]}>
                      <Input maxLength={100} />
                    </Form.Item>
                    <Button icon={<CloudDownloadOutlined />} loading={lookup.isPending} onClick={() => lookup.mutate(form.getFieldValue('unitName') ?? '')}>
                      比对大统计库
                    </Button>
                  </Space.Compact>
                </Form.Item>
              </Col>
              <Col span={12}>
                <ProFormText required name="unitCode" label="统一社会信用代码（或组织机构代码）" rules={[zodRule(shape.unitCode)]} extra="18位统一社会信用代码，或9位组织机构代码" fieldProps={{ maxLength: 30 }} />
              </Col>
              <Col span={8}>
                <ProFormSelect name="unitNature" label="单位性质类别" options={options(unitNatures)} rules={[{ required: true, message: '请选择单位性质类别' }]} />
              </Col>
              <Col span={8}>
                <ProFormSelect name="economicType" label="经济类型" options={options(economicTypes)} rules={[{ required: true, message: '请选择经济类型' }]} showSearch />
              </Col>
              <Col span={8}>
                <ProFormSelect name="industry" label="单位所属行业" options={options(industries)} rules={[{ required: true, message: '请选择单位所属行业' }]} showSearch />
              </Col>
              <Col span={12}>
                <ProFormSelect
                  name="districtId"
                  label="工会所属区总工会（产业工会）"
                  options={districts.map((d) => ({ label: d.name, value: d.id }))}
                  rules={[{ required: true, message: '请选择所属区总工会' }]}
                  fieldProps={{ loading: directory.isLoading, onChange: () => form.setFieldValue('parentId', undefined) }}
                />
              </Col>
              <Col span={12}>
                <ProFormSelect
                  name="parentId"
                  label="工会所属街镇（开发区）工会"
                  options={parents.map((d) => ({ label: d.name, value: d.id }))}
                  rules={[{ required: true, message: '请选择所属街镇工会' }]}
                  extra="由该工会审核本次上报"
                  fieldProps={{ disabled: !districtId }}
                />
              </Col>
              <Col span={24}>
                <ProFormText required name="unitAddress" label="单位地址" rules={[zodRule(shape.unitAddress)]} fieldProps={{ maxLength: 200 }} />
              </Col>
              <Col span={12}>
                <ProFormText required name="unionName" label="工会名称" rules={[zodRule(shape.unionName)]} fieldProps={{ maxLength: 100 }} />
              </Col>
              <Col span={6}>
                <ProFormDatePicker name="foundedOn" label="建会日期" rules={[{ required: true, message: '请选择建会日期' }]} fieldProps={{ disabledDate: (d: Dayjs) => d.isAfter(dayjs(), 'day'), style: { width: '100%' } }} />
              </Col>
              <Col span={6}>
                <ProFormDatePicker name="termRenewalOn" label="换届日期" fieldProps={{ style: { width: '100%' } }} />
              </Col>
              <Col span={12}>
                <ProFormRadio.Group name="baseUnionType" label="基层工会类型" options={baseUnionTypes.map((t) => ({ label: baseUnionTypeLabels[t], value: t }))} />
              </Col>
              <Col span={4}>
                <ProFormText name="chairName" label="工会负责人" fieldProps={{ maxLength: 32 }} />
              </Col>
              <Col span={4}>
                <ProFormText name="phone" label="联系电话" rules={[zodRule(shape.phone, { emptyAsUndefined: true })]} fieldProps={{ maxLength: 30 }} />
              </Col>
              <Col span={4}>
                <ProFormDigit name="headcount" label="职工人数" min={0} fieldProps={{ precision: 0 }} />
              </Col>
            </Row>
            <FormAlert message={formError} />
          </ProForm>
        </Card>
      </div>
    </SimpleLayout>
  );
}
