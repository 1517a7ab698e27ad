import type { PaymentLaunch, WeixinJsapiParams } from '@/lib/payments/channel';

interface WeixinJSBridge {
  invoke(api: 'getBrandWCPayRequest', params: WeixinJsapiParams, done: (result: { err_msg?: string }) => void): void;
}

declare global {
  interface Window {
    WeixinJSBridge?: WeixinJSBridge;
  }
}

/**
 * Hands the browser to the channel. Whatever the channel or WeChat says back here proves
 * nothing: every path ends on the result page, which asks the server for the verified status.
 */
export function launchPayment(
  paymentId: string,
  launch: PaymentLaunch | null,
  actions: { submitForm: () => void; navigate: (path: string) => void },
): void {
  const result = `/pay/result/${paymentId}`;
  if (launch === null) {
    actions.navigate(result);
    return;
  }
  switch (launch.kind) {
    case 'hosted':
      window.location.assign(launch.url);
      return;
    case 'redirect':
      actions.submitForm();
      return;
    case 'jsapi': {
      const pay = () => window.WeixinJSBridge?.invoke('getBrandWCPayRequest', launch.params, () => actions.navigate(result));
      // Inside WeChat the bridge may arrive after the page's scripts.
      if (window.WeixinJSBridge) pay();
      else document.addEventListener('WeixinJSBridgeReady', pay, { once: true });
      return;
    }
  }
}
