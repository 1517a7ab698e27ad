import { createPrivateKey, createPublicKey, createSign, createVerify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topLevelMembers } from '@/lib/payments/channels/alipay/response-text';
import {
  alipaySigningString,
  NOTIFY_SIGN_EXCLUDES,
  REQUEST_SIGN_EXCLUDES,
  signRequestParams,
  verifyNotifyParams,
} from '@/lib/payments/channels/alipay/signature';
import { loadPrivateKey, loadPublicKey } from '@/lib/payments/channels/shared/keys';
import { generateRsaPair, pemBody } from '@/tests/support/gateways/keys';

const app = generateRsaPair();

describe('Alipay signing string', () => {
  const params = {
    method: 'alipay.trade.wap.pay',
    app_id: '2014072300007148',
    sign_type: 'RSA2',
    sign: 'previous-signature',
    charset: 'utf-8',
    return_url: '',
    biz_content: '{"out_trade_no":"NX1","total_amount":"240.00"}',
    timestamp: '2024-11-15 17:30:00',
    notify_url: undefined,
  };

  it('sorts by name, drops empty values and sign, and leaves values unencoded', () => {
    expect(alipaySigningString(params, REQUEST_SIGN_EXCLUDES)).toBe(
      'app_id=2014072300007148&biz_content={"out_trade_no":"NX1","total_amount":"240.00"}' +
        '&charset=utf-8&method=alipay.trade.wap.pay&sign_type=RSA2&timestamp=2024-11-15 17:30:00',
    );
  });

  it('leaves sign_type out for notifies', () => {
    expect(alipaySigningString(params, NOTIFY_SIGN_EXCLUDES)).not.toContain('sign_type');
  });

  it('signs requests with SHA256withRSA that OpenSSL verifies', () => {
    const signed = signRequestParams({ app_id: '2014072300007148', method: 'alipay.trade.query', sign_type: 'RSA2' }, createPrivateKey(app.privateKeyPem));
    const content = 'app_id=2014072300007148&method=alipay.trade.query&sign_type=RSA2';
    expect(createVerify('RSA-SHA256').update(content).verify(app.publicKeyPem, signed.sign ?? '', 'base64')).toBe(true);
  });

  it('verifies a notify signed over everything but sign and sign_type', () => {
    const alipay = generateRsaPair();
    const fields = { app_id: '2014072300007148', out_trade_no: 'NX1', total_amount: '240.00', trade_status: 'TRADE_SUCCESS' };
    const sign = createSign('RSA-SHA256')
      .update('app_id=2014072300007148&out_trade_no=NX1&total_amount=240.00&trade_status=TRADE_SUCCESS')
      .sign(alipay.privateKeyPem, 'base64');
    const key = createPublicKey(alipay.publicKeyPem);
    expect(verifyNotifyParams({ ...fields, sign, sign_type: 'RSA2' }, key)).toBe(true);
    expect(verifyNotifyParams({ ...fields, total_amount: '0.01', sign, sign_type: 'RSA2' }, key)).toBe(false);
    expect(verifyNotifyParams({ ...fields, sign_type: 'RSA2' }, key)).toBe(false);
  });
});

describe('Alipay keys', () => {
  it('reads keys as PEM and as the bare base64 the console hands out', () => {
    const fromPem = loadPrivateKey(app.privateKeyPem);
    const fromBare = loadPrivateKey(pemBody(app.privateKeyPem));
    expect(fromBare.export({ type: 'pkcs8', format: 'pem' })).toEqual(fromPem.export({ type: 'pkcs8', format: 'pem' }));
    expect(loadPublicKey(pemBody(app.publicKeyPem)).export({ type: 'spki', format: 'pem' })).toBe(app.publicKeyPem);
  });
});

describe('cutting the signed response out of the raw reply', () => {
  it('returns each top-level member as its exact text', () => {
    const reply =
      '{"alipay_trade_query_response" : {\n  "code": "10000",\n  "msg": "Success",\n  "subject": "暖心 \\"采暖费\\" {3号楼}"\n},"sign":"ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE"}';
    const members = topLevelMembers(reply);
    expect(members?.map((m) => m.key)).toEqual(['alipay_trade_query_response', 'sign']);
    expect(members?.[0]?.raw).toBe('{\n  "code": "10000",\n  "msg": "Success",\n  "subject": "暖心 \\"采暖费\\" {3号楼}"\n}');
    expect(members?.[1]?.raw).toBe('"ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE"');
  });

  it.each(['', '[]', '{"a":', '{"a" 1}', '{"a":{"b":"}'])('gives up on %j', (text) => {
    expect(topLevelMembers(text)).toBeNull();
  });

  it('recovers the exact text of any JSON value, however it is spaced', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 1, 2, '\t'), (value, space) => {
        const raw = JSON.stringify(value, null, space) ?? 'null';
        const members = topLevelMembers(`{"x_response":${raw},"sign":"s"}`);
        expect(members?.[0]?.raw).toBe(raw);
        expect(members?.[1]?.raw).toBe('"s"');
      }),
      { numRuns: 300 },
    );
  });
});
