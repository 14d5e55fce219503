import { maskPhone, type Merchant, type MerchantCreateBody, type MerchantImageKind, type MerchantKind, type MerchantQuery, type MerchantServiceType, type MerchantStatus, type MerchantUpdateBody } from '@gonghui/contracts';
import type { Readable } from 'node:stream';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import type { Tx } from '../../db/client.js';
import { imageInfo, openBenefitImage, storeBenefitImage } from './benefit-images.js';
import type { merchants } from './benefits.table.js';
import * as repo from './merchants.repository.js';

const nameTaken = () => new AppError('MERCHANT_NAME_TAKEN', [{ path: 'name', message: '本工会已有同名商家' }]);
const num = (v: string | null) => (v === null ? null : Number(v));

export function toMerchantDto(deps: Deps, m: repo.MerchantView): Merchant {
  return {
    id: m.id,
    orgId: m.orgId,
    orgName: m.orgName,
    name: m.name,
    contactName: m.contactName,
    phoneMasked: maskPhone(deps.crypto.decrypt(m.phoneEnc)),
    landline: m.landline,
    kind: m.kind as MerchantKind,
    serviceType: m.serviceType as MerchantServiceType,
    tags: m.tags,
    address: m.address,
    intro: m.intro,
    settledOn: m.settledOn,
    longitude: num(m.longitude),
    latitude: num(m.latitude),
    licenceImage: imageInfo(m.licenceImage),
    logoImage: imageInfo(m.logoImage),
    status: m.status as MerchantStatus,
    staffCount: m.staffCount,
    version: m.version,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a merchant: never the phone in clear. */
const auditView = (deps: Deps, m: repo.MerchantRecord) => {
  const { phoneEnc, phoneIndex, licenceImage, logoImage, ...rest } = m;
  return { ...rest, phoneMasked: maskPhone(deps.crypto.decrypt(phoneEnc)), licence: !!licenceImage, logo: !!logoImage };
};

/** The columns a body sets; the phone is stored encrypted with its blind index. */
function columnsOf(deps: Deps, b: Partial<MerchantCreateBody>) {
  const out: Partial<typeof merchants.$inferInsert> = {};
  if (b.name !== undefined) out.name = b.name;
  if (b.contactName !== undefined) out.contactName = b.contactName;
  if (b.phone !== undefined) {
    out.phoneEnc = deps.crypto.encrypt(b.phone);
    out.phoneIndex = deps.crypto.blindIndex('phone', b.phone);
  }
  if (b.landline !== undefined) out.landline = b.landline;
  if (b.kind !== undefined) out.kind = b.kind;
  if (b.serviceType !== undefined) out.serviceType = b.serviceType;
  if (b.tags !== undefined) out.tags = b.tags;
  if (b.address !== undefined) out.address = b.address;
  if (b.intro !== undefined) out.intro = b.intro;
  if (b.settledOn !== undefined) out.settledOn = b.settledOn;
  if (b.longitude !== undefined) out.longitude = b.longitude === null ? null : String(b.longitude);
  if (b.latitude !== undefined) out.latitude = b.latitude === null ? null : String(b.latitude);
  return out;
}

/** A merchant in the caller's subtree, or 404 (outside it, the merchant does not exist for them). */
export async function merchantInScope(db: Deps['db'] | Tx, caller: ScopedCaller, id: string, lock = false): Promise<repo.MerchantRecord> {
  const m = await repo.findMerchantInScope(db, id, caller.scopePath, lock);
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}

/** 新增商家: owned by the caller's union; it starts offline until put online (上线). */
export async function createMerchant(deps: Deps, caller: ScopedCaller, actor: Actor, body: MerchantCreateBody): Promise<Merchant> {
  const id = await deps.db
    .transaction(async (tx) => {
      const cols = columnsOf(deps, body);
      const m = await repo.insertMerchant(tx, {
        ...cols,
        name: body.name,
        contactName: body.contactName,
        phoneEnc: cols.phoneEnc!,
        phoneIndex: cols.phoneIndex!,
        kind: body.kind,
        serviceType: body.serviceType,
        address: body.address,
        orgId: caller.post.orgId,
        status: 'offline',
        createdBy: caller.accountId,
      });
      await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'merchant.created', objectType: 'merchant', objectId: m.id, orgId: m.orgId, after: auditView(deps, m) });
      return m.id;
    })
    .catch((e) => {
      throw isUniqueViolation(e) ? nameTaken() : e;
    });
  return toMerchantDto(deps, await repo.merchantView(deps.db, id));
}

export async function getMerchant(deps: Deps, caller: ScopedCaller, id: string): Promise<Merchant> {
  await merchantInScope(deps.db, caller, id);
  return toMerchantDto(deps, await repo.merchantView(deps.db, id));
}

export async function listMerchants(deps: Deps, caller: ScopedCaller, q: MerchantQuery) {
  const r = await repo.listMerchants(deps.db, caller.scopePath, q);
  return { items: r.items.map((m) => toMerchantDto(deps, m)), total: r.total, page: q.page, pageSize: q.pageSize };
}

/** Edits the fields given; a stale version is refused (someone else saved first). */
export async function updateMerchant(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, body: MerchantUpdateBody): Promise<Merchant> {
  const { version, ...fields } = body;
  await deps.db
    .transaction(async (tx) => {
      const before = await merchantInScope(tx, caller, id, true);
      if (before.version !== version) throw new AppError('CONFLICT');
      const lng = fields.longitude !== undefined ? fields.longitude : num(before.longitude);
      const lat = fields.latitude !== undefined ? fields.latitude : num(before.latitude);
      if ((lng === null) !== (lat === null)) throw new AppError('VALIDATION_FAILED', [{ path: lng === null ? 'longitude' : 'latitude', message: '商家位置请同时填写经度和纬度' }], '商家位置请同时填写经度和纬度');
      const after = await repo.updateMerchant(tx, id, version, columnsOf(deps, fields));
      if (!after) throw new AppError('CONFLICT');
      await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'merchant.updated', objectType: 'merchant', objectId: id, orgId: after.orgId, before: auditView(deps, before), after: auditView(deps, after) });
    })
    .catch((e) => {
      throw isUniqueViolation(e) ? nameTaken() : e;
    });
  return toMerchantDto(deps, await repo.merchantView(deps.db, id));
}

/** 上线 / 下线. An offline merchant redeems nothing and cannot take new coupons. */
export async function setMerchantStatus(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, status: MerchantStatus, version: number): Promise<Merchant> {
  await deps.db.transaction(async (tx) => {
    const before = await merchantInScope(tx, caller, id, true);
    if (before.version !== version) throw new AppError('CONFLICT');
    const after = await repo.updateMerchant(tx, id, version, { status });
    if (!after) throw new AppError('CONFLICT');
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: status === 'online' ? 'merchant.online' : 'merchant.offline',
      objectType: 'merchant',
      objectId: id,
      orgId: after.orgId,
      before: { status: before.status },
      after: { status },
    });
  });
  return toMerchantDto(deps, await repo.merchantView(deps.db, id));
}

/** 营业执照 / 商家Logo: replaces the image; the old file is removed once the new one is committed. */
export async function putMerchantImage(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, kind: MerchantImageKind, file: () => Promise<Readable>): Promise<Merchant> {
  // Scope first: a stranger's upload is not even read.
  await merchantInScope(deps.db, caller, id);
  const image = await storeBenefitImage(deps, await file());
  let old: string | null = null;
  try {
    await deps.db.transaction(async (tx) => {
      const before = await merchantInScope(tx, caller, id, true);
      const column = kind === 'licence' ? 'licenceImage' : 'logoImage';
      old = before[column]?.fileId ?? null;
      const after = await repo.updateMerchant(tx, id, before.version, { [column]: image });
      if (!after) throw new AppError('CONFLICT');
      await recordAudit(tx, deps.config.keys.auditKey, actor, {
        action: 'merchant.image_uploaded',
        objectType: 'merchant',
        objectId: id,
        orgId: after.orgId,
        after: { kind, mime: image.mime, size: image.size, contentHash: image.contentHash },
      });
    });
  } catch (e) {
    await deps.files.remove(image.fileId);
    throw e;
  }
  if (old) await deps.files.remove(old);
  return toMerchantDto(deps, await repo.merchantView(deps.db, id));
}

export async function openMerchantImage(deps: Deps, caller: ScopedCaller, id: string, kind: MerchantImageKind) {
  const m = await merchantInScope(deps.db, caller, id);
  return openBenefitImage(deps, kind === 'licence' ? m.licenceImage : m.logoImage);
}
