import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { BrandLogo, PLATFORM_TITLE } from '../components/brand';

/** The frame of the pages before the console: login, register, forgotten password. */
export function AuthLayout({ title, children, width = 440 }: { title: string; children: ReactNode; width?: number }) {
  return (
    <div className="auth-page">
      <header className="auth-banner">
        <BrandLogo size={44} />
        <div>
          <div className="auth-banner-title">{PLATFORM_TITLE}</div>
          <div className="auth-banner-sub">组织建设 · 会员服务 · 普惠服务</div>
        </div>
      </header>
      <main className="auth-main">
        <Card className="auth-card" style={{ width }} title={<span className="auth-card-title">{title}</span>}>
          {children}
        </Card>
      </main>
      <footer className="auth-footer">
        <Typography.Text type="secondary">建议使用最新版 Chrome、Edge 或 360 极速模式浏览器访问 · 请妥善保管账号密码，不要转借他人使用</Typography.Text>
      </footer>
    </div>
  );
}
