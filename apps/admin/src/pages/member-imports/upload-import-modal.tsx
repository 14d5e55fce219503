import { Alert, Button, Descriptions, Modal, Typography, Upload, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { MAX_TRANSFER_IMPORT_ROWS } from '@gonghui/contracts';
import { errorMessage } from '../../api/client';
import { memberImportsApi, type ImportSubmitted } from '../../api/member-imports';
import { transfersApi } from '../../api/transfers';
import { FormAlert } from '../../components/form-alert';
import { useOpenSubmitted } from './use-open-submitted';

/** The server's limits (seed 001 采集表说明); checked here first so a wrong file is not sent at all. */
const MAX_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 100_000;

/** The two workbooks a union uploads: its member collection template, and the transfer-in list. */
export type UploadKind = 'template' | 'transfer_in';

interface KindSpec {
  title: string;
  /** Where the people go, above the rules. */
  targetLabel: string;
  upload: (orgId: string, file: File) => Promise<ImportSubmitted>;
  templateUrl: (orgId: string) => string;
  templateName: string;
  /** What the dragger asks for. */
  fileWord: string;
  rules: (template: ReactNode) => ReactNode[];
}

const specs: Record<UploadKind, KindSpec> = {
  template: {
    title: '模板导入会员',
    targetLabel: '导入到',
    upload: memberImportsApi.upload,
    templateUrl: (orgId) => `/api/orgs/${orgId}/members/template`,
    templateName: '下载采集表',
    fileWord: '采集表',
    rules: (template) => [
      <>请使用本工会的会员信息采集表填写（{template}），不要修改表头和工作表名称。</>,
      `文件为 .xlsx 格式，不超过 20 MB，数据不超过 ${MAX_ROWS.toLocaleString('zh-CN')} 行。`,
      '证件号码列须为文本格式（采集表已设置），否则 Excel 会把号码变成科学计数法或把末几位变成 0。',
      '上传后系统在后台逐行校验，可离开此页面；校验完成后预览每一行是新增、更新、冲突还是错误，确认导入后才写入会员库，冲突和错误的行不导入。',
    ],
  },
  transfer_in: {
    title: '批量转入会员',
    targetLabel: '转入到',
    upload: transfersApi.upload,
    templateUrl: transfersApi.templateUrl,
    templateName: '下载转入模板',
    fileWord: '转入名单',
    rules: (template) => [
      <>请使用会员转入模板填写（{template}），每行一人：姓名、证件类型、证件号码和转入原因。</>,
      `文件为 .xlsx 格式，每个文件不超过 ${MAX_TRANSFER_IMPORT_ROWS.toLocaleString('zh-CN')} 行；本工会上一批转入处理完之前不能再导入。`,
      '姓名和证件号码须与会员库中的人员一致，此人须是其他工会的有效会员。',
      '上传后系统在后台逐行校验；确认后为每名可转入的人员提交转会审核，由转出工会（或其上级工会）审核同意后转入本工会。',
    ],
  },
};

/** Why a chosen file cannot be uploaded, or null. */
function fileProblem(file: File): string | null {
  if (!/\.xlsx$/i.test(file.name)) return '请选择 .xlsx 格式的 Excel 文件（.xls、.csv 和 WPS 格式请先在 Excel 中另存为 .xlsx）';
  if (file.size === 0) return '文件是空的，请重新选择';
  if (file.size > MAX_BYTES) return `文件为 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 20 MB，请拆分后分批导入`;
  return null;
}

interface Props {
  kind?: UploadKind;
  orgId: string;
  orgName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * "模板导入会员" (seed 002 4.1 2) and "批量转入" (seed 002 4.2): choose a filled workbook and upload
 * it; the server checks it in the background and the task's page shows the preview. Mount afresh
 * for every opening.
 */
export function UploadImportModal({ kind = 'template', orgId, orgName, open, onOpenChange }: Props) {
  const spec = specs[kind];
  const openSubmitted = useOpenSubmitted();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const fileList: UploadFile[] = file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : [];

  const submit = async () => {
    if (!file) {
      setProblem(`请先选择要上传的${spec.fileWord}`);
      return;
    }
    setProblem(null);
    setUploading(true);
    try {
      openSubmitted(await spec.upload(orgId, file), '该文件已提交过，已为您打开原任务');
      onOpenChange(false);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Modal
      title={spec.title}
      open={open}
      width={600}
      maskClosable={false}
      destroyOnHidden
      onCancel={() => onOpenChange(false)}
      footer={[
        <Button key="cancel" onClick={() => onOpenChange(false)} disabled={uploading}>
          取消
        </Button>,
        <Button key="upload" type="primary" loading={uploading} disabled={!file} onClick={() => void submit()}>
          上传并校验
        </Button>,
      ]}
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={[{ key: 'org', label: spec.targetLabel, children: <strong>{orgName}</strong> }]} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="导入须知"
        description={
          <ol className="import-rules">
            {spec.rules(<Typography.Link href={spec.templateUrl(orgId)} data-testid="upload-template-link">{spec.templateName}</Typography.Link>).map((rule, i) => (
              <li key={i}>{rule}</li>
            ))}
          </ol>
        }
      />
      <FormAlert message={problem} />
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        maxCount={1}
        disabled={uploading}
        fileList={fileList}
        beforeUpload={(chosen) => {
          const why = fileProblem(chosen);
          setProblem(why);
          if (why) return Upload.LIST_IGNORE;
          setFile(chosen);
          return false; // sent with the 上传 button, not at once
        }}
        onRemove={() => {
          setFile(null);
          setProblem(null);
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或将{spec.fileWord}拖到此处</p>
        <p className="ant-upload-hint">仅支持 .xlsx，一次一个文件，不超过 20 MB</p>
      </Upload.Dragger>
    </Modal>
  );
}
