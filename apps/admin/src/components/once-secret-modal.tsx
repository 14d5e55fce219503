import { Alert, Button, Modal, Typography, App } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  /** The secret shown once (activation code, temporary password). */
  secret: string | null;
  testId: string;
  description?: ReactNode;
  onClose: () => void;
}

/** Shows a secret the server hands out only once, with a copy button and a warning. */
export function OnceSecretModal({ open, title, secret, testId, description, onClose }: Props) {
  const { message } = App.useApp();
  const copy = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      message.success('已复制到剪贴板');
    } catch {
      message.warning('无法访问剪贴板，请手动选中复制');
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      maskClosable={false}
      footer={[
        <Button key="copy" icon={<CopyOutlined />} onClick={copy}>
          复制
        </Button>,
        <Button key="ok" type="primary" onClick={onClose}>
          我已妥善保存
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon message="此内容仅显示这一次，关闭后无法再次查看，请立即复制并妥善保管。" style={{ marginBottom: 16 }} />
      {description}
      <div className="secret-box">
        <Typography.Text data-testid={testId} copyable={false} strong className="secret-text">
          {secret}
        </Typography.Text>
      </div>
    </Modal>
  );
}
