import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { PayFlow } from '@/components/payments/PayFlow';
import { Notice } from '@/components/ui/Notice';
import { PageTitle } from '@/components/ui/PageTitle';
import { requireResident } from '@/lib/auth/current';
import { getResidentBill, listResidentBills } from '@/lib/bills/resident-bills';
import { billTitle, seasonRange } from '@/lib/bills/season';
import { env } from '@/lib/env';
import { formatMoney } from '@/lib/format/money';
import { preferences, requestMeta } from '@/lib/http/request-context';
import { fill } from '@/lib/i18n';
import { billMessages } from '@/lib/i18n/bills';
import { paymentMessages } from '@/lib/i18n/payments';
import { offeredChannels } from '@/lib/payments/offered-channels';
import { openPaymentOfBill } from '@/lib/payments/resident-payments';
import { linkedOpenId, WECHAT_TRIED_COOKIE } from '@/lib/payments/wechat-link';

export const metadata: Metadata = { title: '缴费' };

const linkButton = 'inline-flex min-h-11 w-fit items-center rounded-xl px-5 text-xl font-bold elder:min-h-[3rem]';

export default async function PayPage({ searchParams }: { searchParams: Promise<{ bill?: string }> }) {
  const { residentId } = await requireResident();
  const { locale, elder } = await preferences();
  const m = paymentMessages(locale);
  const bm = billMessages(locale);
  const meta = await requestMeta();
  const settings = env().payments;
  const channels = offeredChannels(settings.offered, meta.wechat);
  const billParam = (await searchParams).bill;
  const billId = billParam !== undefined && z.uuid().safeParse(billParam).success ? billParam : null;

  // Inside WeChat, learn the payer's openid silently (snsapi_base) once, before offering WeChat Pay.
  if (channels.includes('wechatpay') && settings.officialAccount && !(await linkedOpenId(residentId))) {
    const tried = (await cookies()).get(WECHAT_TRIED_COOKIE)?.value === '1';
    if (!tried) redirect(`/api/wechat/oauth?next=${encodeURIComponent(billId ? `/pay?bill=${billId}` : '/pay')}`);
  }
  const usable = (await linkedOpenId(residentId)) ? channels : channels.filter((c) => c !== 'wechatpay');

  if (billParam !== undefined && billId === null) notFound();
  if (billId) {
    const detail = await getResidentBill(residentId, billId, new Date());
    if (!detail) notFound();
    const open = await openPaymentOfBill(residentId, billId);
    const payable = detail.bill.status === 'ISSUED' && detail.settlementFen > 0n;
    return (
      <div className="flex flex-col gap-5">
        <PageTitle intro={fill(m.billLabel, { season: billTitle(detail.bill, bm), accountNo: detail.accountNo })}>{m.title}</PageTitle>
        {open && (
          <Notice>
            {m.inProgress}{' '}
            <Link href={`/pay/result/${open.id}`} className="font-semibold text-warm underline">
              {m.inProgressContinue}
            </Link>
          </Notice>
        )}
        {!payable && <Notice tone="ok">{m.billPaid}</Notice>}
        {payable && usable.length === 0 && <Notice tone="error">{m.noChannels}</Notice>}
        {payable && usable.length > 0 && (
          <PayFlow
            billId={billId}
            accountNo={detail.accountNo}
            amountFen={detail.settlementFen}
            channels={usable}
            elder={elder}
            lang={locale === 'en' ? 'en-US' : 'zh-CN'}
            idempotencyKey={randomUUID()}
            labels={{
              chooseChannel: m.chooseChannel,
              next: m.next,
              back: m.back,
              confirmTitle: m.confirmTitle,
              confirmAmount: m.confirmAmount,
              confirmAccount: m.confirmAccount,
              confirmChannel: m.confirmChannel,
              elderCheck: m.elderCheck,
              elderCheckRequired: m.elderCheckRequired,
              speak: m.speak,
              spoken: m.spoken,
              payButton: m.payButton,
              paying: m.paying,
              channels: { wechatpay: m.channelwechatpay, alipay: m.channelalipay, 'sandbox-bank': m['channelsandbox-bank'] },
            }}
          />
        )}
      </div>
    );
  }

  const bills = (await listResidentBills(residentId, new Date())).filter((b) => b.status === 'ISSUED' && b.dueFen > 0n);
  return (
    <div className="flex flex-col gap-5">
      <PageTitle intro={m.intro}>{m.title}</PageTitle>
      {bills.length === 0 && <p className="text-lg">{m.noOpenBills}</p>}
      <ul className="flex flex-col gap-3" aria-label={m.chooseBill}>
        {bills.map((b) => (
          <li key={b.id} className="flex flex-col gap-2 rounded-2xl border-2 border-warm-soft bg-card p-4">
            <h2 className="text-2xl font-bold">{fill(bm.season, seasonRange(b.season))}</h2>
            <p className="text-lg text-ink-soft">
              {bm.account} {b.accountNo} · {b.address}
            </p>
            <p className="text-xl">
              {m.amountDue} <strong>{formatMoney(b.dueFen)}</strong>
            </p>
            <Link href={`/pay?bill=${b.id}`} className={`${linkButton} bg-warm text-white`}>
              {m.payThis}
              <span className="sr-only">
                {' '}
                {fill(bm.season, seasonRange(b.season))} {b.accountNo}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <Link href="/pay/history" className={`${linkButton} border-2 border-warm text-warm`}>
        {m.history}
      </Link>
    </div>
  );
}
