import { Alert, Steps, type StepsProps } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import type { ImportTask } from '@gonghui/contracts';
import { checkingText } from './import-tags';
import { isFileTask } from './import-words';
import { resultFileLabel } from './result-download-button';

const n = (v: number) => v.toLocaleString('zh-CN');
/** The parts that are not zero, joined with a Chinese comma. */
const listOf = (parts: (string | 0)[]) => parts.filter(Boolean).join('，');

/**
 * Where the task stands: 提交 → 校验 → 预览确认 → 导入 → 完成. The server cannot know a file's row
 * count before reading it, so checking shows the rows looked at so far instead of a percentage.
 */
export function ImportSteps({ task }: { task: ImportTask }) {
  const spin = { icon: <LoadingOutlined /> };
  const writes = task.counts.new + task.counts.update;
  const check: NonNullable<StepsProps['items']>[number] = {
    title: '后台校验',
    description:
      task.status === 'queued' ? '排队中' : task.status === 'checking' ? checkingText(task) : task.status === 'failed' ? '执行失败' : `共 ${n(task.counts.total)} 行`,
    ...(task.status === 'queued' || task.status === 'checking' ? spin : {}),
  };
  const confirm = { title: '预览确认', description: task.status === 'cancelled' ? '已取消' : task.status === 'ready' ? '等待确认导入' : undefined };
  const transfer = task.kind === 'transfer_in';
  const write = {
    title: transfer ? '提交转会审核' : '写入会员库',
    description: task.status === 'committing' ? (transfer ? `正在提交 ${n(writes)} 人` : `正在写入 ${n(writes)} 行`) : undefined,
    ...(task.status === 'committing' ? spin : {}),
  };
  const done = { title: '完成' };

  const at: Record<ImportTask['status'], [current: number, status: StepsProps['status']]> = {
    queued: [1, 'process'],
    checking: [1, 'process'],
    failed: [1, 'error'],
    ready: [2, 'process'],
    cancelled: [2, 'error'],
    committing: [3, 'process'],
    done: [4, 'finish'],
  };
  const [current, status] = at[task.status];
  return <Steps size="small" current={current} status={status} items={[{ title: '提交' }, check, confirm, write, done]} style={{ marginBottom: 16 }} />;
}

/** One sentence on what the operator can do now. */
export function ImportStatusAlert({ task }: { task: ImportTask }) {
  const c = task.counts;
  const skipped = c.conflict + c.error;
  const file = isFileTask(task.kind);
  if (task.kind === 'transfer_in') return <TransferStatusAlert task={task} />;
  switch (task.status) {
    case 'queued':
    case 'checking':
      return (
        <Alert
          type="info"
          showIcon
          message={file ? '正在后台逐行校验采集表' : '正在查找绑定该组织机构代码的人员'}
          description="可以离开此页面，校验在后台继续；完成后可在“采集任务”中打开本任务预览并确认导入。"
        />
      );
    case 'failed':
      return <Alert type="error" showIcon message="执行失败，未写入任何会员数据" description={task.error ?? '请修改后重新提交'} />;
    case 'cancelled':
      return <Alert type="info" showIcon message="任务已取消，未写入任何会员数据" />;
    case 'committing':
      return <Alert type="info" showIcon message={`正在写入 ${n(c.new + c.update)} 名会员的信息，请稍候`} description="全部写入或全部不写入；可以离开此页面。" />;
    case 'done':
      return (
        <Alert
          type="success"
          showIcon
          message={`导入完成：${listOf([c.new && `新增 ${n(c.new)} 名会员`, c.update && `更新 ${n(c.update)} 名会员的信息`])}`}
          description={
            skipped > 0
              ? `${listOf([c.conflict && `冲突 ${n(c.conflict)} 行`, c.error && `错误 ${n(c.error)} 行`])}未导入，原因见下表${file ? `或“${resultFileLabel(task)}”` : ''}；修改后可重新提交这些人员。`
              : undefined
          }
        />
      );
    case 'ready':
      if (task.error) return <Alert type="warning" showIcon message="上次确认导入未成功" description={task.error} />;
      if (c.new + c.update === 0)
        return (
          <Alert
            type="warning"
            showIcon
            message="没有可以导入的行"
            description={file ? `全部 ${n(c.total)} 行均为冲突或错误。请“${resultFileLabel(task)}”查看每一行的原因，修改采集表后重新上传，并取消本任务。` : '查到的人员均不能导入，原因见下表。'}
          />
        );
      return (
        <Alert
          type="info"
          showIcon
          message="校验完成，请核对每一行的判定后确认导入"
          description={
            skipped > 0
              ? `确认导入将写入 ${n(c.new + c.update)} 行；冲突和错误的 ${n(skipped)} 行不导入${file ? '，可下载校验结果修改后重新上传' : ''}。`
              : `全部 ${n(c.total)} 行均可导入。`
          }
        />
      );
  }
}

/** The same for a transfer-in task: committing submits one transfer review per row that can move. */
function TransferStatusAlert({ task }: { task: ImportTask }) {
  const c = task.counts;
  const skipped = c.conflict + c.error;
  const skippedText = listOf([c.conflict && `冲突 ${n(c.conflict)} 行`, c.error && `错误 ${n(c.error)} 行`]);
  switch (task.status) {
    case 'queued':
    case 'checking':
      return <Alert type="info" showIcon message="正在后台逐行校验转入名单" description="可以离开此页面，校验在后台继续；完成后可在“采集任务”中打开本任务预览并确认。" />;
    case 'failed':
      return <Alert type="error" showIcon message="执行失败，未提交任何转会" description={task.error ?? '请修改后重新提交'} />;
    case 'cancelled':
      return <Alert type="info" showIcon message="任务已取消，未提交任何转会" />;
    case 'committing':
      return <Alert type="info" showIcon message={`正在为 ${n(c.new)} 人提交转会审核，请稍候`} description="全部提交或全部不提交；可以离开此页面。" />;
    case 'done':
      return (
        <Alert
          type="success"
          showIcon
          message={`已为 ${n(c.new)} 人提交转会审核，转出工会审核同意后转入本工会`}
          description={
            <>
              审核进度见“会员管理 → 转会记录”。
              {skipped > 0 && `${skippedText}未提交，原因见下表或“${resultFileLabel(task)}”。`}
            </>
          }
        />
      );
    case 'ready':
      if (task.error) return <Alert type="warning" showIcon message="上次确认未成功" description={task.error} />;
      if (c.new === 0)
        return <Alert type="warning" showIcon message="没有可以转入的人员" description={`全部 ${n(c.total)} 行均为冲突或错误。请“${resultFileLabel(task)}”查看原因，修改后重新上传，并取消本任务。`} />;
      return (
        <Alert
          type="info"
          showIcon
          message="校验完成，请核对每一行后确认提交转会审核"
          description={skipped > 0 ? `确认后为 ${n(c.new)} 人提交转会审核；${skippedText}不提交。` : `全部 ${n(c.total)} 人均可转入。`}
        />
      );
  }
}
