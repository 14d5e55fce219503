import { NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';

/** A sub-page: a title bar with 返回, and its content with safe-area padding below. */
export function NavPage({ title, children, back, right }: { title: string; children: ReactNode; back?: string; right?: ReactNode }) {
  const navigate = useNavigate();
  const goBack = () => (back ? navigate(back) : window.history.length > 1 ? navigate(-1) : navigate('/'));
  return (
    <div className="nav-page">
      <header className="nav-header">
        <NavBar onBack={goBack} backIcon right={right}>
          {title}
        </NavBar>
      </header>
      <div className="nav-body">{children}</div>
    </div>
  );
}
