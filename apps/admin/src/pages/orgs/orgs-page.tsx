import { PageContainer } from '@ant-design/pro-components';
import { Card, Empty, Input, Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useHref, useNavigate, useParams } from 'react-router-dom';
import { useOrgTree } from '../../hooks/use-org-tree';
import { OrgDetailPanel } from './org-detail-panel';
import { OrgQuickSearch } from './org-quick-search';
import { OrgTreeView } from './org-tree-view';

/** 组织架构: the tree (or search results) on the left, the selected organisation on the right. */
export function OrgsPage() {
  const { orgId } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tree = useOrgTree();
  const [q, setQ] = useState('');
  // The path down to the selected organisation, as 'id/id/…', so the tree can open it.
  const [ancestorPath, setAncestorPath] = useState('');
  const ancestorIds = useMemo(() => (ancestorPath ? ancestorPath.split('/') : []), [ancestorPath]);

  const select = (id: string) => navigate(`/orgs/${id}`);

  // Without a selection, show the root (the active post's organisation). The tree may arrive
  // after the user has already clicked elsewhere, while that page is still loading and this one
  // still shows: then the address bar has moved on, and redirecting would undo the click.
  const ownHref = useHref('/orgs');
  useEffect(() => {
    const stillHere = window.location.pathname.replace(/\/+$/, '') === ownHref;
    if (!orgId && tree.roots?.[0] && stillHere) navigate(`/orgs/${tree.roots[0].id}`, { replace: true });
  }, [orgId, tree.roots, navigate, ownHref]);

  return (
    <PageContainer title="组织架构" breadcrumb={{ items: [{ title: '组织管理' }, { title: '组织架构' }] }}>
      <div className="orgs-layout">
        <Card className="orgs-side" size="small" title="组织树">
          <Input.Search
            allowClear
            placeholder="搜索名称或组织机构代码"
            aria-label="搜索组织"
            enterButton
            onSearch={(value) => setQ(value.trim())}
            onChange={(e) => {
              if (!e.target.value) setQ('');
            }}
            style={{ marginBottom: 12 }}
          />
          <div className="orgs-side-body">
            {q ? (
              <OrgQuickSearch key={q} q={q} selectedId={orgId} onSelect={select} />
            ) : (
              <OrgTreeView tree={tree} selectedId={orgId} ancestorIds={ancestorIds} onSelect={select} />
            )}
          </div>
        </Card>
        <div className="orgs-main">
          {orgId ? (
            <OrgDetailPanel
              key={orgId}
              orgId={orgId}
              onNavigate={select}
              onLoaded={(org) =>
                setAncestorPath(
                  org.breadcrumb
                    .map((b) => b.id)
                    .filter((id) => id !== org.id)
                    .join('/'),
                )
              }
              onChanged={(org, parentId) => {
                void tree.refresh(org.id, parentId);
                void queryClient.invalidateQueries({ queryKey: ['orgs'] });
              }}
            />
          ) : tree.roots && tree.roots.length === 0 ? (
            <Card>
              <Empty description="暂无可管理的组织" />
            </Card>
          ) : (
            <Card>
              <Spin />
            </Card>
          )}
        </div>
      </div>
    </PageContainer>
  );
}
