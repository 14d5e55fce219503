import { Button, Dropdown } from 'antd';
import { CheckOutlined, DownOutlined, SwapOutlined } from '@ant-design/icons';
import { orgKindLabels, type OrgKind } from '@gonghui/contracts';
import { useSession } from '../hooks/use-session';
import { useSwitchPost } from '../hooks/use-switch-post';
import { postLabel } from '../utils/labels';

/** The header dropdown listing the account's posts as "组织名 · 角色名". */
export function PostSwitcher() {
  const session = useSession();
  const switchPost = useSwitchPost();
  const active = session.activePost;
  if (!active) return null;

  const items = session.posts.map((post) => ({
    key: post.id,
    icon: post.id === active.id ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
    label: (
      <span>
        {postLabel(post)}
        <span className="post-kind">{orgKindLabels[post.orgKind as OrgKind] ?? ''}</span>
      </span>
    ),
  }));

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        selectable: true,
        selectedKeys: [active.id],
        onClick: ({ key }) => {
          if (key !== active.id) switchPost.mutate(key);
        },
      }}
    >
      <Button
        data-testid="post-switcher"
        className="post-switcher"
        icon={<SwapOutlined />}
        loading={switchPost.isPending}
        title="切换岗位"
        aria-label={`当前岗位：${postLabel(active)}，点击切换岗位`}
      >
        {postLabel(active)}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
