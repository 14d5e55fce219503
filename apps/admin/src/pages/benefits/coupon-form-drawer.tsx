import { ProFormDateTimeRangePicker, ProFormDigit, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Col, Form, Row } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { MAX_COUPON_QUANTITY, couponCreateBodySchema, couponKindLabels, couponKinds, fenToYuan, yuanToFen } from '@gonghui/contracts';
import { couponsApi, type Coupon, type CouponCreateInput, type CouponUpdateInput } from '../../api/benefits';
import { zodRule } from '../../utils/rules';
import { FormDrawer } from '../orgs/form-drawer';
import { useVersionedSave } from '../orgs/use-versioned-save';
import { useMerchantOptions } from './use-merchant-options';

const shape = couponCreateBodySchema.shape;
// An empty field is the `required` rule's to report (once); this one checks what was typed.
const rule = (field: keyof typeof shape) => zodRule(shape[field].optional(), { emptyAsUndefined: true });
const FMT = 'YYYY-MM-DD HH:mm:ss';

function formValues(c: Coupon) {
  return {
    kind: c.kind,
    merchantId: c.merchantId ?? undefined,
    title: c.title,
    name: c.name,
    quantity: c.quantity,
    validity: [dayjs(c.validFrom).format(FMT), dayjs(c.validTo).format(FMT)],
    faceValueYuan: fenToYuan(c.faceValueFen),
    conditions: c.conditions ?? undefined,
    description: c.description ?? undefined,
  };
}

/** The form's shape → the API's: a validity range becomes two instants, yuan become fen. */
function toBody(values: Record<string, unknown>): Record<string, unknown> {
  const { validity, faceValueYuan, ...rest } = values;
  const out: Record<string, unknown> = { ...rest };
  if ('validity' in values) {
    const [from, to] = (validity as [string, string] | null) ?? [];
    out.validFrom = from ? dayjs(from).format() : undefined;
    out.validTo = to ? dayjs(to).format() : undefined;
  }
  if ('faceValueYuan' in values) out.faceValueFen = yuanToFen(faceValueYuan as number | null);
  return out;
}

/** 新增 / 编辑优惠券 (seed 001 fig. 26). The face value is typed in yuan and sent in fen. */
export function CouponFormDrawer({ coupon, open, onOpenChange, onSaved }: { coupon: Coupon | null; open: boolean; onOpenChange: (o: boolean) => void; onSaved: (c: Coupon) => void }) {
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const merchants = useMerchantOptions();
  const save = useVersionedSave<Coupon>({
    form,
    record: coupon,
    toFormValues: formValues,
    send: (body) => (coupon ? couponsApi.update(coupon.id, toBody(body) as CouponUpdateInput) : couponsApi.create(toBody(body) as CouponCreateInput)),
    reload: () => queryClient.fetchQuery({ queryKey: ['coupon', coupon?.id], queryFn: () => couponsApi.get(coupon!.id), staleTime: 0 }),
    onSaved,
  });
  return (
    <FormDrawer
      title={coupon ? `编辑优惠券：${coupon.name}` : '新增优惠券'}
      form={form}
      name="coupon-form"
      open={open}
      onOpenChange={onOpenChange}
      initialValues={coupon ? formValues(coupon) : { kind: 'union_activity' }}
      onFinish={save.onFinish}
    >
      {save.alert}
      <Row gutter={16}>
        <Col span={12}>
          <ProFormSelect name="kind" label="优惠券类型" rules={[{ required: true, message: '请选择优惠券类型' }]} options={couponKinds.map((k) => ({ label: couponKindLabels[k], value: k }))} />
        </Col>
        <Col span={12}>
          <ProFormSelect
            name="merchantId"
            label="核销商家"
            rules={[{ required: true, message: '请选择核销商家' }]}
            options={merchants.options}
            fieldProps={{ loading: merchants.loading, showSearch: true, optionFilterProp: 'label' }}
            extra="凭券到该商家领取；其他商家可通过“授权”核销"
          />
        </Col>
      </Row>
      <ProFormText name="title" label="优惠券标题" rules={[{ required: true, message: '请填写优惠券标题' }, rule('title')]} placeholder="如：中秋节福利" fieldProps={{ maxLength: 50, showCount: true }} />
      <ProFormText name="name" label="优惠券名称" rules={[{ required: true, message: '请填写优惠券名称' }, rule('name')]} placeholder="如：中秋节福利券" fieldProps={{ maxLength: 50, showCount: true }} />
      <Row gutter={16}>
        <Col span={12}>
          <ProFormDigit
            name="quantity"
            label="优惠券数量"
            rules={[{ required: true, message: '请填写优惠券数量' }]}
            min={1}
            max={MAX_COUPON_QUANTITY}
            fieldProps={{ precision: 0, addonAfter: '张' }}
            extra={coupon ? `已分配给活动 ${coupon.allocated} 张` : '发放福利的数量'}
          />
        </Col>
        <Col span={12}>
          <ProFormDigit
            name="faceValueYuan"
            label="优惠金额"
            rules={[{ required: true, message: '请填写优惠金额' }]}
            min={0}
            max={100000}
            fieldProps={{ precision: 2, step: 1, addonAfter: '元' }}
            extra="福利的价值，结算按此计"
          />
        </Col>
      </Row>
      <ProFormDateTimeRangePicker
        name="validity"
        label="有效日期（券的核销期限）"
        rules={[{ required: true, message: '请选择有效日期' }]}
        fieldProps={{ format: 'YYYY-MM-DD HH:mm', showTime: { format: 'HH:mm' }, style: { width: '100%' }, placeholder: ['开始时间', '结束时间'] }}
      />
      <ProFormTextArea name="conditions" label="使用条件" rules={[rule('conditions')]} placeholder="如：凭券到店领取月饼一盒，不找零" fieldProps={{ maxLength: 200, showCount: true, rows: 2 }} />
      <ProFormTextArea name="description" label="简介" rules={[rule('description')]} fieldProps={{ maxLength: 500, showCount: true, rows: 3 }} />
    </FormDrawer>
  );
}
