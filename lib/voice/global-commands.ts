import type { VoiceCommand } from './types';

/** Commands that work on every page, standard and elder mode alike. */
export const GLOBAL_VOICE_COMMANDS: readonly VoiceCommand[] = [
  {
    id: 'help',
    labels: ['我能说什么'],
    synonyms: [
      '能说什么', '可以说什么', '说什么', '能说啥', '说啥', '帮助', '语音帮助', '怎么用', '咋用',
      '有什么功能', '都能干啥', '能干什么', '不会用',
    ],
  },
  {
    id: 'back',
    labels: ['返回'],
    synonyms: [
      '后退', '上一页', '返回上一页', '回上一页', '回去', '退回去', '往回走', '回到上一页',
    ],
  },
  {
    id: 'home',
    labels: ['首页'],
    synonyms: ['主页', '回首页', '返回首页', '回到首页', '主页面', '最开始的页面'],
  },
  {
    id: 'read',
    labels: ['朗读'],
    synonyms: [
      '读一下', '念一下', '读给我听', '念给我听', '读出来', '念出来', '朗读本页', '读这一页',
      '读这页', '念念', '读读',
    ],
  },
  {
    id: 'stop',
    labels: ['停止'],
    synonyms: [
      '停', '停下', '停一停', '别读了', '别念了', '不要读了', '不要念了', '暂停', '安静', '够了',
      '闭嘴',
    ],
  },
  {
    id: 'larger',
    labels: ['大一点'],
    synonyms: [
      '放大字体', '放大', '放大一点', '字大一点', '字大点', '大点', '调大', '字体调大', '字太小',
      '字太小了', '看不清', '看不清楚', '大字',
    ],
  },
  {
    id: 'smaller',
    labels: ['小一点'],
    synonyms: [
      '缩小字体', '缩小', '缩小一点', '字小一点', '字小点', '小点', '调小', '字体调小', '字太大',
      '字太大了',
    ],
  },
  {
    id: 'mode-elder',
    labels: ['长辈版'],
    synonyms: [
      '长辈模式', '切换长辈版', '老年版', '老人版', '老年模式', '大字版', '关怀版', '关怀模式',
    ],
  },
  {
    id: 'mode-standard',
    labels: ['标准版'],
    synonyms: ['标准模式', '切换标准版', '普通版', '普通模式', '正常版', '退出长辈版'],
  },
  {
    id: 'confirm',
    labels: ['确认'],
    synonyms: [
      '确定', '对', '对的', '是', '是的', '好', '好的', '可以', '行', '没问题', '没错', '同意',
      '就这样', 'ok', '确认支付', '确认提交',
    ],
  },
  {
    id: 'cancel',
    labels: ['取消'],
    synonyms: [
      '不要', '不要了', '不用', '不用了', '算了', '不对', '不是', '别', '先不', '先不了', '错了',
      '不交了', '不退了', '不行',
    ],
  },
];

/**
 * What people say to a voice button that is not a command. Matching these best means "nothing
 * was asked" rather than the command they happen to resemble (你好 is not 好, yes).
 */
export const SMALL_TALK: readonly string[] = ['你好', '您好', '谢谢', '谢谢你', '多谢', '再见', '拜拜', '喂', '在吗'];
