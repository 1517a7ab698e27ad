import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { VoiceControl } from '@/components/voice/VoiceControl';
import { env } from '@/lib/env';
import { speechConfig } from '@/lib/speech/config';
import { hotline } from '@/lib/utilities/hotline';
import { preferences } from '@/lib/http/request-context';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '暖心 · 供暖服务', template: '%s · 暖心' },
  description: '查账单、交暖气费、暖气不热报修、退费进度',
};

// No maximum scale: people must be able to zoom.
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#8a2c0d' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const prefs = await preferences();
  return (
    <html lang={prefs.locale === 'en' ? 'en' : 'zh-CN'} data-mode={prefs.elder ? 'elder' : 'standard'}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-lg focus:bg-card focus:p-3 focus:text-lg"
        >
          {prefs.t.app.skip}
        </a>
        <SiteHeader prefs={prefs} />
        <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-6">
          {children}
        </main>
        <SiteFooter prefs={prefs} hotline={hotline()} />
        <VoiceControl azure={speechConfig() !== null} wechat={env().payments.officialAccount !== null} labels={prefs.t.voice} />
      </body>
    </html>
  );
}
