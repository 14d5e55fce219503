import { Tag } from 'antd-mobile';
import { GiftOutline } from 'antd-mobile-icons';
import { memberActivityPhaseLabels, type MemberActivitySummary } from '@gonghui/contracts';
import { ValidityText } from '../../components/validity-text';

/** The cover, or a plain red panel with a gift when the union uploaded none. */
export function ActivityCover({ url, title, large = false }: { url: string | null; title: string; large?: boolean }) {
  return url ? (
    <img className={large ? 'activity-cover large' : 'activity-cover'} src={url} alt={title} loading="lazy" />
  ) : (
    <div className={large ? 'activity-cover large placeholder-cover' : 'activity-cover placeholder-cover'} aria-hidden="true">
      <GiftOutline />
    </div>
  );
}

/** One activity in a list: cover, title, union, window, limit, and where it stands. */
export function ActivityCard({ a, onOpen }: { a: MemberActivitySummary; onOpen: () => void }) {
  return (
    <button type="button" className="activity-card" onClick={onOpen} data-testid="activity-card">
      <ActivityCover url={a.coverUrl} title={a.title} />
      <div className="activity-card-body">
        <div className="activity-card-title">{a.title}</div>
        <div className="activity-card-org">{a.orgName}</div>
        <div className="activity-card-meta">
          {a.soldOut ? (
            <Tag color="default" fill="outline">已领完</Tag>
          ) : (
            <Tag color={a.phase === 'ongoing' ? 'danger' : 'warning'} fill="outline">{memberActivityPhaseLabels[a.phase]}</Tag>
          )}
          <span>{a.claimLimitText}</span>
        </div>
        <div className="activity-card-time">
          <ValidityText from={a.startsAt} to={a.endsAt} />
        </div>
      </div>
    </button>
  );
}
