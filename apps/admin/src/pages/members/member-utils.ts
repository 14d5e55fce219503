import { checkIdNumber, operatorStatusTransitions, type IdType, type MembershipStatus } from '@gonghui/contracts';

export type OperatorStatus = 'transferred_out' | 'retained';

/** The contracts' transition table; the server has the last word and explains a refusal. */
export function canChangeTo(from: MembershipStatus, to: OperatorStatus): boolean {
  return operatorStatusTransitions[to].includes(from);
}

export const statusActionLabels: Record<OperatorStatus, string> = { transferred_out: '转出', retained: '保留' };

/** Who may be transferred to another union (转会): members who have not left and are not already moving. */
export function canTransfer(status: MembershipStatus): boolean {
  return status === 'joined' || status === 'transferred_in' || status === 'retained';
}

/** Document types whose numbers may carry sex and birth date (the 18-digit layouts). */
const encodingTypes: readonly IdType[] = ['resident_id', 'hmt_residence_permit', 'foreign_permanent_id'];
/** Types whose numbers always carry them. */
const alwaysEncodingTypes: readonly IdType[] = ['resident_id', 'hmt_residence_permit'];

export interface DocumentFacts {
  /** The number as the server will store it, when it passes its type's check. */
  value?: string;
  sex?: 'male' | 'female';
  birthDate?: string;
  /** Sex and birth date come from the number: the form shows them and does not ask. */
  derived: boolean;
}

/**
 * What a typed document number tells, checked with the server's own rule. A resident ID (and the
 * permits with its layout) fixes sex and birth date; other documents leave them to the user.
 */
export function documentFacts(idType: IdType | undefined, idNumber: string | undefined): DocumentFacts {
  const type = idType ?? 'resident_id';
  if (idNumber && encodingTypes.includes(type)) {
    const r = checkIdNumber(idNumber, type);
    if (r.ok && r.sex && r.birthDate) return { value: r.value, sex: r.sex, birthDate: r.birthDate, derived: true };
  }
  return { derived: alwaysEncodingTypes.includes(type) };
}

/**
 * For a saved member, whose number the console sees only masked: does the document fix sex and
 * birth date? (The foreigner card does only in its 18-digit 2023 layout; masking keeps the length.)
 */
export function storedDocumentEncodesFacts(idType: IdType, idNumberMasked: string): boolean {
  if (alwaysEncodingTypes.includes(idType)) return true;
  return idType === 'foreign_permanent_id' && Array.from(idNumberMasked).length === 18;
}
