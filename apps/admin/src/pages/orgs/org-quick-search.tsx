import { Empty, List, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { orgKindLabels } from '@gonghui/contracts';
import { orgsApi } from '../../api/orgs';
import { OrgKindIcon } from '../../components/org-kind-icon';

const PAGE_SIZE = 10;

/** Results of the left-hand search box (name or organisation code, within the subtree). */
export function OrgQuickSearch({ q, selectedId, onSelect }: { q: string; selectedId?: string; onSelect: (id: string) => void }) {
  const [page, setPage] = useState(1);
  const result = useQuery({
    queryKey: ['orgs', 'quick-search', q, page],
    queryFn: () => orgsApi.search({ q, page, pageSize: PAGE_SIZE }),
    placeholderData: (prev) => prev,
  });

  if (result.isLoading) return <Spin style={{ display: 'block', padding: 24 }} />;
  if (result.error) return <Typography.Text type="danger">{(result.error as Error).message}</Typography.Text>;

  return (
    <List
      size="small"
      dataSource={result.data?.items ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有找到匹配的组织" /> }}
      pagination={
        (result.data?.total ?? 0) > PAGE_SIZE
          ? { current: page, pageSize: PAGE_SIZE, total: result.data?.total, onChange: setPage, size: 'small', simple: true }
          : false
      }
      renderItem={(org) => (
        <List.Item
          className={`quick-search-item${org.id === selectedId ? ' is-selected' : ''}`}
          onClick={() => onSelect(org.id)}
          style={{ cursor: 'pointer' }}
        >
          <List.Item.Meta
            avatar={<OrgKindIcon kind={org.kind} muted={org.status === 'revoked'} />}
            title={
              <span className={org.status === 'revoked' ? 'tree-node-revoked' : undefined}>
                {org.name}
                {org.status === 'revoked' && <Tag style={{ marginLeft: 6 }}>已撤销</Tag>}
              </span>
            }
            description={`${orgKindLabels[org.kind]} · ${org.orgCode}${org.parentName ? ` · 上级：${org.parentName}` : ''}`}
          />
        </List.Item>
      )}
    />
  );
}
