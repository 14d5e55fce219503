import type { ReactNode } from 'react';
import { SmsSimulatorLink } from './sms-simulator-link';

/** Login and registration: the union's red banner, the form on a card, the demo SMS inbox below (where codes are sent). */
export function AuthShell({ title, subtitle, children, footer, smsInbox = true }: { title: string; subtitle: string; children: ReactNode; footer?: ReactNode; smsInbox?: boolean }) {
  return (
    <div className="auth-page">
      <div className="auth-hero">
        <div className="brand-mark" aria-hidden="true">
          工
        </div>
        <h1>{title}</h1>
        <p>{subtitle}</p>
      </div>
      <div className="auth-card">{children}</div>
      <div className="auth-footer">
        {footer}
        {smsInbox && <SmsSimulatorLink />}
      </div>
    </div>
  );
}
