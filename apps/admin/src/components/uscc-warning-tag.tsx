import { Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';

/** The USCC's check digit does not match: kept as entered, flagged for review. */
export function UsccWarningTag() {
  return (
    <Tooltip title="统一社会信用代码的校验位与国家标准（GB 32100）计算结果不一致，已按填写内容保存，请核实。">
      <Tag color="warning" icon={<WarningOutlined />}>
        校验位不符，待核实
      </Tag>
    </Tooltip>
  );
}
