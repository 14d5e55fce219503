import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Select, Space, Statistic, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { activitiesApi, type Activity } from '../../api/benefits';
import { formatMinute } from '../../utils/format';
import { yuanLabel } from './money';
import { useMerchantOptions } from './use-merchant-options';

/**
 * 领取与核销 (seed 001 二(六)): stock, claimed, redeemed, forfeited (视为放弃) and unclaimed, and
 * the settlement workbook (结算导出) for all merchants or one, once the deadline has passed.
 */
export function ActivitySettlementCard({ activity }: { activity: Activity }) {
  const q = useQuery({ queryKey: ['activity-settlement', activity.id], queryFn: () => activitiesApi.settlement(activity.id), enabled: activity.status === 'approved' });
  const [merchantId, setMerchantId] = useState<string | undefined>(undefined);
  const merchants = useMerchantOptions();
  const s = q.data;
  const ready = s?.ready ?? activity.settlementReady;
  const download = (
    <Button type="primary" icon={<DownloadOutlined />} href={ready ? activitiesApi.settlementUrl(activity.id, merchantId) : undefined} disabled={!ready} data-testid="settlement-download">
      结算导出
    </Button>
  );
  return (
    <Card title="领取与核销" size="small" style={{ marginBottom: 16 }}>
      {activity.status !== 'approved' ? (
        <span className="muted">活动审核通过并开启后，这里显示领取和核销情况。</span>
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col span={8}><Statistic title="奖品总数" value={s?.stock ?? '—'} /></Col>
            <Col span={8}><Statistic title="已领取" value={s?.claimed ?? '—'} /></Col>
            <Col span={8}><Statistic title="已核销" value={s?.redeemed ?? '—'} valueStyle={{ color: '#16a05d' }} /></Col>
            <Col span={8}><Statistic title={ready ? '视为放弃' : '待核销'} value={s ? (ready ? s.forfeited : s.outstanding) : '—'} /></Col>
            <Col span={8}><Statistic title="未领取" value={s?.unclaimed ?? '—'} /></Col>
            <Col span={8}><Statistic title="核销金额" value={s ? yuanLabel(s.redeemedValueFen) : '—'} /></Col>
          </Row>
          <Alert
            style={{ margin: '12px 0' }}
            type={ready ? 'success' : 'info'}
            showIcon
            message={ready ? '领取期限已结束，可导出核销明细作为结算入帐凭证' : `领取期限结束（${formatMinute(s?.deadline ?? activity.deadline)}）后可导出结算明细`}
            description="按实际核销数量与商家结算；逾期未领取、未核销的视为自动放弃。"
          />
          <Space wrap>
            <Select
              allowClear
              placeholder="全部商家"
              style={{ width: 220 }}
              value={merchantId}
              onChange={setMerchantId}
              options={merchants.options}
              loading={merchants.loading}
              showSearch
              optionFilterProp="label"
              aria-label="按商家导出"
            />
            {ready ? download : <Tooltip title="领取期限结束后才能导出">{download}</Tooltip>}
          </Space>
        </>
      )}
    </Card>
  );
}
