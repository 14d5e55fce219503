import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatYuan, type MutualAidEnrolmentRow } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { mutualAidApi, mutualAidKeys } from '../../api/mutual-aid';
import { TwoLines } from '../../components/two-lines';
import { formatMinute } from '../../utils/format';
import { ApplyModal } from './apply-modal';
import { ContractButtons, EnrolmentDetailDrawer } from './enrolment-detail-drawer';
import { EnrolmentKindTag, EnrolmentStatusTag } from './mutual-aid-tags';

interface Props {
  orgId: string;
  year: number;
  canWrite: boolean;
  openId: string | null;
  onOpen: (id: string | null) => void;
}

/** 查看入会审核状态: this unit's submissions of the year, newest first, with what can be done to each. */
export function UnitEnrolments({ orgId, year, canWrite, openId, onOpen }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: [...mutualAidKeys.unit(orgId, year), 'enrolments'], queryFn: () => mutualAidApi.list({ orgId, year, pageSize: 50 }) });
  const [resubmit, setResubmit] = useState<{ row: MutualAidEnrolmentRow; count: number; amountFen: number; orgName: string } | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: mutualAidKeys.all });

  const withdraw = async (row: MutualAidEnrolmentRow) => {
    try {
      await mutualAidApi.withdraw(row.id);
      message.success('已撤回，可核对名单后重新提交');
      refresh();
    } catch (e) {
      message.error(errorMessage(e));
      refresh();
    }
  };
  const openResubmit = async (row: MutualAidEnrolmentRow) => {
    try {
      const r = await mutualAidApi.roster(orgId, { year, kind: row.kind, page: 1, pageSize: 1 });
      setResubmit({ row, count: r.count, amountFen: r.amountFen, orgName: r.orgName });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<MutualAidEnrolmentRow> = [
    { title: '类型', dataIndex: 'kind', width: 96, render: (_, r) => <EnrolmentKindTag kind={r.kind} /> },
    { title: '状态', dataIndex: 'status', width: 96, render: (_, r) => <EnrolmentStatusTag status={r.status} /> },
    { title: '入会人数', dataIndex: 'memberCount', width: 90, render: (v: number) => `${v} 人` },
    { title: '缴费金额', dataIndex: 'amountFen', width: 120, render: (v: number) => `${formatYuan(v)} 元` },
    { title: '操作人', dataIndex: 'operatorName', width: 150, render: (_, r) => <TwoLines top={r.operatorName} bottom={r.operatorPhoneMasked} /> },
    { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: (v: string) => formatMinute(v) },
    { title: '合同编号 / 保障期间', dataIndex: 'contractNo', render: (_, r) => (r.contractNo ? <TwoLines top={r.contractNo} bottom={`${r.coverFrom} 至 ${r.coverTo}`} /> : '—') },
    {
      title: '操作',
      key: 'op',
      width: 280,
      render: (_, r) => (
        <Space size={4} wrap>
          <Button size="small" type="link" onClick={() => onOpen(r.id)} data-testid="enrolment-detail">
            审核状态
          </Button>
          {canWrite && r.status === 'pending' && (
            <Popconfirm title="撤回入会申请？" description="撤回后可重新核对名单再提交。" okText="撤回" cancelText="取消" onConfirm={() => withdraw(r)}>
              <Button size="small" danger data-testid="enrolment-withdraw">
                撤回
              </Button>
            </Popconfirm>
          )}
          {canWrite && r.status === 'returned' && (
            <Button size="small" type="primary" onClick={() => void openResubmit(r)} data-testid="enrolment-resubmit">
              重新提交
            </Button>
          )}
          {r.status === 'approved' && <ContractButtons id={r.id} size="small" />}
        </Space>
      ),
    },
  ];

  return (
    <Card title="入会审核状态" style={{ marginBottom: 16 }} data-testid="unit-enrolments">
      <Table<MutualAidEnrolmentRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`本单位${year}年度尚未提交入会申请`} /> }}
      />
      <EnrolmentDetailDrawer id={openId} onClose={() => onOpen(null)} />
      {resubmit && (
        <ApplyModal
          key={resubmit.row.id}
          title="核对名单后重新提交"
          orgName={resubmit.orgName}
          year={year}
          kind={resubmit.row.kind}
          count={resubmit.count}
          amountFen={resubmit.amountFen}
          open
          initialValues={{ operatorName: resubmit.row.operatorName, note: resubmit.row.note ?? undefined }}
          onOpenChange={(open) => !open && setResubmit(null)}
          send={(values) => mutualAidApi.resubmit(resubmit.row.id, { ...values, expectedCount: resubmit.count })}
          onStale={() => {
            setResubmit(null);
            refresh();
          }}
          onDone={() => {
            message.success('已重新提交，等待上级工会审核');
            setResubmit(null);
            refresh();
          }}
        />
      )}
    </Card>
  );
}
