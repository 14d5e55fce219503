import { PageContainer } from '@ant-design/pro-components';
import { App, Button, Card, Result } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { inspectionKindLabels } from '@gonghui/contracts';
import { inspectionKeys, inspectionsApi, type InspectionRow } from '../../api/inspections';
import { usePermission, useSession } from '../../hooks/use-session';
import { ConfirmPanel } from './confirm-panel';
import { InspectionList, NoInspections } from './inspection-list';
import { OpenInspectionModal } from './open-inspection-modal';
import { ProgressPanel } from './progress-panel';

const BASE_KINDS = new Set(['base_union', 'joint_union']);

/**
 * 年检管理: the yearly organisation and member inspections opened by the city federation.
 * A base union confirms its own data is current; an upper union follows (and chases) the
 * base unions below it. The city federation opens new campaigns.
 */
export function InspectionsPage() {
  const session = useSession();
  const canWrite = usePermission('org.write');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const orgKind = session.activePost?.orgKind ?? '';
  const canOpen = canWrite && orgKind === 'city_federation';
  const isBase = BASE_KINDS.has(orgKind);

  const list = useQuery({ queryKey: inspectionKeys.list, queryFn: inspectionsApi.list });
  const rows = list.data ?? [];
  const [pickedId, setPickedId] = useState<string | null>(null);
  // The picked campaign while it exists, otherwise the newest.
  const selected: InspectionRow | undefined = rows.find((r) => r.id === pickedId) ?? rows[0];

  const onOpened = (row: InspectionRow) => {
    message.success(`已开启${row.year}年度${inspectionKindLabels[row.kind]}`);
    setPickedId(row.id);
    void queryClient.invalidateQueries({ queryKey: inspectionKeys.list });
  };

  const intro = isBase
    ? '市总工会每年开启组织年检和会员年检。请核对并更新本单位的信息，然后确认“已完成更新”。'
    : '市总工会每年开启组织年检和会员年检，各基层工会核对并更新信息后确认。选择一项年检，查看下级单位的确认进度并催办。';

  return (
    <PageContainer title="年检管理" breadcrumb={{ items: [{ title: '年检管理' }] }} content={intro}>
      {list.error && !list.data ? (
        <Card>
          <Result
            status="error"
            title="年检加载失败"
            subTitle={(list.error as Error).message}
            extra={<Button onClick={() => void list.refetch()}>重试</Button>}
          />
        </Card>
      ) : (
        <>
          <Card title="年检列表" extra={canOpen && <OpenInspectionModal onOpened={onOpened} />} style={{ marginBottom: 16 }}>
            <InspectionList
              rows={rows}
              loading={list.isLoading}
              selectedId={selected?.id ?? null}
              onSelect={setPickedId}
              showMine={isBase}
              empty={<NoInspections canOpen={canOpen} />}
            />
          </Card>
          {selected &&
            (selected.mine.applicable ? (
              <ConfirmPanel inspection={selected} />
            ) : (
              <ProgressPanel key={selected.id} inspection={selected} />
            ))}
        </>
      )}
    </PageContainer>
  );
}
