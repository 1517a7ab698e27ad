'use client';

/**
 * Read-aloud: the main content in reading order, one block at a time, the block being read
 * highlighted (class nx-reading) and scrolled into view.
 */
const BLOCKS = 'main h1, main h2, main h3, main p, main li, main dt, main dd, main a[href], main [data-read]';

export function readableBlocks(): HTMLElement[] {
  const all = Array.from(document.querySelectorAll<HTMLElement>(BLOCKS)).filter(
    (el) => (el.innerText ?? '').trim() && !el.closest('[data-voice-ignore]'),
  );
  // A list item that holds a paragraph is read through the paragraph, not twice.
  return all.filter((el) => !all.some((other) => other !== el && el.contains(other)));
}

export async function readAloud(speakText: (text: string) => Promise<void>, stopped: () => boolean): Promise<void> {
  for (const block of readableBlocks()) {
    if (stopped()) break;
    block.classList.add('nx-reading');
    block.scrollIntoView({ block: 'center' });
    try {
      await speakText(block.innerText.trim());
    } finally {
      block.classList.remove('nx-reading');
    }
  }
}
