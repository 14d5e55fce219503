import { PageContainer } from '@ant-design/pro-components';
import { BindPostCard } from '../components/bind-post-card';
import { MyPostsCard } from '../components/my-posts-card';

/** 个人中心 → 我的岗位. */
export function MyPostsPage() {
  return (
    <PageContainer title="我的岗位" breadcrumb={{ items: [{ title: '个人中心' }, { title: '我的岗位' }] }}>
      <MyPostsCard />
      <BindPostCard />
    </PageContainer>
  );
}
