import { Result } from 'antd';
import { BindPostCard } from '../components/bind-post-card';
import { useSession } from '../hooks/use-session';
import { SimpleLayout } from '../layout/simple-layout';
import { FilingStatusCard } from './filing/filing-status-card';

/** What an account without any post sees: only the way to bind one. */
export function NoPostPage() {
  const session = useSession();
  return (
    <SimpleLayout>
      <div style={{ maxWidth: 760, margin: '0 auto' }}>
        <Result
          status="info"
          title={`${session.account.name}，您好！您的账号尚未绑定岗位`}
          subTitle="请向上级工会索取岗位激活码绑定岗位；单位新建工会的，可填写基层工会资料上报，审核通过后即可使用工作平台。"
          style={{ padding: '24px 0 8px' }}
        />
        <BindPostCard />
        <FilingStatusCard />
      </div>
    </SimpleLayout>
  );
}
