import { Alert, App, Button, Card, Descriptions, Popconfirm, Result, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inspectionKindLabels } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { inspectionKeys, inspectionsApi, type InspectionRow } from '../../api/inspections';
import { usePermission } from '../../hooks/use-session';
import { formatMinute } from '../../utils/format';
import { DeadlineText, isOverdue } from './inspection-tags';

const WHAT: Record<InspectionRow['kind'], string> = { org: '组织信息', member: '会员信息' };

/** A base union's side of one campaign: check the data, then confirm "已完成更新" once. */
export function ConfirmPanel({ inspection }: { inspection: InspectionRow }) {
  const canConfirm = usePermission('org.write');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { mine } = inspection;
  const confirm = useMutation({
    mutationFn: () => inspectionsApi.confirm(inspection.id),
    onSuccess: (row) => {
      queryClient.setQueryData<InspectionRow[]>(inspectionKeys.list, (list) => list?.map((r) => (r.id === row.id ? row : r)));
      message.success('已确认完成更新');
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const overdue = isOverdue(inspection.deadline);
  const what = WHAT[inspection.kind];

  return (
    <Card title={`${inspection.year}年度${inspectionKindLabels[inspection.kind]}`}>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="截止日期">
          <DeadlineText deadline={inspection.deadline} />
        </Descriptions.Item>
        <Descriptions.Item label="开启时间">{formatMinute(inspection.createdAt)}</Descriptions.Item>
      </Descriptions>

      {mine.confirmedAt ? (
        <Result
          status="success"
          title="本单位已确认完成更新"
          subTitle={`确认时间：${formatMinute(mine.confirmedAt)}`}
          style={{ padding: '16px 0' }}
        />
      ) : (
        <>
          {mine.remindedAt && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={`上级工会已于 ${formatMinute(mine.remindedAt)} 催办`}
              description={`请尽快核对并更新本单位的${what}，完成后点击“确认已完成更新”。`}
            />
          )}
          <Typography.Paragraph>
            请核对本单位的{what}，如有变化请先在{inspection.kind === 'org' ? '“组织管理”' : '“会员管理”'}中更新，全部无误后再确认。确认后不能撤销。
          </Typography.Paragraph>
          {overdue && (
            <Typography.Paragraph type="danger">已超过截止日期，仍可确认，但将记为逾期确认。</Typography.Paragraph>
          )}
          {canConfirm ? (
            <Popconfirm
              title="确认已完成更新"
              description={<div style={{ maxWidth: 280 }}>确认本单位的{what}已核对并更新完毕？确认后不能撤销，上级工会将看到本单位“已确认”。</div>}
              okText="确认"
              cancelText="取消"
              onConfirm={() => confirm.mutateAsync().catch(() => undefined)}
            >
              <Button type="primary" icon={<CheckCircleOutlined />} loading={confirm.isPending}>
                确认已完成更新
              </Button>
            </Popconfirm>
          ) : (
            <Typography.Text type="secondary">当前岗位只能查看，需由有编辑权限的岗位确认。</Typography.Text>
          )}
        </>
      )}
    </Card>
  );
}
