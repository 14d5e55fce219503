import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Empty, Segmented } from 'antd';
import type { ImportTask, ImportVerdict } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { memberImportsApi, type ImportRow } from '../../api/member-imports';
import { orDash } from '../../utils/format';
import { ImportVerdictTag } from './import-tags';
import { isFileTask, verdictLabel, verdictsOf } from './import-words';

interface Props {
  task: ImportTask;
  verdict: ImportVerdict | undefined;
  onVerdictChange: (verdict: ImportVerdict | undefined) => void;
}

const ALL = 'all';

/**
 * The task's rows, paged on the server: what each will do (or did) and why. Mounted afresh per
 * verdict (key) so a new filter starts at page 1; a status change reloads the same page.
 */
export function ImportRowsTable({ task, verdict, onVerdictChange }: Props) {
  const { message } = App.useApp();
  const file = isFileTask(task.kind);
  const columns: ProColumns<ImportRow>[] = [
    // A file's rows keep their sheet row number (1 is the header), so the operator can find them in Excel.
    { title: file ? '行号' : '序号', dataIndex: 'rowNo', width: 72, align: 'right' },
    { title: '判定', dataIndex: 'verdict', width: 72, render: (_, r) => <ImportVerdictTag kind={task.kind} verdict={r.verdict} /> },
    { title: '姓名', dataIndex: 'name', width: 100, render: (_, r) => <span className="nowrap">{orDash(r.name)}</span> },
    { title: '证件号码', dataIndex: 'idNumberMasked', width: 180, render: (_, r) => <span className="mono">{orDash(r.idNumberMasked)}</span> },
    { title: '说明', dataIndex: 'message', render: (_, r) => r.message },
    { title: '会员编号', dataIndex: 'memberNo', width: 112, render: (_, r) => <span className="mono">{orDash(r.memberNo)}</span> },
  ];
  const c = task.counts;

  return (
    <ProTable<ImportRow>
      key={verdict ?? ALL}
      rowKey="rowNo"
      columns={columns}
      size="middle"
      search={false}
      headerTitle={task.status === 'done' ? (task.kind === 'transfer_in' ? '转入结果' : '导入结果') : '逐行预览'}
      params={{ status: task.status }}
      options={{ reload: true, density: false, setting: false }}
      toolBarRender={() => [
        <Segmented<string>
          key="verdict"
          value={verdict ?? ALL}
          onChange={(v) => onVerdictChange(v === ALL ? undefined : (v as ImportVerdict))}
          options={[
            { label: `全部 ${c.total}`, value: ALL },
            ...verdictsOf(task.kind).map((v) => ({ label: `${verdictLabel(task.kind, v)} ${c[v]}`, value: v })),
          ]}
        />,
      ]}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t, [from, to]) => `第 ${from}–${to} 行，共 ${t} 行` }}
      locale={{ emptyText: <Empty description={verdict ? `没有“${verdictLabel(task.kind, verdict)}”的行` : '没有数据行'} /> }}
      request={async ({ current = 1, pageSize = 20 }) => {
        const page = await memberImportsApi.rows(task.id, { page: current, pageSize, verdict });
        return { data: page.items, total: page.total, success: true };
      }}
      onRequestError={(e) => message.error(errorMessage(e))}
    />
  );
}
