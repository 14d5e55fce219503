import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Card, Col, Empty, Row, Statistic } from 'antd';
import { useState } from 'react';
import {
  formatYuan,
  mutualAidEnrolmentKindLabels,
  mutualAidEnrolmentKinds,
  mutualAidEnrolmentStatuses,
  mutualAidEnrolmentStatusLabels,
  type MutualAidEnrolmentRow,
} from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { mutualAidApi, type EnrolmentPage, type EnrolmentQuery } from '../../api/mutual-aid';
import { TwoLines } from '../../components/two-lines';
import { useSession } from '../../hooks/use-session';
import { formatMinute } from '../../utils/format';
import { EnrolmentDetailDrawer } from './enrolment-detail-drawer';
import { EnrolmentKindTag, EnrolmentStatusTag } from './mutual-aid-tags';
import { usePlans } from './use-plans';

const statusEnum = Object.fromEntries(mutualAidEnrolmentStatuses.map((s) => [s, { text: mutualAidEnrolmentStatusLabels[s] }]));
const kindEnum = Object.fromEntries(mutualAidEnrolmentKinds.map((k) => [k, { text: mutualAidEnrolmentKindLabels[k] }]));

/**
 * 入会汇总 (the association's view): every unit's enrolments in the caller's subtree (all of the
 * city for the city federation), with counts, amounts and totals, exportable to Excel.
 */
export function EnrolmentsPage() {
  const { message } = App.useApp();
  const session = useSession();
  const { items: plans, year: defaultYear } = usePlans();
  const [openId, setOpenId] = useState<string | null>(null);
  const [totals, setTotals] = useState<EnrolmentPage['totals'] | null>(null);
  const [filters, setFilters] = useState<Omit<EnrolmentQuery, 'page' | 'pageSize'>>({});
  const [exporting, setExporting] = useState(false);
  const isCity = session.activePost?.orgKind === 'city_federation';

  const columns: ProColumns<MutualAidEnrolmentRow>[] = [
    {
      title: '年度',
      dataIndex: 'year',
      valueType: 'select',
      initialValue: defaultYear,
      fieldProps: { options: (plans.length ? plans.map((p) => p.year) : [defaultYear]).map((y) => ({ value: y, label: `${y}年度` })), allowClear: true, placeholder: '全部年度' },
      width: 80,
      render: (_, r) => `${r.year}`,
    },
    { title: '单位名称', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '单位名称包含' } },
    { title: '入会单位', dataIndex: 'orgName', search: false, ellipsis: true, render: (_, r) => <TwoLines top={r.orgName} bottom={r.parentOrgName ? `上级：${r.parentOrgName}` : ''} /> },
    { title: '类型', dataIndex: 'kind', valueType: 'select', valueEnum: kindEnum, width: 96, render: (_, r) => <EnrolmentKindTag kind={r.kind} /> },
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: statusEnum, width: 96, render: (_, r) => <EnrolmentStatusTag status={r.status} /> },
    { title: '入会人数', dataIndex: 'memberCount', search: false, width: 90, align: 'right', render: (_, r) => `${r.memberCount}` },
    { title: '缴费金额（元）', dataIndex: 'amountFen', search: false, width: 120, align: 'right', render: (_, r) => formatYuan(r.amountFen) },
    { title: '操作人', dataIndex: 'operatorName', search: false, width: 130, render: (_, r) => <TwoLines top={r.operatorName} bottom={r.operatorPhoneMasked} /> },
    { title: '提交时间', dataIndex: 'submittedAt', search: false, width: 140, render: (_, r) => formatMinute(r.submittedAt) },
    { title: '合同编号', dataIndex: 'contractNo', search: false, width: 170, render: (_, r) => r.contractNo ?? '—' },
    {
      title: '操作',
      key: 'op',
      search: false,
      fixed: 'right',
      width: 110,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setOpenId(r.id)}>
          详情{r.status === 'approved' ? ' / 合同' : ''}
        </Button>
      ),
    },
  ];

  const doExport = async () => {
    setExporting(true);
    try {
      await mutualAidApi.export(filters);
      message.success('已导出入会汇总');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <PageContainer
      title="入会汇总"
      breadcrumb={{ items: [{ title: '互助保障【线上普惠】' }, { title: '入会汇总' }] }}
      content={`${isCity ? '济南市职工互助互济会：全市' : `${session.activePost?.orgName}及下级`}各单位的入会申请、人数和金额。合计不含已撤回的申请。`}
    >
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {[
          ['入会单位', totals?.units ?? 0, '个'],
          ['申请人数', totals?.members ?? 0, '人'],
          ['申请金额', formatYuan(totals?.amountFen ?? 0), '元'],
          ['审核通过人数', totals?.approvedMembers ?? 0, '人'],
          ['审核通过金额', formatYuan(totals?.approvedAmountFen ?? 0), '元'],
        ].map(([title, value, suffix]) => (
          <Col key={String(title)} flex="1">
            <Card size="small">
              <Statistic title={title} value={value} suffix={suffix} data-testid={`total-${title}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <div data-testid="enrolments-table">
        <ProTable<MutualAidEnrolmentRow>
          rowKey="id"
          columns={columns}
          size="middle"
          headerTitle="各单位入会申请"
          scroll={{ x: 1200 }}
          search={{ labelWidth: 'auto', defaultCollapsed: false, span: 6 }}
          options={{ reload: true, density: false, setting: false }}
          toolBarRender={() => [
            <Button key="export" icon={<DownloadOutlined />} loading={exporting} onClick={() => void doExport()} data-testid="enrolments-export">
              导出Excel
            </Button>,
          ]}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t, [from, to]) => `第 ${from}–${to} 条，共 ${t} 条` }}
          locale={{ emptyText: <Empty description="没有符合条件的入会申请" /> }}
          request={async ({ current = 1, pageSize = 20, year, status, kind, q }) => {
            const f = { year: year || undefined, status: status || undefined, kind: kind || undefined, q: q || undefined };
            setFilters(f);
            const page = await mutualAidApi.list({ page: current, pageSize, ...f });
            setTotals(page.totals);
            return { data: page.items, total: page.total, success: true };
          }}
          onRequestError={(e) => message.error(errorMessage(e))}
        />
      </div>
      <EnrolmentDetailDrawer id={openId} onClose={() => setOpenId(null)} />
    </PageContainer>
  );
}
