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
export function ResultDownloadButton({ task }: { task: ImportTask }) {
  if (!task.hasResultFile) return null;
  return (
    <Button icon={<DownloadOutlined />} href={memberImportsApi.resultUrl(task.id)}>
      {resultFileLabel(task)}
    </Button>
  );
}
