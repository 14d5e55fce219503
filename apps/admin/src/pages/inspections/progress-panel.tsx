import { Breadcrumb, Button, Card, Progress, Result, Space, Statistic, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { inspectionKindLabels } from '@gonghui/contracts';
import { inspectionKeys, inspectionsApi, type InspectionProgressRow, type InspectionRow } from '../../api/inspections';
import { usePermission } from '../../hooks/use-session';
import { DeadlineText } from './inspection-tags';
import { ProgressTable } from './progress-table';
import { RemindButton } from './remind-button';

interface Crumb {
  id: string;
  name: string;
}

/**
 * An upper union's side of one campaign: its children and how many of their base unions
 * have confirmed; an organisation with base unions below it opens to show its own children.
 * Mount with key={inspection.id} so the drill-down starts again for another campaign.
 */
export function ProgressPanel({ inspection }: { inspection: InspectionRow }) {
  const canRemind = usePermission('org.write');
  // The organisations opened so far, starting with the post's own; empty until the first drill.
  const [trail, setTrail] = useState<Crumb[]>([]);
  const parentId = trail.at(-1)?.id;
  const progress = useQuery({
    queryKey: inspectionKeys.progress(inspection.id, parentId),
    queryFn: () => inspectionsApi.progress(inspection.id, parentId),
    placeholderData: (prev) => prev,
  });
  const data = progress.data;

  const drill = (row: InspectionProgressRow) => {
    if (!data) return;
    setTrail((t) => [...(t.length ? t : [{ id: data.parentId, name: data.parentName }]), { id: row.orgId, name: row.orgName }]);
  };
  const crumbs: Crumb[] = trail.length ? trail : data ? [{ id: data.parentId, name: data.parentName }] : [];
  const totals = data?.totals ?? { baseUnions: 0, confirmed: 0 };
  const pending = Math.max(totals.baseUnions - totals.confirmed, 0);
  const percent = totals.baseUnions ? Math.round((totals.confirmed / totals.baseUnions) * 100) : 0;

  return (
    <Card
      title={`${inspection.year}年度${inspectionKindLabels[inspection.kind]} · 确认进度`}
      extra={
        <Space>
          <span className="muted">
            截止日期 <DeadlineText deadline={inspection.deadline} />
          </span>
          <Button icon={<ReloadOutlined />} onClick={() => void progress.refetch()} loading={progress.isFetching} aria-label="刷新" />
        </Space>
      }
    >
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={crumbs.map((c, i) => ({
          key: c.id,
          title:
            i === crumbs.length - 1 ? (
              c.name
            ) : (
              <Typography.Link onClick={() => setTrail(i === 0 ? [] : trail.slice(0, i + 1))}>{c.name}</Typography.Link>
            ),
        }))}
      />

      {progress.error && !data ? (
        <Result
          status="error"
          title="进度加载失败"
          subTitle={(progress.error as Error).message}
          extra={<Button onClick={() => void progress.refetch()}>重试</Button>}
        />
      ) : (
        <>
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 32, marginBottom: 16 }}>
            <Statistic title="基层工会" value={totals.baseUnions} suffix="个" />
            <Statistic title="已确认" value={totals.confirmed} suffix="个" />
            <Statistic title="未确认" value={pending} suffix="个" valueStyle={pending ? { color: '#d4380d' } : undefined} />
            <div style={{ flex: '1 1 200px', minWidth: 200 }}>
              <div className="muted" style={{ marginBottom: 4 }}>
                确认率
              </div>
              <Progress percent={percent} format={() => (totals.baseUnions ? `${percent}%` : '—')} />
            </div>
            {canRemind && data && !progress.isPlaceholderData && (
              <RemindButton inspectionId={inspection.id} orgId={data.parentId} orgName={data.parentName} pending={pending} variant="toolbar" />
            )}
          </div>
          <ProgressTable inspectionId={inspection.id} rows={data?.rows ?? []} loading={progress.isLoading || progress.isPlaceholderData} canRemind={canRemind} onDrill={drill} />
        </>
      )}
    </Card>
  );
}
