import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** Sends a workbook as a download, its (Chinese) file name encoded per RFC 6266. */
export function sendXlsx(reply: FastifyReply, filename: string, body: Buffer | Readable) {
  return reply
    .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(body);
}
