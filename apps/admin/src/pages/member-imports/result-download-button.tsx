import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ImportTask } from '@gonghui/contracts';
import { memberImportsApi } from '../../api/member-imports';

/** Before the commit the file says what each row will do; after it, what each row did. */
export const resultFileLabel = (task: Pick<ImportTask, 'status'>) => (task.status === 'done' ? '下载导入结果' : '下载校验结果');

/**
 * The uploaded workbook with a result column, as a plain link like the template download: the
 * browser fetches it with the session cookie. Nothing is shown while the task has no result file.
 */
export function ResultDownloadButton({ task, variant = 'button' }: { task: ImportTask; variant?: 'button' | 'link' }) {
  if (!task.hasResultFile) return null;
  const href = memberImportsApi.resultUrl(task.id);
  return variant === 'link' ? (
    <Button type="link" size="small" href={href}>
      {resultFileLabel(task)}
    </Button>
  ) : (
    <Button icon={<DownloadOutlined />} href={href}>
      {resultFileLabel(task)}
    </Button>
  );
}
