import { importVerdictLabels, importVerdicts, type ImportKind, type ImportVerdict } from '@gonghui/contracts';

/**
 * What a task's rows are called by kind. A transfer-in task (转入) does not add members itself: a
 * 'new' row is one that can be transferred in, and committing submits one transfer review per row;
 * it has no 'update' rows.
 */
export const verdictsOf = (kind: ImportKind): readonly ImportVerdict[] => (kind === 'transfer_in' ? importVerdicts.filter((v) => v !== 'update') : importVerdicts);

export function verdictLabel(kind: ImportKind, verdict: ImportVerdict): string {
  if (kind === 'transfer_in' && verdict === 'new') return '可转入';
  return importVerdictLabels[verdict] ?? verdict;
}

/** What each kind of row means, before and after the commit. */
export function verdictHint(kind: ImportKind, verdict: ImportVerdict, committed: boolean): string {
  const hints: Record<ImportVerdict, [before: string, after: string]> =
    kind === 'transfer_in'
      ? {
          new: ['可转入，确认后提交转会审核', '已提交转会审核'],
          update: ['', ''],
          conflict: ['不能转入，原因见下表', '未提交'],
          error: ['填写有误，不转入', '未提交'],
        }
      : {
          new: ['确认后加入本工会', '已加入本工会'],
          update: ['已是本工会会员，确认后更新信息', '已更新信息'],
          conflict: ['与已有会员数据冲突，不导入', '未导入'],
          error: ['填写有误，不导入', '未导入'],
        };
  return hints[verdict][committed ? 1 : 0];
}

/** A file was uploaded (template or transfer list), as opposed to an organisation-code lookup. */
export const isFileTask = (kind: ImportKind) => kind !== 'org_code';
