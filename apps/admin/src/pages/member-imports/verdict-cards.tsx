import { Card, Col, Row, Statistic } from 'antd';
import type { ImportCounts, ImportKind, ImportVerdict } from '@gonghui/contracts';
import { verdictColors } from './import-tags';
import { verdictHint, verdictLabel, verdictsOf } from './import-words';

interface Props {
  kind: ImportKind;
  counts: ImportCounts;
  committed: boolean;
  selected: ImportVerdict | undefined;
  /** A card picks its verdict as the table's filter; picking it again shows every row. */
  onSelect: (verdict: ImportVerdict | undefined) => void;
}

/** 新增 / 更新 / 冲突 / 错误 (可转入 / 冲突 / 错误): how many rows of each, and a click filters the rows below. */
export function VerdictCards({ kind, counts, committed, selected, onSelect }: Props) {
  const verdicts = verdictsOf(kind);
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      {verdicts.map((v) => {
        const on = selected === v;
        return (
          <Col key={v} xs={12} lg={24 / verdicts.length}>
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
                title={verdictLabel(kind, v)}
                value={counts[v]}
                suffix="行"
                valueStyle={{ color: counts[v] > 0 ? verdictColors[v] : '#bfbfbf' }}
              />
              <div className="muted verdict-card-hint">{verdictHint(kind, v, committed)}</div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
