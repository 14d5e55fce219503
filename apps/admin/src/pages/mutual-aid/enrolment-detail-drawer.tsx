import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Result, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatYuan, type MutualAidMember } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { mutualAidApi, mutualAidKeys } from '../../api/mutual-aid';
import { MembershipStatusTag } from '../../components/membership-status-tag';
import { PageLoading } from '../../components/page-loading';
import { formatMinute } from '../../utils/format';
import { ReviewSteps } from '../reviews/review-steps';
import { ReviewTrail } from '../reviews/review-trail';
import { EnrolmentKindTag, EnrolmentStatusTag } from './mutual-aid-tags';

const memberColumns: TableColumnsType<MutualAidMember> = [
  { title: '会员编号', dataIndex: 'memberNo', width: 120, render: (v: string) => <span className="mono">{v}</span> },
  { title: '姓名', dataIndex: 'name', width: 100 },
  { title: '证件号码', dataIndex: 'idNumberMasked', render: (v: string) => <span className="mono">{v}</span> },
  { title: '当前会籍状态', dataIndex: 'status', width: 110, render: (_, m) => <MembershipStatusTag status={m.status} /> },
];

/** The contract of an approved enrolment: opened in the browser, or saved. */
export function ContractButtons({ id, size }: { id: string; size?: 'small' }) {
  return (
    <Space size={4}>
      <Button size={size} icon={<FilePdfOutlined />} href={mutualAidApi.contractUrl(id)} target="_blank" rel="noopener" data-testid="contract-view">
        查看合同
      </Button>
      <Button size={size} icon={<DownloadOutlined />} href={mutualAidApi.contractUrl(id, true)} data-testid="contract-download">
        下载合同
      </Button>
    </Space>
  );
}

function FrozenList({ id }: { id: string }) {
  const [page, setPage] = useState(1);
  const members = useQuery({ queryKey: [...mutualAidKeys.enrolment(id), 'members', page], queryFn: () => mutualAidApi.members(id, { page, pageSize: 10 }) });
  return (
    <Table<MutualAidMember>
      rowKey="membershipId"
      size="small"
      columns={memberColumns}
      dataSource={members.data?.items ?? []}
      loading={members.isFetching}
      pagination={{ current: page, pageSize: 10, total: members.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 人`, showSizeChanger: false }}
    />
  );
}

/** 入会审核状态 (seed 000 第三步): the enrolment, its review steps and trail, the frozen list and the contract. */
export function EnrolmentDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const detail = useQuery({ queryKey: mutualAidKeys.enrolment(id ?? ''), queryFn: () => mutualAidApi.get(id!), enabled: !!id });
  const e = detail.data;
  return (
    <Drawer open={!!id} onClose={onClose} width={760} title="入会申请详情" destroyOnHidden data-testid="enrolment-drawer">
      {detail.isLoading && <PageLoading />}
      {detail.error && <Result status="error" title="加载失败" subTitle={errorMessage(detail.error)} />}
      {e && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {e.status === 'approved' && (
            <Alert
              type="success"
              showIcon
              message={`审核通过，合同编号 ${e.contractNo}`}
              description={`保障期间 ${e.coverFrom} 至 ${e.coverTo}。名单内会员可在会员端“我的保障”中查看保单。`}
              action={<ContractButtons id={e.id} size="small" />}
            />
          )}
          {e.status === 'returned' && <Alert type="error" showIcon message={`已被退回：${e.returnReason ?? ''}`} description="请核对会员信息后重新提交，名单将按会员库重新读取。" />}
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              { key: 'org', label: '入会单位', children: e.orgName, span: 2 },
              { key: 'year', label: '保障年度', children: `${e.year}年度` },
              { key: 'kind', label: '类型 / 状态', children: <Space><EnrolmentKindTag kind={e.kind} /><EnrolmentStatusTag status={e.status} /></Space> },
              { key: 'count', label: '入会人数', children: `${e.memberCount} 人` },
              { key: 'amount', label: '缴费金额', children: `${formatYuan(e.amountFen)} 元（每人 ${formatYuan(e.contributionFen)} 元）` },
              { key: 'op', label: '操作人', children: e.operatorName },
              { key: 'phone', label: '手机号', children: <span className="mono">{e.operatorPhoneMasked}</span> },
              { key: 'note', label: '申请备注', children: e.note ?? '—', span: 2 },
              { key: 'at', label: '提交时间', children: formatMinute(e.submittedAt) },
              { key: 'decided', label: '审核通过时间', children: e.status === 'approved' ? formatMinute(e.decidedAt) : '—' },
            ]}
          />
          <Card size="small" title="审核流程">
            <ReviewSteps steps={e.steps} />
          </Card>
          <Card size="small" title="处理轨迹">
            <ReviewTrail trail={e.trail} />
          </Card>
          <Card size="small" title="入会名单（提交时冻结）">
            <FrozenList id={e.id} />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
