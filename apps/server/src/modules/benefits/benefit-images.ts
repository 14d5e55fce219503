import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { MAX_BENEFIT_IMAGE_BYTES, type BenefitImageMime, type StoredImageInfo } from '@gonghui/contracts';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { FileTooLargeError, type StoredFile } from '../../platform/files/file-vault.js';
import type { StoredImage } from './benefits.table.js';

/** What the first bytes of a PNG or JPEG are; the name and the browser's Content-Type prove nothing. */
function mimeOf(head: Buffer): BenefitImageMime | null {
  if (head.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))) return 'image/png';
  if (head.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex'))) return 'image/jpeg';
  return null;
}

/**
 * Stores a licence, logo or cover image encrypted in the FileVault, after checking its size and
 * magic bytes; a refused upload leaves nothing behind.
 */
export async function storeBenefitImage(deps: Deps, stream: Readable): Promise<StoredImage> {
  const id = randomUUID();
  let stored: StoredFile;
  try {
    stored = await deps.files.store(id, stream, MAX_BENEFIT_IMAGE_BYTES);
  } catch (e) {
    stream.resume();
    if (e instanceof FileTooLargeError || (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('IMAGE_TOO_LARGE');
    throw e;
  }
  try {
    if (stored.size === 0) throw new AppError('IMAGE_REJECTED', undefined, '图片是空的（0 字节），请重新选择');
    const mime = mimeOf(await deps.files.head(id, stored, 16));
    if (!mime) throw new AppError('IMAGE_REJECTED');
    return { ...stored, fileId: id, mime };
  } catch (e) {
    await deps.files.remove(id);
    throw e;
  }
}

/** The image's bytes, after checking the file on disk is the one stored. */
export async function openBenefitImage(deps: Deps, image: StoredImage | null): Promise<{ mime: string; size: number; stream: Readable }> {
  if (!image) throw new AppError('NOT_FOUND', undefined, '尚未上传图片');
  if (!(await deps.files.verify(image.fileId, image))) throw new AppError('NOT_FOUND', undefined, '图片已不在服务器上，请重新上传');
  return { mime: image.mime, size: image.size, stream: deps.files.openRange(image.fileId, image) };
}

/** What an answer says about a stored image. */
export const imageInfo = (image: StoredImage | null): StoredImageInfo | null => (image ? { mime: image.mime as BenefitImageMime, size: image.size } : null);
