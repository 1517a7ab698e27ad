import { maskPhone } from '@/lib/privacy/mask';

/** How a text message leaves Nuanxin. A utility plugs in its SMS gateway behind this interface. */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

/**
 * The built-in sender writes messages to the server log (phone masked). It is what runs in demo
 * mode and until a gateway is configured.
 */
export const logSmsSender: SmsSender = {
  async send(phone, text) {
    console.info(`[sms] to ${maskPhone(phone)}: ${text}`);
  },
};

export function smsSender(): SmsSender {
  return logSmsSender;
}
