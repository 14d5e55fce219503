import { Tag } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { importKindLabels, importStatusLabels, importVerdictLabels, type ImportKind, type ImportStatus, type ImportTask, type ImportVerdict } from '@gonghui/contracts';

/** Colours of 任务状态: blue while the server works, gold waiting for the operator, green done, red failed. */
const statusColors: Record<ImportStatus, string> = {
  queued: 'default',
  checking: 'processing',
  ready: 'gold',
  committing: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** Colours of a row's verdict, shared by the tags, the statistic cards and the count columns. */
export const verdictColors: Record<ImportVerdict, string> = { new: '#389e0d', update: '#0958d9', conflict: '#d46b08', error: '#cf1322' };
const verdictTagColors: Record<ImportVerdict, string> = { new: 'success', update: 'processing', conflict: 'warning', error: 'error' };

/** The task's status; while checking, how many rows have been looked at so far. */
export function ImportStatusTag({ task }: { task: Pick<ImportTask, 'status' | 'processed'> }) {
  const busy = task.status === 'checking' || task.status === 'committing';
  return (
    <Tag color={statusColors[task.status]} icon={busy ? <SyncOutlined spin /> : undefined} className="nowrap">
      {importStatusLabels[task.status] ?? task.status}
      {task.status === 'checking' && task.processed > 0 && `（已校验 ${task.processed.toLocaleString('zh-CN')} 行）`}
    </Tag>
  );
}

export function ImportVerdictTag({ verdict }: { verdict: ImportVerdict }) {
  return <Tag color={verdictTagColors[verdict]}>{importVerdictLabels[verdict] ?? verdict}</Tag>;
}

export function ImportKindTag({ kind }: { kind: ImportKind }) {
  return <Tag color={kind === 'template' ? 'geekblue' : 'purple'}>{importKindLabels[kind] ?? kind}</Tag>;
}
