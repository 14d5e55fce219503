import { ProLayout } from '@ant-design/pro-components';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { BrandLogo, PLATFORM_TITLE } from '../components/brand';
import { PageLoading } from '../components/page-loading';
import { useSession } from '../hooks/use-session';
import { layoutToken } from '../theme';
import { HeaderActions } from './header-actions';
import { buildMenu, menuPathOf, REVIEWS_PATH } from './menu';
import { ReviewMenuBadge } from './review-menu-badge';

/** The console frame: red header across the top, side menu built from the post's permissions. */
export function ConsoleLayout() {
  const session = useSession();
  const location = useLocation();

  return (
    <ProLayout
      title={PLATFORM_TITLE}
      logo={<BrandLogo size={32} />}
      layout="mix"
      fixedHeader
      fixSiderbar
      siderWidth={216}
      token={layoutToken}
      route={{ path: '/', routes: buildMenu(session.permissions, session.activePost?.orgKind) }}
      location={{ pathname: menuPathOf(location.pathname) }}
      menu={{ defaultOpenAll: true, autoClose: false }}
      menuItemRender={(item, dom) =>
        item.path === REVIEWS_PATH ? (
          <Link to={item.path} className="menu-item-with-badge">
            {dom}
            <ReviewMenuBadge />
          </Link>
        ) : item.path ? (
          <Link to={item.path}>{dom}</Link>
        ) : (
          dom
        )
      }
      actionsRender={() => [<HeaderActions key="actions" />]}
      onMenuHeaderClick={() => undefined}
      pageTitleRender={(_, defaultTitle) => (defaultTitle ? `${defaultTitle} - ${PLATFORM_TITLE}` : PLATFORM_TITLE)}
      footerRender={() => <div className="console-footer">{PLATFORM_TITLE} · 请依法依规使用会员个人信息</div>}
    >
      {/* Keyed by the active post: switching posts remounts every page with fresh data. */}
      <div key={session.activePost?.id ?? 'none'}>
        {/* A page still loading keeps the frame and menu in place; only the content area waits. */}
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </div>
    </ProLayout>
  );
}
