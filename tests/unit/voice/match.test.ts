import { describe, expect, it } from 'vitest';
import { createVoiceMatcher, matchVoiceCommand } from '@/lib/voice/match';
import { compileVoiceCommands } from '@/lib/voice/compile';
import { RESIDENT_VOICE_COMMANDS } from '@/lib/voice/resident-commands';
import type { VoiceCommand } from '@/lib/voice/types';

const resident = createVoiceMatcher(RESIDENT_VOICE_COMMANDS);
const idOf = (utterance: string): string => {
  const result = resident.match(utterance);
  return result.kind === 'match' ? result.id : result.kind;
};

describe('fillers', () => {
  it.each([
    ['我要交暖气费', 'pay'],
    ['帮我看一下账单', 'bills'],
    ['呃，那个，我想看看我的账单吧', 'bills'],
    ['麻烦帮我报修一下啊', 'complaint'],
    ['请你读一下', 'read'],
  ])('"%s" → %s', (utterance, id) => {
    expect(idOf(utterance)).toBe(id);
  });

  it('keeps 申请 whole although 请 is a filler', () => {
    expect(idOf('我要申请一下退费')).toBe('refund-request');
  });

  it('keeps a filler that belongs to a phrase said outright', () => {
    // 我 is a filler, but 我的户号 is a label; stripping it would leave the ambiguous 户号.
    expect(idOf('我的户号')).toBe('accounts');
    expect(idOf('我能说什么')).toBe('help');
  });

  it('hears nothing in fillers alone', () => {
    expect(resident.match('嗯……那个，啊')).toEqual({ kind: 'none' });
  });
});

describe('synonyms and colloquial phrasing', () => {
  it.each([
    ['交暖气费', 'pay'],
    ['交钱', 'pay'],
    ['缴费', 'pay'],
    ['家里冷', 'complaint'],
    ['暖气不热了', 'complaint'],
    ['屋里冰凉', 'complaint'],
    ['退钱的事', 'refunds'],
    ['退费到哪了', 'refunds'],
    ['看看账单', 'bills'],
    ['欠多少钱', 'bills'],
    ['俺家暖气咋不热了', 'complaint'],
    ['字太小了看不清', 'larger'],
    ['退出长辈版', 'mode-standard'],
    ['退出登录', 'sign-out'],
  ])('"%s" → %s', (utterance, id) => {
    expect(idOf(utterance)).toBe(id);
  });
});

describe('homophones and recogniser errors', () => {
  it.each([
    ['帐单', 'bills'],
    ['交费', 'pay'],
    ['保修', 'complaint'],
    ['退费近度', 'refunds'],
    ['拨打热现', 'hotline'],
    ['常备版', 'mode-elder'],
  ])('"%s" → %s', (utterance, id) => {
    expect(idOf(utterance)).toBe(id);
  });

  it('scores an exact label above its homophone', () => {
    const exact = resident.match('账单');
    const heard = resident.match('帐单');
    expect(exact.kind === 'match' && heard.kind === 'match' && exact.score > heard.score).toBe(true);
  });

  it('does not take a one-character homophone for a one-character command', () => {
    // 视 sounds like 是 (yes); confirming a payment on "打开电视" would be a disaster.
    expect(resident.match('打开电视')).toEqual({ kind: 'none' });
    expect(idOf('是')).toBe('confirm');
  });
});

describe('asking back', () => {
  it.each([
    ['退费', ['refund-request', 'refunds']],
    ['户号', ['accounts', 'bind-account']],
  ])('"%s" asks between %j', (utterance, candidates) => {
    const result = resident.match(utterance);
    expect(result.kind).toBe('ask');
    if (result.kind === 'ask') expect([...result.candidates].sort()).toEqual(candidates);
  });

  it('asks when two page commands share a visible label', () => {
    const page: VoiceCommand[] = [
      { id: 'bill-2025', labels: ['查看详情'] },
      { id: 'bill-2024', labels: ['查看详情'] },
    ];
    expect(createVoiceMatcher(page).match('查看详情')).toEqual({ kind: 'ask', candidates: ['bill-2025', 'bill-2024'] });
  });

  it('decides when the margin is set to zero', () => {
    const decisive = createVoiceMatcher(RESIDENT_VOICE_COMMANDS, { askMargin: 0 });
    expect(decisive.match('退费').kind).toBe('match');
  });
});

describe('unrelated speech', () => {
  it.each(['今天天气怎么样', '给我讲个笑话', '明天会下雨吗', '我孙子什么时候回来', '你好', '谢谢你', '哈哈哈'])(
    '"%s" is no command',
    (utterance) => {
      expect(resident.match(utterance)).toEqual({ kind: 'none' });
    },
  );

  it('still hears a command after small talk', () => {
    expect(idOf('你好，我要交暖气费')).toBe('pay');
  });
});

describe('page commands', () => {
  const page: VoiceCommand[] = [
    { id: 'home', labels: ['回到首页'] },
    { id: 'download', labels: ['下载电子发票'], synonyms: ['下载发票'] },
    { id: 'pay-now', labels: ['立即支付'], costly: true },
  ];
  const matcher = createVoiceMatcher(page);

  it('matches the visible label', () => {
    expect(matcher.match('下载电子发票')).toEqual({ kind: 'match', id: 'download', score: 1 });
    expect(matcher.match('立即支付')).toMatchObject({ kind: 'match', id: 'pay-now' });
  });

  it('merges a page command with the global one of the same id', () => {
    expect(matcher.match('回到首页')).toMatchObject({ kind: 'match', id: 'home' });
    expect(matcher.match('主页')).toMatchObject({ kind: 'match', id: 'home' });
    expect(matcher.catalogue.commands.filter((command) => command.id === 'home')).toHaveLength(1);
  });

  it('keeps the global commands available', () => {
    expect(matcher.match('我能说什么')).toMatchObject({ kind: 'match', id: 'help' });
    expect(matcher.match('确认')).toMatchObject({ kind: 'match', id: 'confirm' });
  });

  it('marks costly commands in the compiled catalogue', () => {
    const costly = matcher.catalogue.commands.filter((command) => command.costly).map((command) => command.id);
    expect(costly).toEqual(['pay-now']);
  });

  it('works with no global commands at all', () => {
    const bare = compileVoiceCommands(page);
    expect(matchVoiceCommand('下载发票', bare)).toMatchObject({ kind: 'match', id: 'download' });
    expect(matchVoiceCommand('我能说什么', bare)).toEqual({ kind: 'none' });
  });
});
