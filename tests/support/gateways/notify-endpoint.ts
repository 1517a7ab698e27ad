import {
  isChannelError,
  type ChannelError,
  type NotifyRequest,
  type PaymentChannel,
  type PaymentNotice,
  type RefundNotice,
} from '@/lib/payments/channel';
import { startServer, type StartedServer } from './http-server';

// The merchant side of a notify, as the app's route handler will do it: verify, record,
// answer with the channel's own acknowledgement.
export interface NotifyEndpoint extends StartedServer {
  paymentUrl: string;
  refundUrl: string;
  payments: PaymentNotice[];
  refunds: RefundNotice[];
  refused: ChannelError[];
}

// The channel is looked up per request because its config needs this endpoint's URL first.
export async function startNotifyEndpoint(
  channelOf: () => PaymentChannel,
  clock: () => Date,
): Promise<NotifyEndpoint> {
  const payments: PaymentNotice[] = [];
  const refunds: RefundNotice[] = [];
  const refused: ChannelError[] = [];
  const server = await startServer(async (request) => {
    const channel = channelOf();
    const notify: NotifyRequest = { headers: request.headers, body: request.body };
    try {
      if (request.target === '/refund-notify') {
        if (channel.parseRefundNotify === undefined) return { status: 404 };
        refunds.push(await channel.parseRefundNotify(notify, clock()));
      } else {
        payments.push(await channel.parseNotify(notify, clock()));
      }
      const reply = channel.notifyReply(true);
      return { status: reply.status, headers: reply.headers, body: reply.body };
    } catch (error) {
      if (!isChannelError(error)) throw error;
      refused.push(error);
      const reply = channel.notifyReply(false);
      return { status: reply.status, headers: reply.headers, body: reply.body };
    }
  });
  return {
    ...server,
    paymentUrl: `${server.url}/notify`,
    refundUrl: `${server.url}/refund-notify`,
    payments,
    refunds,
    refused,
  };
}
