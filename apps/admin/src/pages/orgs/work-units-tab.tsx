import { Button, Empty, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { OrgDetail, WorkUnit } from '@gonghui/contracts';
import { orgsApi } from '../../api/orgs';
import { UsccWarningTag } from '../../components/uscc-warning-tag';
import { usePermission } from '../../hooks/use-session';
import { orDash } from '../../utils/format';
import { WorkUnitDrawer } from './work-unit-drawer';

/** 单位信息: the work units a base or joint union serves. */
export function WorkUnitsTab({ org }: { org: OrgDetail }) {
  const canWrite = usePermission('org.write') && org.status === 'active';
  const queryClient = useQueryClient();
  const key = ['org', org.id, 'work-units'];
  const units = useQuery({ queryKey: key, queryFn: () => orgsApi.workUnits(org.id) });
  const [editing, setEditing] = useState<WorkUnit | null>(null);
  const [open, setOpen] = useState(false);
  const [drawerKey, setDrawerKey] = useState(0);

  const openDrawer = (unit: WorkUnit | null) => {
    setEditing(unit);
    setDrawerKey((k) => k + 1);
    setOpen(true);
  };

  return (
    <>
      <div className="tab-toolbar">
        <Typography.Text type="secondary">本工会服务的单位（关联企业）</Typography.Text>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openDrawer(null)}>
            新增单位
          </Button>
        )}
      </div>
      <Table<WorkUnit>
        rowKey="id"
        size="middle"
        loading={units.isLoading}
        dataSource={units.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={units.error ? (units.error as Error).message : '暂无单位信息'} /> }}
        columns={[
          { title: '单位名称', dataIndex: 'name' },
          {
            title: '统一社会信用代码',
            dataIndex: 'uscc',
            render: (_, u) => (
              <Space size={4} direction="vertical">
                <span className="mono">{orDash(u.uscc)}</span>
                {u.usccCheckFailed && <UsccWarningTag />}
              </Space>
            ),
          },
          { title: '单位性质', dataIndex: 'nature' },
          { title: '经济类型', dataIndex: 'economicType' },
          { title: '所属行业', dataIndex: 'industry', render: (v: string | null) => orDash(v) },
          { title: '职工人数', dataIndex: 'headcount', align: 'right', render: (v: number | null) => orDash(v) },
          { title: '农民工', dataIndex: 'migrantHeadcount', align: 'right', render: (v: number | null) => orDash(v) },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'op',
                  width: 70,
                  render: (_: unknown, u: WorkUnit) => (
                    <Button type="link" size="small" onClick={() => openDrawer(u)}>
                      编辑
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <WorkUnitDrawer
        key={drawerKey}
        orgId={org.id}
        unit={editing}
        open={open}
        onOpenChange={setOpen}
        onSaved={() => {
          void queryClient.invalidateQueries({ queryKey: key });
          void queryClient.invalidateQueries({ queryKey: ['org', org.id], exact: true });
        }}
        onReload={async () => {
          const list = await queryClient.fetchQuery({ queryKey: key, queryFn: () => orgsApi.workUnits(org.id), staleTime: 0 });
          return list.find((u) => u.id === editing?.id);
        }}
      />
    </>
  );
}
