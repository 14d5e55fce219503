import { Button, ErrorBlock, Form, Input, Picker, Popup, Radio, Space, Toast } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { educations, householdTypeLabels, householdTypes, membershipStatusLabels, sexLabels, skillLevels, updateMyProfileBodySchema } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../api/client';
import { memberApi, type MyProfile } from '../api/endpoints';
import { NavPage } from '../components/nav-page';
import { PageSkeleton } from '../components/page-skeleton';
import { ErrorState } from '../components/states';
import { parseInto, showFieldIssues } from '../hooks/form-errors';

interface Values {
  address: string;
  education: string[];
  householdType: string[];
  migrantWorker: string;
  skillLevel: string[];
}

const pickerItem = (label: string, name: keyof Values, options: readonly { label: string; value: string }[]) => (
  <Form.Item
    name={name}
    label={label}
    trigger="onConfirm"
    arrowIcon={<RightOutline />}
    onClick={(_, picker) => (picker as { current?: { open(): void } }).current?.open()}
  >
    <Picker columns={[options as { label: string; value: string }[]]} title={`选择${label}`}>
      {(items) => <span className={items[0] ? '' : 'placeholder'}>{items[0]?.label ?? '请选择'}</span>}
    </Picker>
  </Form.Item>
);

function EditPopup({ profile, open, onClose }: { profile: MyProfile; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: memberApi.updateProfile,
    onSuccess: (p) => {
      qc.setQueryData(['profile'], p);
      Toast.show({ icon: 'success', content: '已保存' });
      onClose();
    },
    onError: (e) => {
      if (!showFieldIssues(form, e)) Toast.show({ content: errorMessage(e) });
    },
  });
  const submit = () => {
    const v = form.getFieldsValue();
    const body = parseInto(form, updateMyProfileBodySchema, {
      address: v.address?.trim() || null,
      education: v.education?.[0] ?? null,
      householdType: v.householdType?.[0] ?? null,
      migrantWorker: v.migrantWorker === 'yes' ? true : v.migrantWorker === 'no' ? false : null,
      skillLevel: v.skillLevel?.[0] ?? null,
    });
    if (body) save.mutate(body);
  };
  return (
    <Popup visible={open} onMaskClick={onClose} destroyOnClose bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '85vh', overflow: 'auto' }}>
      <div className="popup-body">
        <div className="popup-title">修改我的资料</div>
        <Form
          form={form}
          layout="horizontal"
          footer={null}
          initialValues={{
            address: profile.address ?? '',
            education: profile.education ? [profile.education] : [],
            householdType: profile.householdType ? [profile.householdType] : [],
            migrantWorker: profile.migrantWorker == null ? '' : profile.migrantWorker ? 'yes' : 'no',
            skillLevel: profile.skillLevel ? [profile.skillLevel] : [],
          }}
        >
          <Form.Item name="address" label="联系地址" layout="vertical">
            <Input placeholder="省市区街道门牌号" maxLength={100} clearable />
          </Form.Item>
          {pickerItem('学历', 'education', educations.map((e) => ({ label: e, value: e })))}
          {pickerItem('户籍类型', 'householdType', householdTypes.map((h) => ({ label: householdTypeLabels[h], value: h })))}
          <Form.Item name="migrantWorker" label="是否农民工">
            <Radio.Group>
              <Space>
                <Radio value="yes">是</Radio>
                <Radio value="no">否</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          {pickerItem('技术等级', 'skillLevel', skillLevels.map((s) => ({ label: s, value: s })))}
        </Form>
        <Button block color="primary" size="large" loading={save.isPending} onClick={submit} className="primary-cta">
          保存
        </Button>
        <div className="safe-bottom" />
      </div>
    </Popup>
  );
}

/** 我的资料: the member's own data; name, document and union are the union's to correct. */
export default function ProfilePage() {
  const q = useQuery({ queryKey: ['profile'], queryFn: memberApi.profile });
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  let body;
  if (q.isPending) body = <PageSkeleton />;
  else if (q.isError) {
    body =
      q.error instanceof ApiError && q.error.code === 'NOT_VERIFIED' ? (
        <ErrorBlock status="empty" title="请先完成会员认证" description="认证通过后可在这里查看和修改您的会员信息" style={{ padding: '48px 24px' }}>
          <Button color="primary" onClick={() => navigate('/verify')}>去认证</Button>
        </ErrorBlock>
      ) : (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      );
  } else {
    const p = q.data;
    const row = (label: string, value: string | null | undefined) => (
      <div className="kv">
        <span>{label}</span>
        <b>{value || '未填写'}</b>
      </div>
    );
    body = (
      <div className="page-pad">
        <div className="kv-card">
          <div className="kv-card-title">基本信息</div>
          {row('姓名', p.name)}
          {row('证件号码', p.idNumberMasked)}
          {row('性别', sexLabels[p.sex as keyof typeof sexLabels] ?? p.sex)}
          {row('出生日期', p.birthDate)}
          {row('手机号', p.phoneMasked)}
        </div>
        <div className="kv-card">
          <div className="kv-card-title">会籍信息</div>
          {row('所在工会', p.orgName)}
          {row('会员编号', p.memberNo)}
          {row('会籍状态', membershipStatusLabels[p.status])}
          {row('工作单位', p.workUnitName)}
        </div>
        <div className="kv-card">
          <div className="kv-card-title">
            补充信息
            <Button size="mini" color="primary" fill="outline" onClick={() => setEditing(true)} data-testid="profile-edit">
              修改
            </Button>
          </div>
          {row('联系地址', p.address)}
          {row('学历', p.education)}
          {row('户籍类型', p.householdType ? householdTypeLabels[p.householdType] : null)}
          {row('是否农民工', p.migrantWorker == null ? null : p.migrantWorker ? '是' : '否')}
          {row('技术等级', p.skillLevel)}
        </div>
        <p className="muted small-note">姓名、证件号码、所在工会等信息如有错误，请联系所在工会修改。</p>
        <EditPopup profile={p} open={editing} onClose={() => setEditing(false)} />
      </div>
    );
  }
  return <NavPage title="我的资料">{body}</NavPage>;
}
