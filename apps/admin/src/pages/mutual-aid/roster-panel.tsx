import { SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Input, Row, Statistic, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { formatYuan, newIdempotencyKey, type MutualAidEnrolmentDetail, type MutualAidEnrolmentKind, type MutualAidMember } from '@gonghui/contracts';
import { mutualAidApi, mutualAidKeys } from '../../api/mutual-aid';
import { errorMessage } from '../../api/client';
import { MembershipStatusTag } from '../../components/membership-status-tag';
import { ApplyModal } from './apply-modal';

const columns: TableColumnsType<MutualAidMember> = [
  { title: '会员编号', dataIndex: 'memberNo', width: 130, render: (v: string) => <span className="mono">{v}</span> },
  { title: '姓名', dataIndex: 'name', width: 120 },
  { title: '证件号码', dataIndex: 'idNumberMasked', width: 200, render: (v: string) => <span className="mono">{v}</span> },
  { title: '会籍状态', dataIndex: 'status', width: 100, render: (_, m) => <MembershipStatusTag status={m.status} /> },
  { title: '入会日期', dataIndex: 'joinedOn', render: (v: string | null) => v ?? '—' },
];

interface Props {
  orgId: string;
  year: number;
  kind: MutualAidEnrolmentKind;
  canWrite: boolean;
  onSubmitted: (detail: MutualAidEnrolmentDetail) => void;
}

/**
 * The list a submission would freeze, read live from the member registry: members whose 会籍状态
 * is 入会 or 转入 (补充入会: those of them not yet covered this year). 一键提交 opens the form.
 */
export function RosterPanel({ orgId, year, kind, canWrite, onSubmitted }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [q, setQ] = useState<string | undefined>();
  const [applying, setApplying] = useState(0);
  // A fresh Idempotency-Key for each opening of the dialog.
  const submitKey = useMemo(() => (applying ? newIdempotencyKey() : ''), [applying]);
  const key = [...mutualAidKeys.unit(orgId, year), 'roster', kind, page, pageSize, q ?? ''];
  const roster = useQuery({ queryKey: key, queryFn: () => mutualAidApi.roster(orgId, { year, kind, page, pageSize, q }) });
  const r = roster.data;
  const reload = () => void queryClient.invalidateQueries({ queryKey: mutualAidKeys.unit(orgId, year) });
  const annual = kind === 'annual';

  return (
    <Card
      title={annual ? '单位入会名单（会籍状态为“入会、转入”的在职职工会员）' : '补充入会名单（本年度新入会、转入且尚未参保的会员）'}
      extra={
        <Button icon={<SendOutlined />} type="primary" disabled={!canWrite || !r || !!r.refusal} onClick={() => setApplying(Date.now())} data-testid={`mutual-aid-submit-${kind}`}>
          一键提交
        </Button>
      }
    >
      {roster.error && <Alert type="error" showIcon message={errorMessage(roster.error)} style={{ marginBottom: 16 }} />}
      {r?.refusal && <Alert type="info" showIcon message={r.refusal} style={{ marginBottom: 16 }} data-testid="roster-refusal" />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic title="入会人数" value={r?.count ?? 0} suffix="人" loading={roster.isLoading} valueStyle={{ color: '#c8161d' }} />
        </Col>
        <Col span={6}>
          <Statistic title="每人缴费" value={r?.plan ? formatYuan(r.plan.contributionFen) : '—'} suffix={r?.plan ? '元' : undefined} loading={roster.isLoading} />
        </Col>
        <Col span={6}>
          <Statistic title="缴费金额" value={formatYuan(r?.amountFen ?? 0)} suffix="元" loading={roster.isLoading} data-testid="roster-amount" />
        </Col>
        <Col span={6} style={{ textAlign: 'right', alignSelf: 'end' }}>
          <Input.Search
            allowClear
            placeholder="姓名或会员编号"
            onSearch={(v) => {
              setQ(v.trim() || undefined);
              setPage(1);
            }}
            style={{ maxWidth: 240 }}
          />
        </Col>
      </Row>
      <Table<MutualAidMember>
        rowKey="membershipId"
        size="middle"
        columns={columns}
        dataSource={r?.items ?? []}
        loading={roster.isFetching}
        data-testid={`roster-table-${kind}`}
        locale={{ emptyText: annual ? '本单位没有会籍状态为“入会、转入”的会员' : '没有需要补充入会的会员' }}
        pagination={{
          current: page,
          pageSize,
          total: r?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 人`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
      {r && applying > 0 && (
        <ApplyModal
          key={applying}
          title={annual ? '单位入会申请' : '补充入会申请'}
          orgName={r.orgName}
          year={year}
          kind={kind}
          count={r.count}
          amountFen={r.amountFen}
          open
          onOpenChange={(open) => !open && setApplying(0)}
          send={(values) => mutualAidApi.submit(orgId, { year, kind, ...values, expectedCount: r.count }, submitKey)}
          onStale={() => {
            reload();
            setApplying(0);
          }}
          onDone={(detail) => {
            message.success(`已提交${detail.memberCount}人的${annual ? '单位入会' : '补充入会'}申请，等待上级工会审核`);
            setApplying(0);
            reload();
            onSubmitted(detail);
          }}
        />
      )}
    </Card>
  );
}
