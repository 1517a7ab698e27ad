'use client';

import type { VoiceCommand } from '@/lib/voice';

/**
 * What can be said on the page as it is shown: Nuanxin's destinations (by their visible names
 * and the ways residents say them) and every other visible link or button by its own label
 * (WCAG 2.5.3: the words on screen are the words to say).
 */
export const ROUTES: Record<string, string> = {
  home: '/',
  bills: '/bills',
  pay: '/pay',
  complaint: '/repair',
  'complaint-progress': '/repair',
  refunds: '/refunds',
  'refund-request': '/refunds',
  accounts: '/accounts',
  'bind-account': '/accounts/bind',
  'payment-history': '/pay',
  notices: '/',
  'sign-out': '/me',
};

export interface PageCommand extends VoiceCommand {
  element: HTMLElement;
}

function visible(el: HTMLElement): boolean {
  const rect = el.getBoundingClientRect();
  return rect.width > 1 && rect.height > 1 && getComputedStyle(el).visibility !== 'hidden';
}

export function labelOf(el: HTMLElement): string {
  return (el.dataset.voiceLabel ?? el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function collectPageCommands(known: readonly VoiceCommand[]): PageCommand[] {
  const taken = new Set(known.flatMap((c) => [...c.labels, ...(c.synonyms ?? [])]));
  const knownRoutes = new Set(Object.values(ROUTES));
  const elements = document.querySelectorAll<HTMLElement>('main a[href], main button, header a[href], header button, footer a[href]');
  const commands: PageCommand[] = [];
  elements.forEach((element, i) => {
    if (!visible(element) || element.closest('[data-voice-ignore]')) return;
    const label = labelOf(element);
    const href = element.getAttribute('href');
    if (!label || taken.has(label) || (href !== null && knownRoutes.has(href))) return;
    taken.add(label);
    commands.push({ id: `dom:${i}`, labels: [label], costly: element.hasAttribute('data-voice-costly'), element });
  });
  return commands;
}
