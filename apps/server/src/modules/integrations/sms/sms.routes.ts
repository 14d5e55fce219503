import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps.js';
import { SmsSimulator } from './sms.simulator.js';

/** The simulator's inbox, for the demo: only exists when SMS goes to the embedded simulator. */
export function smsSimulatorRoutes(app: FastifyInstance, deps: Deps) {
  if (!(deps.sms instanceof SmsSimulator) || deps.config.env === 'production') return;
  const sim = deps.sms;
  app.withTypeProvider<ZodTypeProvider>().get('/api/sim/sms', {
    config: { access: 'public' },
    schema: {
      tags: ['演示：短信模拟器'],
      summary: '模拟短信网关最近收到的短信（仅演示环境）',
      response: { 200: z.object({ items: z.array(z.object({ phoneMasked: z.string(), text: z.string(), sentAt: z.string() })) }) },
    },
    handler: async () => ({ items: sim.inbox.slice(0, 50).map((m) => ({ phoneMasked: m.phoneMasked, text: m.text, sentAt: m.sentAt.toISOString() })) }),
  });
}
