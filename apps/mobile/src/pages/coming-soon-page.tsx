import { ErrorBlock } from 'antd-mobile';
import { useParams } from 'react-router-dom';
import { NavPage } from '../components/nav-page';

const what: Record<string, { title: string; text: string }> = {
  notices: { title: '通知公告', text: '工会发布的通知公告将显示在这里。' },
};

/** An honest empty state for a service whose module has not landed yet. */
export default function ComingSoonPage() {
  const { what: key = '' } = useParams();
  const w = what[key] ?? { title: '敬请期待', text: '' };
  return (
    <NavPage title={w.title}>
      <ErrorBlock status="empty" title="功能即将上线" description={w.text} style={{ padding: '64px 24px' }} />
    </NavPage>
  );
}
