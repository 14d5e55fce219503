import { Card, Col, Row, Statistic } from 'antd';
import { importVerdictLabels, importVerdicts, type ImportCounts, type ImportVerdict } from '@gonghui/contracts';
import { verdictColors } from './import-tags';

/** What each kind of row means, before and after the commit. */
const hints: Record<ImportVerdict, [before: string, after: string]> = {
  new: ['确认后加入本工会', '已加入本工会'],
  update: ['已是本工会会员，确认后更新信息', '已更新信息'],
  conflict: ['与已有会员数据冲突，不导入', '未导入'],
  error: ['填写有误，不导入', '未导入'],
};

interface Props {
  counts: ImportCounts;
  committed: boolean;
  selected: ImportVerdict | undefined;
  /** A card picks its verdict as the table's filter; picking it again shows every row. */
  onSelect: (verdict: ImportVerdict | undefined) => void;
}

/** 新增 / 更新 / 冲突 / 错误: how many rows of each, and a click filters the rows below. */
export function VerdictCards({ counts, committed, selected, onSelect }: Props) {
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      {importVerdicts.map((v) => {
        const on = selected === v;
        return (
          <Col key={v} xs={12} lg={6}>
            <Card
              size="small"
              hoverable
              role="button"
              tabIndex={0}
              aria-pressed={on}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(on ? undefined : v);
                }
              }}
              data-testid={`verdict-card-${v}`}
              onClick={() => onSelect(on ? undefined : v)}
              className="verdict-card"
              style={on ? { borderColor: verdictColors[v], boxShadow: `0 0 0 1px ${verdictColors[v]}` } : undefined}
            >
              <Statistic
                title={importVerdictLabels[v]}
                value={counts[v]}
                suffix="行"
                valueStyle={{ color: counts[v] > 0 ? verdictColors[v] : '#bfbfbf' }}
              />
              <div className="muted verdict-card-hint">{hints[v][committed ? 1 : 0]}</div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
