import { Alert, App, Button, Empty, Form, Input, Modal, Popconfirm, Radio, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { couponAuthorisationKindLabels, type CouponAuthorisationKind } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { couponsApi, type Coupon, type CouponAuthorisation } from '../../api/benefits';
import { FormAlert } from '../../components/form-alert';
import { applyFormError } from '../../utils/form-errors';
import { formatMinute } from '../../utils/format';
import { mobileRule } from '../../utils/rules';
import { useMerchantOptions } from './use-merchant-options';

/**
 * 授权 (seed 001 fig. 27 注): besides its own merchant, other merchants of this union, or a
 * person's account (by phone), may redeem this coupon. Each can be revoked.
 */
export function CouponAuthModal({ coupon, onClose }: { coupon: Coupon | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ kind: CouponAuthorisationKind; merchantId?: string; phone?: string }>();
  const kind = Form.useWatch('kind', form) ?? 'merchant';
  const [formError, setFormError] = useState<string | null>(null);
  const merchants = useMerchantOptions();
  const key = ['coupon-auths', coupon?.id];
  const q = useQuery({ queryKey: key, queryFn: () => couponsApi.authorisations(coupon!.id), enabled: !!coupon });
  const add = useMutation({
    mutationFn: (body: { merchantId: string } | { phone: string }) => couponsApi.authorise(coupon!.id, body),
    onSuccess: (a) => {
      message.success(`已授权：${a.merchantName ?? a.accountName ?? a.phoneMasked}`);
      form.resetFields(['merchantId', 'phone']);
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => setFormError(applyFormError(form, e)),
  });
  const revoke = useMutation({
    mutationFn: (a: CouponAuthorisation) => couponsApi.revoke(coupon!.id, a.id),
    onSuccess: () => {
      message.success('已取消授权');
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  const submit = async () => {
    setFormError(null);
    // A missing merchant or phone is shown under its field; nothing to send.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    add.mutate(v.kind === 'merchant' ? { merchantId: v.merchantId! } : { phone: v.phone! });
  };

  return (
    <Modal open={!!coupon} title={coupon ? `授权核销：${coupon.name}` : ''} width={720} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`默认由“${coupon?.merchantName ?? '所选商家'}”核销。如需多处核销，可授权给其他商家（其店员即可核销），或授权给个人账号。`} />
      <Form form={form} layout="inline" initialValues={{ kind: 'merchant' }} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="kind">
          <Radio.Group optionType="button" options={(['merchant', 'account'] as const).map((k) => ({ value: k, label: couponAuthorisationKindLabels[k] }))} />
        </Form.Item>
        {kind === 'merchant' ? (
          <Form.Item name="merchantId" rules={[{ required: true, message: '请选择商家' }]} style={{ minWidth: 280 }}>
            <Select placeholder="选择本工会的其他商家" options={merchants.options.filter((o) => o.value !== coupon?.merchantId)} showSearch optionFilterProp="label" loading={merchants.loading} />
          </Form.Item>
        ) : (
          <Form.Item name="phone" rules={[mobileRule]} style={{ minWidth: 280 }}>
            <Input placeholder="被授权人的手机号（须已注册账号）" maxLength={20} />
          </Form.Item>
        )}
        <Form.Item>
          <Button type="primary" loading={add.isPending} onClick={() => void submit()}>
            授权
          </Button>
        </Form.Item>
      </Form>
      <FormAlert message={formError} />
      <Table<CouponAuthorisation>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未授权其他商家或个人" /> }}
        columns={[
          { title: '类型', dataIndex: 'kind', width: 70, render: (k: CouponAuthorisationKind) => <Tag>{couponAuthorisationKindLabels[k]}</Tag> },
          { title: '被授权方', key: 'who', render: (_, a) => (a.kind === 'merchant' ? a.merchantName : <Space>{a.accountName}<span className="mono muted">{a.phoneMasked}</span></Space>) },
          { title: '授权时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatMinute(v) },
          {
            title: '操作',
            key: 'op',
            width: 90,
            render: (_, a) => (
              <Popconfirm title="取消此授权？" okText="取消授权" cancelText="保留" onConfirm={() => revoke.mutateAsync(a)}>
                <Button type="link" size="small" danger>
                  取消授权
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Modal>
  );
}
