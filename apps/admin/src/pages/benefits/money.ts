import { faceValueYuan } from '@gonghui/contracts';

/** A face value as the console lists it: ¥50 / ¥12.50 (the conversions are the contracts' money rules). */
export function yuanLabel(fen: number): string {
  return `¥${faceValueYuan(fen)}`;
}
