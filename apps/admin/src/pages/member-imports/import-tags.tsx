import { Tag } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { importKindLabels, importStatusLabels, type ImportKind, type ImportStatus, type ImportTask, type ImportVerdict } from '@gonghui/contracts';
import { verdictLabel } from './import-words';

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

/** While checking: how many rows have been looked at so far (an organisation-code lookup has no rows to count). */
export function checkingText(task: Pick<ImportTask, 'kind' | 'processed'>): string {
  if (task.kind === 'org_code') return '正在查找人员';
  return task.processed > 0 ? `已校验 ${task.processed.toLocaleString('zh-CN')} 行` : '正在读取文件';
}

/** The task's status; in a list, while checking, how far the check has got under it. */
export function ImportStatusTag({ task, progress = true }: { task: Pick<ImportTask, 'status' | 'kind' | 'processed'>; progress?: boolean }) {
  const busy = task.status === 'checking' || task.status === 'committing';
  const tag = (
    <Tag color={statusColors[task.status]} icon={busy ? <SyncOutlined spin /> : undefined} className="nowrap">
      {importStatusLabels[task.status] ?? task.status}
    </Tag>
  );
  if (!progress || task.status !== 'checking') return tag;
  return (
    <div className="nowrap">
      {tag}
      <div className="muted" style={{ fontSize: 12 }}>
        {checkingText(task)}
      </div>
    </div>
  );
}

export function ImportVerdictTag({ kind, verdict }: { kind: ImportKind; verdict: ImportVerdict }) {
  return <Tag color={verdictTagColors[verdict]}>{verdictLabel(kind, verdict)}</Tag>;
}

const kindColors: Record<ImportKind, string> = { template: 'geekblue', org_code: 'purple', transfer_in: 'cyan' };
export function ImportKindTag({ kind }: { kind: ImportKind }) {
  return <Tag color={kindColors[kind]}>{importKindLabels[kind] ?? kind}</Tag>;
}
