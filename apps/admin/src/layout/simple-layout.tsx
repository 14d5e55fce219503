import type { ReactNode } from 'react';
import { BrandLogo, PLATFORM_TITLE } from '../components/brand';
import { HeaderActions } from './header-actions';

/** The frame for a logged-in account that may not use the console yet (new password, no post). */
export function SimpleLayout({ children }: { children: ReactNode }) {
  return (
    <div className="simple-page">
      <header className="simple-header">
        <div className="simple-brand">
          <BrandLogo size={30} />
          <span>{PLATFORM_TITLE}</span>
        </div>
        <HeaderActions showPostSwitcher={false} />
      </header>
      <main className="simple-main">{children}</main>
    </div>
  );
}
