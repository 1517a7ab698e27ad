import { createPrivateKey, createPublicKey, createVerify } from 'node:crypto';
import selfsigned from 'selfsigned';
import { describe, expect, it } from 'vitest';
import { loadPublicKey } from '@/lib/payments/channels/shared/keys';
import { buildJsapiParams } from '@/lib/payments/channels/wechatpay/jsapi-params';
import {
  buildAuthorization,
  parseAuthorization,
  signatureMessage,
  signSha256Rsa,
} from '@/lib/payments/channels/wechatpay/signature';
import { verifySignedHeaders } from '@/lib/payments/channels/wechatpay/verify-headers';
import { generateRsaPair } from '@/tests/support/gateways/keys';

const merchant = generateRsaPair();
const platform = generateRsaPair();
const merchantKey = createPrivateKey(merchant.privateKeyPem);
const platformPrivate = createPrivateKey(platform.privateKeyPem);
const platformKeys = new Map([['PUB_KEY_ID_0001', createPublicKey(platform.publicKeyPem)]]);

// Checks with OpenSSL's verifier directly, not through the code under test.
function opensslVerifies(message: string, signature: string, publicKeyPem: string): boolean {
  return createVerify('RSA-SHA256').update(message).verify(publicKeyPem, signature, 'base64');
}

describe('WeChat Pay request signing', () => {
  const input = {
    mchId: '1900009191',
    serialNo: '408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB',
    privateKey: merchantKey,
    method: 'POST',
    canonicalUrl: '/v3/pay/transactions/jsapi',
    body: '{"amount":{"total":24000}}',
    timestamp: '1731663000',
    nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
  };

  it('builds the message with a newline after every part, the body included', () => {
    expect(signatureMessage(['GET', '/v3/x?mchid=1', '1', 'N', ''])).toBe('GET\n/v3/x?mchid=1\n1\nN\n\n');
  });

  it('writes the Authorization header WeChat Pay expects', () => {
    const header = buildAuthorization(input);
    expect(header).toMatch(
      /^WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="[A-Za-z0-9+/=]{344}",timestamp="1731663000",serial_no="408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB"$/,
    );
    const fields = parseAuthorization(header);
    expect(fields).not.toBeNull();
    const message = 'POST\n/v3/pay/transactions/jsapi\n1731663000\n593BEC0C930BF1AFEB40B4A08C8FB242\n{"amount":{"total":24000}}\n';
    expect(opensslVerifies(message, fields?.signature ?? '', merchant.publicKeyPem)).toBe(true);
    expect(opensslVerifies(message.replace('24000', '24001'), fields?.signature ?? '', merchant.publicKeyPem)).toBe(false);
  });

  it('refuses headers of another scheme or with fields missing', () => {
    expect(parseAuthorization('Bearer abc')).toBeNull();
    expect(parseAuthorization('WECHATPAY2-SHA256-RSA2048 mchid="1",nonce_str="n"')).toBeNull();
  });
});

describe('JSAPI paySign for WeixinJSBridge', () => {
  it('signs appId, timeStamp, nonceStr and package with the merchant key', () => {
    const params = buildJsapiParams({
      appId: 'wxd678efh567hg6787',
      prepayId: 'wx201410272009395522657a690389285100',
      timestamp: '1414561699',
      nonce: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      privateKey: merchantKey,
    });
    expect(params).toMatchObject({
      appId: 'wxd678efh567hg6787',
      timeStamp: '1414561699',
      nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      package: 'prepay_id=wx201410272009395522657a690389285100',
      signType: 'RSA',
    });
    const message =
      'wxd678efh567hg6787\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n';
    expect(opensslVerifies(message, params.paySign, merchant.publicKeyPem)).toBe(true);
  });
});

describe('WeChat Pay reply and notify signature', () => {
  const body = '{"id":"EV-2018022511223320873"}';
  const signed = (overrides: Partial<{ serial: string; body: string; signature: string }> = {}) => {
    const timestamp = '1731663000';
    const nonce = 'fdasflkja484w';
    return {
      timestamp,
      nonce,
      serial: overrides.serial ?? 'PUB_KEY_ID_0001',
      signature: overrides.signature ?? signSha256Rsa(signatureMessage([timestamp, nonce, overrides.body ?? body]), platformPrivate),
    };
  };

  it('accepts a reply signed by the platform key named in Wechatpay-Serial', () => {
    expect(() => verifySignedHeaders(signed(), body, platformKeys)).not.toThrow();
  });

  it.each([
    ['a tampered body', signed({ body: '{"id":"EV-2018022511223320874"}' }), 'signature_invalid'],
    ['an unknown serial', signed({ serial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1' }), 'unknown_serial'],
    ['a WeChat Pay probe signature', signed({ signature: 'WECHATPAY/SIGNTEST/AAAA' }), 'signature_invalid'],
    ['an empty signature', signed({ signature: '' }), 'signature_invalid'],
  ])('refuses %s', (_label, headers, code) => {
    expect(() => verifySignedHeaders(headers, body, platformKeys)).toThrow(expect.objectContaining({ code }));
  });

  it('verifies with a platform certificate as well as a bare public key', async () => {
    const pems = await selfsigned.generate([{ name: 'commonName', value: 'Tenpay.com Root CA' }], { keySize: 2048 });
    const keys = new Map([['CERT-SERIAL', loadPublicKey(pems.cert)]]);
    const certKey = createPrivateKey(pems.private);
    const headers = { timestamp: '1', nonce: 'n', serial: 'CERT-SERIAL', signature: signSha256Rsa(signatureMessage(['1', 'n', body]), certKey) };
    expect(() => verifySignedHeaders(headers, body, keys)).not.toThrow();
    expect(() => verifySignedHeaders(headers, `${body} `, keys)).toThrow(expect.objectContaining({ code: 'signature_invalid' }));
  });
});
