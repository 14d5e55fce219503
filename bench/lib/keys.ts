import type { Keys } from '../../apps/server/src/config.js';

/** Keys as plain JSON, to hand to worker threads and the server process. */
export interface KeysJson {
  dataKeys: Record<string, string>;
  currentDataKeyId: string;
  indexKey: string;
  auditKey: string;
}

export function keysToJson(k: Keys): KeysJson {
  return {
    dataKeys: Object.fromEntries(Object.entries(k.dataKeys).map(([id, v]) => [id, v.toString('base64')])),
    currentDataKeyId: k.currentDataKeyId,
    indexKey: k.indexKey.toString('base64'),
    auditKey: k.auditKey.toString('base64'),
  };
}

export function keysFromJson(j: KeysJson): Keys {
  return {
    dataKeys: Object.fromEntries(Object.entries(j.dataKeys).map(([id, v]) => [id, Buffer.from(v, 'base64')])),
    currentDataKeyId: j.currentDataKeyId,
    indexKey: Buffer.from(j.indexKey, 'base64'),
    auditKey: Buffer.from(j.auditKey, 'base64'),
  };
}
