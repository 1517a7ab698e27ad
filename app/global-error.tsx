'use client';

import './globals.css';

// Shown when even the root layout fails (for example, the database is down while it renders).
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="zh-CN" data-mode="standard">
      <body className="flex min-h-screen flex-col">
        <main id="main" className="mx-auto flex w-full max-w-3xl flex-1 flex-col gap-4 px-4 py-6" role="alert">
          <h1 className="text-3xl font-bold">暂时无法服务 · Service unavailable</h1>
          <p className="text-lg">系统暂时繁忙，请稍后再试。急事请拨打供热公司客服热线。</p>
          <p className="text-lg" lang="en">
            The service is busy. Please try again shortly; for anything urgent, call your heating company.
          </p>
          <button
            type="button"
            onClick={reset}
            className="inline-flex min-h-11 w-fit items-center rounded-xl bg-warm px-5 text-xl font-bold text-white"
          >
            重试 · Try again
          </button>
        </main>
      </body>
    </html>
  );
}
