import { ProForm, ProFormDatePicker, ProFormDigit, ProFormRadio, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { Col, Form, Row, type FormRule } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { checkPhone, merchantCreateBodySchema, merchantKindLabels, merchantKinds, merchantServiceTypeLabels, merchantServiceTypes } from '@gonghui/contracts';
import { merchantsApi, type Merchant, type MerchantCreateInput, type MerchantUpdateInput } from '../../api/benefits';
import { mobileRule, zodRule } from '../../utils/rules';
import { FormDrawer } from '../orgs/form-drawer';
import { useSaveWithImages } from './use-save-with-images';
import { ImagePicker } from './image-picker';

const shape = merchantCreateBodySchema.shape;

/** Editing: an empty phone keeps the stored one; a typed one must be a mobile number. */
const optionalMobileRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (!value) return;
    const r = checkPhone(String(value));
    if (!r.ok) throw new Error(r.reason);
  },
};
// An empty field is the `required` rule's to report (once); this one checks what was typed.
const rule = (field: keyof typeof shape) => zodRule(shape[field].optional(), { emptyAsUndefined: true });

function formValues(m: Merchant) {
  return {
    name: m.name,
    contactName: m.contactName,
    phone: undefined,
    landline: m.landline ?? undefined,
    kind: m.kind,
    serviceType: m.serviceType,
    tags: m.tags,
    address: m.address,
    intro: m.intro ?? undefined,
    settledOn: m.settledOn ?? undefined,
    longitude: m.longitude ?? undefined,
    latitude: m.latitude ?? undefined,
  };
}

interface Props {
  /** Null: 新增商家. */
  merchant: Merchant | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (m: Merchant) => void;
}

/**
 * 新增 / 编辑商家 with every field of seed 001 figs. 23–24. The licence and logo are picked here
 * and uploaded once the merchant is saved (an upload needs its id). Mounted afresh for every opening.
 */
export function MerchantFormDrawer({ merchant, open, onOpenChange, onSaved }: Props) {
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const save = useSaveWithImages<Merchant>({
    form,
    record: merchant,
    toFormValues: formValues,
    send: (body) => {
      if (!merchant && !body.tags) body.tags = [];
      return merchant ? merchantsApi.update(merchant.id, body as MerchantUpdateInput) : merchantsApi.create(body as MerchantCreateInput);
    },
    reload: () => queryClient.fetchQuery({ queryKey: ['merchant', merchant?.id], queryFn: () => merchantsApi.get(merchant!.id), staleTime: 0 }),
    images: [
      { field: 'licenceFile', label: '营业执照', upload: (id, file) => merchantsApi.uploadImage(id, 'licence', file) },
      { field: 'logoFile', label: '商家Logo', upload: (id, file) => merchantsApi.uploadImage(id, 'logo', file) },
    ],
    onSaved,
  });

  return (
    <FormDrawer
      title={merchant ? `编辑商家：${merchant.name}` : '新增商家'}
      width={760}
      form={form}
      name="merchant-form"
      open={open}
      onOpenChange={onOpenChange}
      initialValues={merchant ? formValues(merchant) : { kind: 'merchant', serviceType: 'ordinary', tags: [] }}
      onFinish={save.onFinish}
    >
      {save.alert}
      <ProForm.Group title="商家信息">
        <Row gutter={16} style={{ width: '100%' }}>
          <Col span={24}>
            <ProFormText name="name" label="商家名称" rules={[{ required: true, message: '请填写商家名称' }, rule('name')]} fieldProps={{ maxLength: 100, showCount: true }} placeholder="如：济南职工之家" />
          </Col>
          <Col span={12}>
            <ProFormText name="contactName" label="联系人" rules={[{ required: true, message: '请填写联系人' }, rule('contactName')]} fieldProps={{ maxLength: 32 }} />
          </Col>
          <Col span={12}>
            <ProFormText
              name="phone"
              label="手机号码"
              rules={merchant ? [optionalMobileRule] : [mobileRule]}
              placeholder={merchant ? `${merchant.phoneMasked}（不修改请留空）` : '11位手机号'}
              fieldProps={{ maxLength: 20, autoComplete: 'off' }}
            />
          </Col>
          <Col span={12}>
            <ProFormText name="landline" label="固定电话" rules={[rule('landline')]} placeholder="选填，如 0531-88888888" fieldProps={{ maxLength: 20 }} />
          </Col>
          <Col span={12}>
            <ProFormDatePicker name="settledOn" label="入驻时间" width="100%" placeholder="选择日期" />
          </Col>
          <Col span={12}>
            <ProFormRadio.Group
              name="kind"
              label="商家类型"
              rules={[{ required: true, message: '请选择商家类型' }]}
              options={merchantKinds.map((k) => ({ label: merchantKindLabels[k], value: k }))}
              extra="本单位工会自行发放福利时选“工会”"
            />
          </Col>
          <Col span={12}>
            <ProFormSelect name="serviceType" label="服务类型" rules={[{ required: true, message: '请选择服务类型' }]} options={merchantServiceTypes.map((t) => ({ label: merchantServiceTypeLabels[t], value: t }))} />
          </Col>
          <Col span={24}>
            <ProFormSelect
              name="tags"
              label="商家标签"
              mode="tags"
              rules={[rule('tags')]}
              placeholder="输入后回车添加，如：蛋糕、超市；最多10个"
              fieldProps={{ maxCount: 10, tokenSeparators: [',', '，', ' '], open: false, suffixIcon: null }}
            />
          </Col>
          <Col span={24}>
            <ProFormText name="address" label="地址" rules={[{ required: true, message: '请填写地址' }, rule('address')]} placeholder="如：济南市历下区泉城路 1 号" fieldProps={{ maxLength: 200 }} />
          </Col>
          <Col span={24}>
            <ProFormTextArea name="intro" label="商家简介" rules={[rule('intro')]} fieldProps={{ maxLength: 2000, showCount: true, rows: 3 }} />
          </Col>
        </Row>
      </ProForm.Group>
      <ProForm.Group title="证照与位置">
        <Row gutter={16} style={{ width: '100%' }}>
          <Col span={12}>
            <Form.Item name="licenceFile" label="营业执照" extra="单位工会可上传统一社会信用代码证">
              <ImagePicker label="营业执照" currentUrl={merchant?.licenceImage ? merchantsApi.imageUrl(merchant.id, 'licence', merchant.version) : null} testId="merchant-licence" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="logoFile" label="商家Logo">
              <ImagePicker label="商家Logo" currentUrl={merchant?.logoImage ? merchantsApi.imageUrl(merchant.id, 'logo', merchant.version) : null} testId="merchant-logo" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <ProFormDigit name="longitude" label="商家位置 · 经度" placeholder="如 117.000923" min={-180} max={180} fieldProps={{ precision: 6, step: 0.000001 }} rules={[rule('longitude')]} />
          </Col>
          <Col span={12}>
            <ProFormDigit name="latitude" label="商家位置 · 纬度" placeholder="如 36.675807" min={-90} max={90} fieldProps={{ precision: 6, step: 0.000001 }} rules={[rule('latitude')]} />
          </Col>
        </Row>
      </ProForm.Group>
    </FormDrawer>
  );
}
