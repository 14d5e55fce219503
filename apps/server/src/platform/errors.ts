import { errorCatalog, type ErrorCode, type FieldIssue } from '@gonghui/contracts';

/** A failure the user can understand: a code from the contracts plus optional details. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? errorCatalog[code].message);
  }
}

/** A validation failure on named fields, reported like schema errors. */
export function fieldError(path: string, message: string): AppError {
  const details: FieldIssue[] = [{ path, message }];
  return new AppError('VALIDATION_FAILED', details, message);
}
