/** The SMS gateway as the platform sees it; the real provider and the simulator both implement it. */
export interface SmsGateway {
  /** Sends one message; rejects when the provider refuses or times out. */
  send(phone: string, text: string): Promise<void>;
}
