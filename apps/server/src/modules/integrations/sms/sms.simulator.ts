import { maskPhone } from '@gonghui/contracts';
import type { SmsGateway } from './sms.gateway.js';

export interface SimulatedSms {
  phone: string;
  phoneMasked: string;
  text: string;
  sentAt: Date;
}

export interface SmsSimulatorOptions {
  /** Delivery latency range in ms, like a real gateway's. */
  latencyMs?: [number, number];
  /** Probability that a send fails, to exercise error paths. */
  failureRate?: number;
  /** How many messages the inbox keeps. */
  keep?: number;
}

/** An embedded SMS gateway that records what it "delivers", so tests and the demo can read codes. */
export class SmsSimulator implements SmsGateway {
  readonly inbox: SimulatedSms[] = [];
  failNext = 0;

  constructor(private readonly opts: SmsSimulatorOptions = {}) {}

  async send(phone: string, text: string): Promise<void> {
    const [min, max] = this.opts.latencyMs ?? [20, 120];
    await new Promise((r) => setTimeout(r, min + Math.random() * (max - min)));
    if (this.failNext > 0 || Math.random() < (this.opts.failureRate ?? 0)) {
      this.failNext = Math.max(0, this.failNext - 1);
      throw new Error('SMS gateway unavailable (simulated)');
    }
    this.inbox.unshift({ phone, phoneMasked: maskPhone(phone), text, sentAt: new Date() });
    this.inbox.length = Math.min(this.inbox.length, this.opts.keep ?? 200);
  }

  /** The newest 6-digit code sent to a phone, for tests and the demo. */
  lastCode(phone: string): string | null {
    const m = this.inbox.find((s) => s.phone === phone)?.text.match(/\d{6}/);
    return m ? m[0] : null;
  }
}
