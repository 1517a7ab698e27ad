import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { decideSandboxTrade } from '@/app/_actions/sandbox-bank';
import { PageTitle } from '@/components/ui/PageTitle';
import { Notice } from '@/components/ui/Notice';
import { pool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { formatMoney } from '@/lib/format/money';
import { preferences } from '@/lib/http/request-context';
import { effectiveStatus, findTrade } from '@/lib/sandbox-bank/trades';

export const metadata: Metadata = { title: '模拟银行支付' };

const WORDS = {
  zh: {
    title: '模拟银行 · 网上支付',
    intro: '这是暖心内置的模拟银行（银企直连沙箱），不会真实扣款。',
    merchant: '收款方',
    subject: '商品',
    amount: '金额',
    pay: '确认付款',
    cancel: '取消付款',
    done: '这笔交易已处理，请返回商户页面查看结果。',
    back: '返回商户',
  },
  en: {
    title: 'Sandbox bank · online payment',
    intro: 'This is Nuanxin’s built-in sandbox bank: no real money moves.',
    merchant: 'Payee',
    subject: 'Item',
    amount: 'Amount',
    pay: 'Pay now',
    cancel: 'Cancel payment',
    done: 'This trade is settled. Return to the merchant to see the result.',
    back: 'Back to the merchant',
  },
};

const button = 'inline-flex min-h-11 items-center rounded-xl px-5 text-xl font-bold elder:min-h-[3rem]';

/** The sandbox bank's hosted payment page: the "resident" confirms or cancels here. */
export default async function SandboxBankPayPage({ params }: { params: Promise<{ bankTradeNo: string }> }) {
  if (!env().payments.sandboxBank) notFound();
  const { bankTradeNo } = await params;
  if (!/^SB[0-9A-F]{24}$/.test(bankTradeNo)) notFound();
  const trade = await findTrade(pool(), { bankTradeNo });
  if (!trade) notFound();
  const { locale } = await preferences();
  const w = WORDS[locale];
  const open = effectiveStatus(trade, new Date()) === 'PENDING';
  return (
    <div className="flex flex-col gap-5">
      <PageTitle intro={w.intro}>{w.title}</PageTitle>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-2xl border-2 border-line bg-card p-4 text-lg">
        <dt className="text-ink-soft">{w.merchant}</dt>
        <dd>{trade.merchantId}</dd>
        <dt className="text-ink-soft">{w.subject}</dt>
        <dd>{trade.subject}</dd>
        <dt className="text-ink-soft">{w.amount}</dt>
        <dd className="text-2xl font-bold" data-testid="bank-amount">
          {formatMoney(trade.amountFen)}
        </dd>
      </dl>
      {open ? (
        <form action={decideSandboxTrade} className="flex flex-wrap gap-3">
          <input type="hidden" name="bankTradeNo" value={trade.bankTradeNo} />
          <button type="submit" name="decision" value="pay" className={`${button} bg-warm text-white`}>
            {w.pay}
          </button>
          <button type="submit" name="decision" value="cancel" className={`${button} border-2 border-warm text-warm`}>
            {w.cancel}
          </button>
        </form>
      ) : (
        <>
          <Notice>{w.done}</Notice>
          {trade.returnUrl && (
            <a href={trade.returnUrl} className={`${button} w-fit border-2 border-warm text-warm`}>
              {w.back}
            </a>
          )}
        </>
      )}
    </div>
  );
}
