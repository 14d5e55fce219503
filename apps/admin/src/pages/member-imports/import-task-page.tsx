import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Descriptions, Result, Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ImportVerdict } from '@gonghui/contracts';
import { ApiError } from '../../api/client';
import { importTaskKey, isImportBusy, memberImportsApi } from '../../api/member-imports';
import { formatDateTime } from '../../utils/format';
import { ImportRowsTable } from './import-rows-table';
import { ImportStatusAlert, ImportSteps } from './import-progress';
import { ImportKindTag, ImportStatusTag } from './import-tags';
import { ImportTaskActions } from './import-task-actions';
import { VerdictCards } from './verdict-cards';

/** Rows exist to be previewed from the end of the check until the task is gone. */
const hasRows = (status: string) => status === 'ready' || status === 'committing' || status === 'done';

/**
 * 采集任务 → one task: where it stands (polled while the server works), the counts per verdict,
 * every row with what it will do or did, and 确认导入 / 取消任务 / the result file.
 */
export function ImportTaskPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [verdict, setVerdict] = useState<ImportVerdict | undefined>();
  const query = useQuery({
    queryKey: importTaskKey(id),
    queryFn: () => memberImportsApi.get(id),
    refetchInterval: (q) => (q.state.data && isImportBusy(q.state.data.status) ? 1500 : false),
  });
  const task = query.data;
  const back = () => navigate('/member-imports');
  const breadcrumb = { items: [{ title: '会员管理' }, { title: <Link to="/member-imports">采集任务</Link> }, { title: '任务详情' }] };

  if (!task) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <PageContainer title="任务详情" breadcrumb={breadcrumb} onBack={back}>
        <Card>
          {query.error ? (
            <Result
              status={notFound ? '404' : 'error'}
              title={notFound ? '任务不存在或不在您的管辖范围内' : '任务加载失败'}
              subTitle={notFound ? undefined : (query.error as Error).message}
              extra={notFound ? <Button onClick={back}>返回采集任务</Button> : <Button onClick={() => void query.refetch()}>重试</Button>}
            />
          ) : (
            <Skeleton active />
          )}
        </Card>
      </PageContainer>
    );
  }

  return (
    <PageContainer
      title={task.fileName}
      tags={<ImportStatusTag task={task} progress={false} />}
      breadcrumb={breadcrumb}
      onBack={back}
      extra={<ImportTaskActions task={task} />}
      content={
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'org', label: '所属工会', children: task.orgName },
            { key: 'kind', label: '任务类型', children: <ImportKindTag kind={task.kind} /> },
            { key: 'by', label: '提交人', children: task.submittedBy },
            { key: 'at', label: '提交时间', children: formatDateTime(task.submittedAt) },
            { key: 'updated', label: '状态更新时间', children: formatDateTime(task.updatedAt) },
            ...(task.committedAt ? [{ key: 'committed', label: '导入时间', children: formatDateTime(task.committedAt) }] : []),
          ]}
        />
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <ImportSteps task={task} />
        <ImportStatusAlert task={task} />
      </Card>
      {hasRows(task.status) && (
        <>
          <VerdictCards kind={task.kind} counts={task.counts} committed={task.status === 'done'} selected={verdict} onSelect={setVerdict} />
          <ImportRowsTable task={task} verdict={verdict} onVerdictChange={setVerdict} />
        </>
      )}
    </PageContainer>
  );
}
