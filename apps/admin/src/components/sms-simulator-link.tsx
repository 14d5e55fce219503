import { Button, Drawer, Empty, List, Result, Spin, Typography } from 'antd';
import { MessageOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { authApi } from '../api/auth';
import { formatDateTime } from '../utils/format';

/** "短信模拟器(演示)": the demo SMS gateway's inbox, so a demo user can read their code. */
export function SmsSimulatorLink() {
  const [open, setOpen] = useState(false);
  const inbox = useQuery({
    queryKey: ['sim-sms'],
    queryFn: authApi.simulatedSms,
    enabled: open,
    refetchInterval: open ? 3000 : false,
    retry: false,
  });
  const disabled = inbox.error instanceof ApiError && inbox.error.status === 404;

  return (
    <>
      <Button type="link" size="small" icon={<MessageOutlined />} onClick={() => setOpen(true)}>
        短信模拟器(演示)
      </Button>
      <Drawer
        title="短信模拟器（演示环境）"
        open={open}
        onClose={() => setOpen(false)}
        width={420}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => inbox.refetch()} loading={inbox.isFetching}>
            刷新
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          演示环境不发送真实短信，发往任何手机号的短信都显示在这里（每3秒自动刷新）。
        </Typography.Paragraph>
        {inbox.isLoading ? (
          <Spin />
        ) : disabled ? (
          <Result status="info" title="短信模拟器未开启" subTitle="仅演示模式下可用" />
        ) : inbox.error ? (
          <Result status="error" title="加载失败" subTitle={(inbox.error as Error).message} />
        ) : (
          <List
            dataSource={inbox.data?.items ?? []}
            locale={{ emptyText: <Empty description="暂无短信" /> }}
            renderItem={(sms) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <span>
                      {sms.phoneMasked}
                      <Typography.Text type="secondary" style={{ marginLeft: 12, fontWeight: 'normal' }}>
                        {formatDateTime(sms.sentAt)}
                      </Typography.Text>
                    </span>
                  }
                  description={<span style={{ color: 'rgba(0,0,0,0.85)' }}>{sms.text}</span>}
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
