import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatYuan, MUTUAL_AID_ASSOCIATION, type MutualAidPlan } from '@gonghui/contracts';
import { mutualAidKeys } from '../../api/mutual-aid';
import { usePermission, useSession } from '../../hooks/use-session';
import { PlanFormModal } from './plan-form-modal';
import { usePlans } from './use-plans';

/** 年度计划: set by the association (the city federation); every union reads the plan it enrols under. */
export function PlansPage() {
  const session = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { items, plans } = usePlans();
  const canEdit = usePermission('mutualAid.write') && session.activePost?.orgKind === 'city_federation';
  const [editing, setEditing] = useState<{ key: number; plan?: MutualAidPlan } | null>(null);

  const columns: TableColumnsType<MutualAidPlan> = [
    { title: '年度', dataIndex: 'year', width: 80 },
    { title: '计划名称', dataIndex: 'title', width: 220 },
    { title: '保障内容', dataIndex: 'coverage' },
    { title: '每人缴费', dataIndex: 'contributionFen', width: 110, align: 'right', render: (v: number) => `${formatYuan(v)} 元` },
    { title: '单位入会开放时间', key: 'window', width: 200, render: (_, p) => `${p.enrolFrom} 至 ${p.enrolTo}` },
    { title: '保障期至', dataIndex: 'coverTo', width: 110 },
    { title: '入会申请', dataIndex: 'enrolmentCount', width: 90, align: 'right', render: (v: number) => `${v} 份` },
    ...(canEdit
      ? [{ title: '操作', key: 'op', width: 80, render: (_: unknown, p: MutualAidPlan) => <Button type="link" size="small" onClick={() => setEditing({ key: Date.now(), plan: p })}>修改</Button> }]
      : []),
  ];

  return (
    <PageContainer
      title="年度计划"
      breadcrumb={{ items: [{ title: '互助保障【线上普惠】' }, { title: '年度计划' }] }}
      content={`${MUTUAL_AID_ASSOCIATION}每年发布职工互助保障计划：保障内容、每人缴费金额和单位入会开放时间。${canEdit ? '' : '计划由市总工会发布。'}`}
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ key: Date.now() })} data-testid="plan-create">
            发布年度计划
          </Button>
        )
      }
    >
      <Card>
        <Table<MutualAidPlan>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={plans.isLoading}
          pagination={false}
          locale={{ emptyText: <Empty description="尚未发布职工互助保障计划" /> }}
        />
      </Card>
      {editing && (
        <PlanFormModal
          key={editing.key}
          plan={editing.plan}
          open
          onOpenChange={(open) => !open && setEditing(null)}
          onSaved={(p) => {
            message.success(`${p.year}年度计划已${editing.plan ? '保存' : '发布'}`);
            setEditing(null);
            void queryClient.invalidateQueries({ queryKey: mutualAidKeys.plans });
          }}
        />
      )}
    </PageContainer>
  );
}
