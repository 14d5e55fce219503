import { Skeleton } from 'antd-mobile';
import { BellOutline, CouponOutline, RightOutline, GiftOutline, TeamOutline, FileOutline } from 'antd-mobile-icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { CardIcon } from '../components/icons';
import { useSession, useVerification } from '../hooks/session';
import { activitiesKey, benefitsApi } from '../api/benefits';
import { ActivityCard } from './benefits/activity-card';

function greeting(hour: number) {
  if (hour < 6) return '夜深了';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

const tiles = [
  { key: 'card', label: '电子会员卡', to: '/card', icon: <CardIcon />, tone: 'red' },
  { key: 'apply', label: '入会转会', to: '/applications', icon: <TeamOutline />, tone: 'orange' },
  { key: 'coupons', label: '我的券', to: '/coupons', icon: <CouponOutline />, tone: 'pink' },
  { key: 'activities', label: '普惠活动', to: '/activities', icon: <GiftOutline />, tone: 'red' },
  { key: 'policies', label: '我的保障', to: '/policies', icon: <FileOutline />, tone: 'blue' },
  { key: 'notices', label: '通知公告', to: '/soon/notices', icon: <BellOutline />, tone: 'green' },
] as const;

/** 首页: a greeting, the verification prompt until verified, and the services. */
export default function HomePage() {
  const navigate = useNavigate();
  const session = useSession();
  const verification = useVerification();
  const v = verification.data;
  const name = v?.status === 'approved' && v.name ? v.name : null;
  const verified = v?.status === 'approved';
  const activities = useQuery({ queryKey: activitiesKey, queryFn: benefitsApi.activities, enabled: verified });

  return (
    <div className="home">
      <section className="home-hero">
        <div className="home-hello">
          <div className="hello-line">
            {greeting(new Date().getHours())}，{name ?? '职工朋友'}
          </div>
          <div className="hello-sub">{session.data?.account.region ? `济南市 · ${session.data.account.region}` : '济南市总工会 · 职工之家'}</div>
        </div>
      </section>

      <div className="home-body">
        {verification.isPending ? (
          <div className="card-block">
            <Skeleton.Paragraph lineCount={2} animated />
          </div>
        ) : v && v.status !== 'approved' ? (
          <button type="button" className="verify-banner" data-testid="verify-banner" onClick={() => navigate('/verify')}>
            <div>
              <div className="verify-banner-title">{v.status === 'pending' ? '会员认证审核中' : '工会会员认证'}</div>
              <div className="verify-banner-sub">
                {v.status === 'pending'
                  ? `由「${v.reviewingOrgName ?? v.orgName ?? '所在工会'}」审核，通过后即可使用电子会员卡`
                  : v.status === 'returned'
                    ? '认证未通过，请查看原因后重新提交'
                    : '完成认证，领取电子会员卡，享受工会普惠服务'}
              </div>
            </div>
            <span className="verify-banner-cta">
              {v.status === 'pending' ? '查看' : '去认证'}
              <RightOutline />
            </span>
          </button>
        ) : v?.status === 'approved' ? (
          <div className="verified-strip">
            <span className="badge-verified">已认证会员</span>
            <span className="muted">{v.orgName}</span>
          </div>
        ) : null}

        <section className="card-block">
          <div className="block-title">会员服务</div>
          <div className="tile-grid">
            {tiles.map((t) => (
              <button type="button" key={t.key} className="tile" data-testid={`tile-${t.key}`} onClick={() => navigate(t.to)}>
                <span className={`tile-icon tone-${t.tone}`}>{t.icon}</span>
                <span className="tile-label">{t.label}</span>
              </button>
            ))}
          </div>
        </section>

        <section className="card-block" data-testid="home-activities">
          <div className="block-title">
            普惠活动
            {verified && !!activities.data?.items.length && (
              <button type="button" className="block-more link-like" onClick={() => navigate('/activities')}>
                全部 <RightOutline />
              </button>
            )}
          </div>
          {!verified ? (
            <div className="soon-strip">
              <GiftOutline />
              <span>完成工会会员认证后，即可领取所在工会发放的节日福利、生日蛋糕等电子券</span>
            </div>
          ) : activities.isPending ? (
            <Skeleton.Paragraph lineCount={3} animated />
          ) : activities.isError || !activities.data.items.length ? (
            <div className="soon-strip">
              <GiftOutline />
              <span>{activities.isError ? '活动加载失败，请稍后再试' : '暂无进行中的活动，所在工会发布领券活动后会显示在这里'}</span>
            </div>
          ) : (
            activities.data.items.slice(0, 3).map((a) => <ActivityCard key={a.id} a={a} onOpen={() => navigate(`/activities/${a.id}`)} />)
          )}
        </section>
      </div>
    </div>
  );
}
