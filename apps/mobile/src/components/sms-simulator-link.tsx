import { Popup, List, Empty, DotLoading } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { authApi } from '../api/endpoints';

/** 短信模拟器(演示): the demo SMS gateway's inbox; absent (404) in production, and then hidden. */
export function SmsSimulatorLink() {
  const [open, setOpen] = useState(false);
  const probe = useQuery({ queryKey: ['sim-sms'], queryFn: authApi.simulatedSms, refetchInterval: open ? 3000 : false, retry: false, staleTime: 0 });
  if (probe.error instanceof ApiError && probe.error.status === 404) return null;
  const fmt = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour12: false });
  return (
    <>
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        短信模拟器(演示)
      </button>
      <Popup visible={open} onMaskClick={() => setOpen(false)} onClose={() => setOpen(false)} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '70vh', overflow: 'auto' }}>
        <div className="popup-title">短信模拟器（演示环境）</div>
        <p className="muted" style={{ padding: '0 16px' }}>
          演示环境不发送真实短信，发往任何手机号的短信都显示在这里（每3秒自动刷新）。
        </p>
        {probe.isPending ? (
          <div className="center-pad">
            <DotLoading />
          </div>
        ) : !probe.data?.items.length ? (
          <Empty description="暂无短信" />
        ) : (
          <List>
            {probe.data.items.slice(0, 20).map((m, i) => (
              <List.Item key={i} description={m.text} extra={fmt(m.sentAt)}>
                {m.phoneMasked}
              </List.Item>
            ))}
          </List>
        )}
        <div className="safe-bottom" />
      </Popup>
    </>
  );
}
