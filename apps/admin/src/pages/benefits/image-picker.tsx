import { PictureOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Image, Space, Upload } from 'antd';
import { useEffect, useMemo } from 'react';
import { MAX_BENEFIT_IMAGE_BYTES, benefitImageMimes } from '@gonghui/contracts';

interface Props {
  /** A newly picked file, not yet uploaded. */
  value?: File | null;
  onChange?: (file: File | null) => void;
  /** The image stored now, if any. */
  currentUrl?: string | null;
  label: string;
  testId?: string;
}

/**
 * An image field (营业执照, 商家Logo, 活动封面): the stored image or the newly picked one as a
 * thumbnail (click to enlarge), and 选择图片. PNG or JPEG up to 5 MB is checked here as the server
 * checks it, so a wrong file is answered at once; the form uploads the file after saving the record.
 */
export function ImagePicker({ value, onChange, currentUrl, label, testId }: Props) {
  const { message } = App.useApp();
  const pickedUrl = useMemo(() => (value ? URL.createObjectURL(value) : null), [value]);
  useEffect(() => () => void (pickedUrl && URL.revokeObjectURL(pickedUrl)), [pickedUrl]);
  const shown = pickedUrl ?? currentUrl ?? null;
  return (
    <Space align="start" size={16} data-testid={testId}>
      <div className="image-picker-thumb">
        {shown ? <Image src={shown} alt={label} width={128} height={96} style={{ objectFit: 'contain' }} /> : <PictureOutlined className="image-picker-empty" aria-label={`未上传${label}`} />}
      </div>
      <Space direction="vertical" size={4}>
        <Upload
          accept=".png,.jpg,.jpeg,image/png,image/jpeg"
          showUploadList={false}
          maxCount={1}
          beforeUpload={(file) => {
            if (!(benefitImageMimes as readonly string[]).includes(file.type)) {
              message.error(`${label}只支持 PNG 或 JPEG 格式的图片`);
              return Upload.LIST_IGNORE;
            }
            if (file.size > MAX_BENEFIT_IMAGE_BYTES) {
              message.error(`${label}不能超过 5 MB`);
              return Upload.LIST_IGNORE;
            }
            onChange?.(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{shown ? '更换图片' : '选择图片'}</Button>
        </Upload>
        {value && (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onChange?.(null)}>
            取消更换
          </Button>
        )}
        <span className="muted" style={{ fontSize: 12 }}>
          PNG 或 JPEG，不超过 5 MB{value ? '；保存后上传' : ''}
        </span>
      </Space>
    </Space>
  );
}
