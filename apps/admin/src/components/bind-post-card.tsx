import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { authApi } from '../api/auth';
import { useApplySession } from '../hooks/use-session';
import { applyFormError } from '../utils/form-errors';
import { postLabel } from '../utils/labels';
import { FormAlert } from './form-alert';

/** "绑定岗位": enter a post activation code from the upper union. */
export function BindPostCard() {
  const [form] = Form.useForm<{ code: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const applySession = useApplySession();
  const { message } = App.useApp();

  const bind = useMutation({
    mutationFn: (code: string) => authApi.bindPost({ code }),
    onSuccess: (session) => {
      form.resetFields();
      applySession(session, { resetData: true });
      const bound = session.activePost ?? session.posts[session.posts.length - 1];
      message.success(bound ? `绑定成功：${postLabel(bound)}` : '绑定成功');
    },
    onError: (error) =>
      setFormError(
        applyFormError(form, error, { codeFields: { ACTIVATION_CODE_INVALID: 'code', POST_ALREADY_HELD: 'code' } }),
      ),
  });

  return (
    <Card title="绑定岗位">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="请向上级工会索取岗位激活码"
        description="岗位激活码由上级工会在“组织管理 → 岗位激活码”中签发，仅能使用一次，过期作废。绑定后您即成为该组织的管理员。"
      />
      <Form
        form={form}
        name="bind-post"
        layout="inline"
        onFinish={({ code }) => {
          setFormError(null);
          bind.mutate(code);
        }}
      >
        <Form.Item
          label="岗位激活码"
          name="code"
          rules={[
            { required: true, whitespace: true, message: '请输入岗位激活码' },
            { max: 32, message: '岗位激活码格式不正确' },
          ]}
        >
          <Input placeholder="请输入岗位激活码" autoComplete="off" style={{ width: 280 }} maxLength={32} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={bind.isPending}>
            绑定
          </Button>
        </Form.Item>
      </Form>
      <div style={{ marginTop: 16 }}>
        <FormAlert message={formError} />
      </div>
    </Card>
  );
}
