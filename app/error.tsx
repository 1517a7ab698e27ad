'use client';

// Client-side boundary: it cannot read the language cookie on the server, so it speaks both.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="flex flex-col gap-4" role="alert">
      <h1 className="text-3xl font-bold">出错了 · Something went wrong</h1>
      <p className="text-lg">页面暂时无法显示，请稍后再试，或拨打客服热线。</p>
      <p className="text-lg" lang="en">
        This page cannot be shown right now. Please try again later or call the hotline.
      </p>
      <button
        type="button"
        onClick={reset}
        className="inline-flex min-h-11 w-fit items-center rounded-xl bg-warm px-5 text-xl font-bold text-white elder:min-h-[3rem]"
      >
        重试 · Try again
      </button>
    </div>
  );
}
