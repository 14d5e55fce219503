import { Alert, Button, Descriptions, Modal, Typography, Upload, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { memberImportsApi } from '../../api/member-imports';
import { FormAlert } from '../../components/form-alert';
import { useOpenSubmitted } from './use-open-submitted';

/** The server's limits (seed 001 采集表说明); checked here first so a wrong file is not sent at all. */
const MAX_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 100_000;

/** Why a chosen file cannot be uploaded, or null. */
function fileProblem(file: File): string | null {
  if (!/\.xlsx$/i.test(file.name)) return '请选择 .xlsx 格式的 Excel 文件（.xls、.csv 和 WPS 格式请先在 Excel 中另存为 .xlsx）';
  if (file.size === 0) return '文件是空的，请重新选择';
  if (file.size > MAX_BYTES) return `文件为 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 20 MB，请拆分后分批导入`;
  return null;
}

interface Props {
  orgId: string;
  orgName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * "模板导入会员" (seed 002 4.1 2): choose a filled collection template and upload it; the server
 * checks it in the background and the task's page shows the preview. Mount afresh for every opening.
 */
export function UploadImportModal({ orgId, orgName, open, onOpenChange }: Props) {
  const openSubmitted = useOpenSubmitted();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const fileList: UploadFile[] = file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : [];

  const submit = async () => {
    if (!file) {
      setProblem('请先选择要上传的采集表');
      return;
    }
    setProblem(null);
    setUploading(true);
    try {
      openSubmitted(await memberImportsApi.upload(orgId, file), '该文件已提交过，已为您打开原任务');
      onOpenChange(false);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Modal
      title="模板导入会员"
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
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={[{ key: 'org', label: '导入到', children: <strong>{orgName}</strong> }]} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="导入须知"
        description={
          <ol className="import-rules">
            <li>
              请使用本工会的会员信息采集表填写（
              <Typography.Link href={`/api/orgs/${orgId}/members/template`}>下载采集表</Typography.Link>
              ），不要修改表头和工作表名称。
            </li>
            <li>文件为 .xlsx 格式，不超过 20 MB，数据不超过 {MAX_ROWS.toLocaleString('zh-CN')} 行。</li>
            <li>证件号码列须为文本格式（采集表已设置），否则 Excel 会把号码变成科学计数法或把末几位变成 0。</li>
            <li>上传后系统在后台逐行校验，可离开此页面；校验完成后预览每一行是新增、更新、冲突还是错误，确认导入后才写入会员库，冲突和错误的行不导入。</li>
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
        <p className="ant-upload-text">点击或将采集表拖到此处</p>
        <p className="ant-upload-hint">仅支持 .xlsx，一次一个文件，不超过 20 MB</p>
      </Upload.Dragger>
    </Modal>
  );
}
