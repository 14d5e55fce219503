/**
 * Why the user is looking at the login page (logged out, session expired): set just before
 * the session is dropped, shown by the login page, cleared by the next login.
 */
let notice: string | null = null;

export function setLoginNotice(message: string | null): void {
  notice = message;
}

export function getLoginNotice(): string | null {
  return notice;
}
