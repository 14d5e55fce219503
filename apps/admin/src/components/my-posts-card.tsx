import { Button, Card, Empty, Table, Tag } from 'antd';
import { orgKindLabels, roleLabels, type OrgKind, type PostDto } from '@gonghui/contracts';
import { useSessionQuery } from '../hooks/use-session';
import { useSwitchPost } from '../hooks/use-switch-post';

/** The account's posts, the active one marked, others one click away. */
export function MyPostsCard() {
  const { data: session } = useSessionQuery();
  const switchPost = useSwitchPost();
  const activeId = session?.activePost?.id;

  return (
    <Card title="我的岗位" style={{ marginBottom: 16 }}>
      <Table<PostDto>
        rowKey="id"
        pagination={false}
        dataSource={session?.posts ?? []}
        locale={{ emptyText: <Empty description="您还没有岗位" /> }}
        columns={[
          { title: '组织', dataIndex: 'orgName' },
          { title: '组织类型', dataIndex: 'orgKind', render: (k: string) => orgKindLabels[k as OrgKind] ?? k },
          { title: '角色', dataIndex: 'role', render: (r: PostDto['role']) => roleLabels[r] ?? r },
          {
            title: '状态',
            key: 'active',
            render: (_, post) => (post.id === activeId ? <Tag color="red">当前岗位</Tag> : null),
          },
          {
            title: '操作',
            key: 'op',
            width: 140,
            render: (_, post) =>
              post.id === activeId ? null : (
                <Button type="link" size="small" onClick={() => switchPost.mutate(post.id)} loading={switchPost.isPending && switchPost.variables === post.id}>
                  切换到此岗位
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
