import { ProFormDateTimeRangePicker, ProFormDependency, ProFormDigit, ProFormList, ProFormRadio, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { Alert, Col, Form, Row, Skeleton } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense } from 'react';
import {
  MAX_ACTIVITY_PRIZES,
  MAX_CLAIMS_PER_DAY,
  activityCreateBodySchema,
  activityKindLabels,
  activityKinds,
  activityScopeLabels,
  activityScopes,
  claimLimitKindLabels,
  claimLimitKinds,
} from '@gonghui/contracts';
import { activitiesApi, activityKey, couponsApi, type Activity, type ActivityCreateInput, type ActivityUpdateInput } from '../../api/benefits';
import { zodRule } from '../../utils/rules';
import { FormDrawer } from '../orgs/form-drawer';
import { ImagePicker } from './image-picker';
import { yuanLabel } from './money';
import { useSaveWithImages } from './use-save-with-images';

// The editor (ProseMirror) is large: it loads when the form opens, not with the list.
const RichTextEditor = lazy(() => import('./rich-text-editor'));

/** Form.Item hands value and onChange to its direct child: this one passes them through the Suspense. */
function ContentEditor(props: { value?: string; onChange?: (html: string) => void; id?: string; placeholder?: string }) {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
      <RichTextEditor {...props} />
    </Suspense>
  );
}

const shape = activityCreateBodySchema.shape;
// An empty field is the `required` rule's to report (once); this one checks what was typed.
const rule = (field: keyof typeof shape) => zodRule(shape[field].optional(), { emptyAsUndefined: true });
const FMT = 'YYYY-MM-DD HH:mm:ss';

function formValues(a: Activity) {
  return {
    kind: a.kind,
    title: a.title,
    claimLimitKind: a.claimLimitKind,
    claimLimitPerDay: a.claimLimitPerDay ?? undefined,
    scope: a.scope,
    window: [dayjs(a.startsAt).format(FMT), dayjs(a.endsAt).format(FMT)],
    contentHtml: a.contentHtml,
    prizes: a.prizes.map((p) => ({ couponId: p.couponId, quantity: p.quantity })),
  };
}

/** The form's shape → the API's: the window becomes two instants; a once-only limit has no per-day count. */
function toBody(values: Record<string, unknown>): Record<string, unknown> {
  const { window, ...rest } = values;
  const out: Record<string, unknown> = { ...rest };
  if ('window' in values) {
    const [from, to] = (window as [string, string] | null) ?? [];
    out.startsAt = from ? dayjs(from).format() : undefined;
    out.endsAt = to ? dayjs(to).format() : undefined;
  }
  if (out.claimLimitKind === 'once') out.claimLimitPerDay = null;
  if ('contentHtml' in out && out.contentHtml === null) out.contentHtml = '';
  if ('prizes' in out && out.prizes === null) out.prizes = [];
  return out;
}

/** Enabled coupons of this union, for the prize list (with what is left to allocate). */
function useCouponOptions() {
  const q = useQuery({ queryKey: ['coupon-options'], queryFn: () => couponsApi.list({ page: 1, pageSize: 100, state: 'enabled' }), staleTime: 0 });
  const options = (q.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${yuanLabel(c.faceValueFen)}，尚可分配 ${c.unallocated} 张）` }));
  return { options, loading: q.isPending };
}

/**
 * 新增 / 编辑活动 (seed 001 steps 1–8): title, cover, 领券次数, 适用范围, a window later than now,
 * the rich-text content, and the prize list (coupons and quantities). Editable only until submitted.
 */
export function ActivityFormDrawer({ activity, open, onOpenChange, onSaved }: { activity: Activity | null; open: boolean; onOpenChange: (o: boolean) => void; onSaved: (a: Activity) => void }) {
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const coupons = useCouponOptions();
  const save = useSaveWithImages<Activity>({
    form,
    record: activity,
    toFormValues: formValues,
    send: (body) => (activity ? activitiesApi.update(activity.id, toBody(body) as ActivityUpdateInput) : activitiesApi.create(toBody(body) as ActivityCreateInput)),
    reload: () => queryClient.fetchQuery({ queryKey: activityKey(activity?.id ?? ''), queryFn: () => activitiesApi.get(activity!.id), staleTime: 0 }),
    images: [{ field: 'coverFile', label: '活动封面', upload: (id, file) => activitiesApi.uploadCover(id, file) }],
    onSaved,
  });
  return (
    <FormDrawer
      title={activity ? `编辑活动：${activity.title}` : '新增活动'}
      width={820}
      form={form}
      name="activity-form"
      open={open}
      onOpenChange={onOpenChange}
      initialValues={activity ? formValues(activity) : { kind: 'coupon_claim', claimLimitKind: 'once', scope: 'own', contentHtml: '', prizes: [{}] }}
      onFinish={save.onFinish}
    >
      {save.alert}
      {activity?.status === 'returned' && activity.returnReason && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={`上级工会退回：${activity.returnReason}`} description="修改后保存，再点击“提交审核”重新提交。" />}
      <Row gutter={16}>
        <Col span={8}>
          <ProFormSelect name="kind" label="活动类型" rules={[{ required: true, message: '请选择活动类型' }]} options={activityKinds.map((k) => ({ label: activityKindLabels[k], value: k }))} />
        </Col>
        <Col span={16}>
          <ProFormText name="title" label="活动标题" rules={[{ required: true, message: '请填写活动标题' }, rule('title')]} placeholder="如：2026年中秋节福利发放" fieldProps={{ maxLength: 100, showCount: true }} />
        </Col>
      </Row>
      <Form.Item name="coverFile" label="活动封面" extra="显示在会员手机端活动列表和详情顶部，建议横图 16:9">
        <ImagePicker label="活动封面" currentUrl={activity?.coverImage ? activitiesApi.coverUrl(activity.id, activity.version) : null} testId="activity-cover" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <ProFormRadio.Group name="claimLimitKind" label="领券次数" rules={[{ required: true, message: '请选择领券次数' }]} options={claimLimitKinds.map((k) => ({ label: claimLimitKindLabels[k], value: k }))} />
        </Col>
        <Col span={12}>
          <ProFormDependency name={['claimLimitKind']}>
            {({ claimLimitKind }) =>
              claimLimitKind === 'daily' ? (
                <ProFormDigit name="claimLimitPerDay" label="每人每天限领" rules={[{ required: true, message: '请填写每天限制次数' }]} min={1} max={MAX_CLAIMS_PER_DAY} fieldProps={{ precision: 0, addonAfter: '次' }} />
              ) : (
                <Form.Item label=" " colon={false}>
                  <span className="muted">每人在整个活动中只能领取一次</span>
                </Form.Item>
              )
            }
          </ProFormDependency>
        </Col>
      </Row>
      <ProFormRadio.Group name="scope" label="适用范围" rules={[{ required: true, message: '请选择适用范围' }]} options={activityScopes.map((s) => ({ label: activityScopeLabels[s], value: s }))} extra="活动仅对本工会（或本工会及下级工会）的已认证会员显示" />
      <ProFormDateTimeRangePicker
        name="window"
        label="活动时间"
        rules={[{ required: true, message: '请选择活动时间' }]}
        extra="开始时间要晚于当前时间；会员在此期间领取，领取的券按优惠券的有效日期核销"
        fieldProps={{
          format: 'YYYY-MM-DD HH:mm',
          showTime: { format: 'HH:mm' },
          style: { width: '100%' },
          placeholder: ['开始时间', '结束时间'],
          disabledDate: (d: Dayjs) => d.isBefore(dayjs(), 'day'),
        }}
      />
      <Form.Item name="contentHtml" label="活动内容" rules={[rule('contentHtml')]}>
        <ContentEditor placeholder="在此输入活动内容：发放对象、领取方式、领取地点和期限等" />
      </Form.Item>
      <ProFormList
        name="prizes"
        label="奖品列表"
        min={0}
        max={MAX_ACTIVITY_PRIZES}
        creatorButtonProps={{ creatorButtonText: '添加奖品', type: 'dashed' }}
        copyIconProps={false}
        deleteIconProps={{ tooltipText: '删除此奖品' }}
        itemRender={({ listDom, action }) => (
          <div className="prize-row">
            {listDom}
            {action}
          </div>
        )}
      >
        <Row gutter={12} style={{ width: '100%' }}>
          <Col span={16}>
            <ProFormSelect
              name="couponId"
              placeholder="选择已开启的优惠券"
              rules={[{ required: true, message: '请选择优惠券' }]}
              options={coupons.options}
              fieldProps={{ loading: coupons.loading, showSearch: true, optionFilterProp: 'label', notFoundContent: '没有已开启的优惠券，请先在“优惠券管理”中开启' }}
            />
          </Col>
          <Col span={8}>
            <ProFormDigit name="quantity" placeholder="数量" rules={[{ required: true, message: '请填写数量' }]} min={1} fieldProps={{ precision: 0, addonAfter: '张' }} />
          </Col>
        </Row>
      </ProFormList>
    </FormDrawer>
  );
}
