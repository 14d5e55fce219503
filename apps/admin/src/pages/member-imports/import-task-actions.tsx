import { App, Button, Popconfirm, Space } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportTask } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { importTaskKey, memberImportsApi } from '../../api/member-imports';
import { usePermission } from '../../hooks/use-session';
import { ResultDownloadButton } from './result-download-button';

const n = (v: number) => v.toLocaleString('zh-CN');

/** 确认导入 and 取消任务 (a ready task, with member.write), and the result file. */
export function ImportTaskActions({ task }: { task: ImportTask }) {
  const canWrite = usePermission('member.write');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const c = task.counts;
  const writes = c.new + c.update;
  const skipped = c.conflict + c.error;

  const onDone = (updated: ImportTask) => queryClient.setQueryData(importTaskKey(updated.id), updated);
  const onError = (e: unknown) => {
    message.error(errorMessage(e));
    // The task may have moved on (another operator, a retry): show where it is now.
    void queryClient.invalidateQueries({ queryKey: importTaskKey(task.id) });
  };
  const commit = useMutation({
    mutationFn: () => memberImportsApi.commit(task.id),
    onSuccess: (t) => {
      message.success(t.kind === 'transfer_in' ? '已开始提交转会审核，完成后本页自动更新' : '已开始写入，完成后本页自动更新');
      onDone(t);
    },
    onError,
  });
  const cancel = useMutation({
    mutationFn: () => memberImportsApi.cancel(task.id),
    onSuccess: (t) => {
      message.success('任务已取消');
      onDone(t);
    },
    onError,
  });

  const ready = canWrite && task.status === 'ready';
  const transfer = task.kind === 'transfer_in';
  return (
    <Space wrap>
      <ResultDownloadButton task={task} />
      {ready && (
        <Popconfirm
          title="取消任务"
          placement="bottomRight"
          description={`取消后将删除本任务的预览数据和上传的文件，${transfer ? '不提交任何转会' : '不写入任何会员数据'}。确定取消？`}
          okText="取消任务"
          okButtonProps={{ danger: true }}
          cancelText="返回"
          onConfirm={() => cancel.mutateAsync().catch(() => undefined)}
        >
          <Button icon={<CloseOutlined />} loading={cancel.isPending} disabled={commit.isPending}>
            取消任务
          </Button>
        </Popconfirm>
      )}
      {ready && writes > 0 && (
        <Popconfirm
          title={transfer ? '确认转入' : '确认导入'}
          placement="bottomRight"
          description={
            transfer ? (
              <div style={{ maxWidth: 320 }}>
                将为 {n(c.new)} 人提交转会审核，由其所在工会（或上级工会）审核同意后转入本工会。
                {skipped > 0 && `冲突 ${n(c.conflict)} 行、错误 ${n(c.error)} 行不提交。`}
                确认提交？
              </div>
            ) : (
              <div style={{ maxWidth: 320 }}>
                将写入 {n(writes)} 行：新增 {n(c.new)} 名会员，更新 {n(c.update)} 名会员的信息。
                {skipped > 0 && `冲突 ${n(c.conflict)} 行、错误 ${n(c.error)} 行不导入。`}
                确认导入？
              </div>
            )
          }
          okText={transfer ? '确认转入' : '确认导入'}
          cancelText="再看看"
          onConfirm={() => commit.mutateAsync().catch(() => undefined)}
        >
          <Button type="primary" icon={<CheckOutlined />} loading={commit.isPending} disabled={cancel.isPending} data-testid="import-commit">
            {transfer ? '确认转入' : '确认导入'}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
