import { ApartmentOutlined, AuditOutlined, FileDoneOutlined, GiftOutlined, HeartOutlined, SafetyCertificateOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '@gonghui/contracts';

/** The menu entry that carries the count of reviews waiting. */
export const REVIEWS_PATH = '/reviews';

export interface MenuRoute {
  path: string;
  name: string;
  icon?: ReactNode;
  routes?: MenuRoute[];
}

/** The side menu, built from what the active post may do. */
export function buildMenu(permissions: readonly Permission[], orgKind?: string): MenuRoute[] {
  const menu: MenuRoute[] = [];
  // First: what waits for this organisation (the menu shows how many beside the name).
  if (permissions.includes('review.act')) {
    menu.push({ path: REVIEWS_PATH, name: '审核待办', icon: <FileDoneOutlined /> });
  }
  if (permissions.includes('org.read')) {
    menu.push({
      path: '/org',
      name: '组织管理',
      icon: <ApartmentOutlined />,
      routes: [
        { path: '/orgs', name: '组织架构' },
        { path: '/org-search', name: '组织查询' },
        { path: '/inspections', name: '年检管理' },
      ],
    });
  }
  if (permissions.includes('member.read')) {
    menu.push({
      path: '/member',
      name: '会员管理',
      icon: <TeamOutlined />,
      routes: [
        { path: '/members', name: '会员信息' },
        { path: '/member-imports', name: '采集任务' },
        { path: '/transfers', name: '转会记录' },
      ],
    });
  }
  if (permissions.includes('mutualAid.read')) {
    // A base union enrols its own members; the unions above review and follow them (入会汇总).
    const isUnit = orgKind === 'base_union' || orgKind === 'joint_union';
    menu.push({
      path: '/mutual-aid',
      name: '互助保障',
      icon: <HeartOutlined />,
      routes: [
        ...(isUnit ? [{ path: '/mutual-aid/enrolment', name: '单位入会' }] : [{ path: '/mutual-aid/enrolments', name: '入会汇总' }]),
        { path: '/mutual-aid/plans', name: '年度计划' },
      ],
    });
  }
  if (permissions.includes('benefit.manage')) {
    // Seed 001 fig. 21: 普惠活动 — merchants, their coupons, and the activities that hand them out.
    menu.push({
      path: '/benefits',
      name: '普惠活动',
      icon: <GiftOutlined />,
      routes: [
        { path: '/benefits/activities', name: '活动管理' },
        { path: '/benefits/merchants', name: '商家管理' },
        { path: '/benefits/coupons', name: '优惠券管理' },
      ],
    });
  }
  if (permissions.includes('account.manage')) {
    menu.push({ path: '/accounts', name: '账号管理', icon: <SafetyCertificateOutlined /> });
  }
  if (permissions.includes('audit.read')) {
    menu.push({ path: '/audit', name: '审计日志', icon: <AuditOutlined /> });
  }
  menu.push({
    path: '/me',
    name: '个人中心',
    icon: <UserOutlined />,
    routes: [
      { path: '/me/posts', name: '我的岗位' },
      { path: '/me/password', name: '修改密码' },
      { path: '/me/totp', name: '双因素认证' },
    ],
  });
  return menu;
}

/** Where a post lands after login or a post switch. */
export function homePath(permissions: readonly Permission[]): string {
  if (permissions.includes('org.read')) return '/orgs';
  if (permissions.includes('member.read')) return '/members';
  if (permissions.includes('account.manage')) return '/accounts';
  if (permissions.includes('audit.read')) return '/audit';
  return '/me/posts';
}

/** The menu entry a page belongs to (an organisation's detail page belongs to 组织架构, a task's to 采集任务, a review's to 审核待办). */
export function menuPathOf(pathname: string): string {
  if (pathname.startsWith('/orgs')) return '/orgs';
  if (pathname.startsWith('/member-imports')) return '/member-imports';
  if (pathname.startsWith('/reviews')) return REVIEWS_PATH;
  if (pathname.startsWith('/benefits/activities')) return '/benefits/activities';
  return pathname;
}
