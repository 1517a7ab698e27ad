import type { VoiceCommand } from './types';

/*
 * The destinations and actions of Nuanxin's resident pages. A page passes the ones it shows;
 * labels must equal the visible text. Synonyms carry the colloquial and dialect ways residents
 * ask (交暖气费, 家里冷, 退钱的事) and the spellings recognisers produce (帐单, 交费, 保修).
 * Where one phrase fits two commands (退费, 户号) it is listed under both on purpose: the page
 * asks back rather than guess.
 */
export const RESIDENT_VOICE_COMMANDS: readonly VoiceCommand[] = [
  {
    id: 'home',
    labels: ['首页'],
  },
  {
    id: 'bills',
    labels: ['账单', '我的账单'],
    synonyms: [
      '查账单', '看账单', '看看账单', '账单明细', '查询账单', '欠多少钱', '欠多少', '还欠多少',
      '欠费', '查欠费', '该交多少', '要交多少钱', '交多少钱', '暖气费多少', '多少钱',
    ],
  },
  {
    id: 'pay',
    labels: ['缴费', '交暖气费'],
    costly: true,
    synonyms: [
      '交费', '交钱', '付钱', '缴暖气费', '交取暖费', '交供暖费', '付款', '支付', '在线缴费',
      '交暖气钱', '续费', '把暖气费交了',
    ],
  },
  {
    id: 'complaint',
    labels: ['暖气不热报修', '报修'],
    synonyms: [
      '暖气不热', '暖气不热了', '家里冷', '屋里冷', '家里冰凉', '屋里冰凉', '太冷了', '好冷',
      '冻死了', '暖气凉', '暖气冰凉', '暖气坏了', '修暖气', '报修暖气', '维修', '投诉', '我要投诉',
      '漏水', '暖气漏水', '停暖了', '没暖气', '温度低', '室温低', '反映问题',
    ],
  },
  {
    id: 'complaint-progress',
    labels: ['报修进度', '我的报修'],
    synonyms: [
      '维修进度', '投诉进度', '报修到哪了', '修到哪了', '报修记录', '投诉记录', '我的投诉',
      '师傅什么时候来', '什么时候来修', '工单',
    ],
  },
  {
    id: 'refunds',
    labels: ['退费进度'],
    synonyms: [
      '退费到哪了', '退钱的事', '退钱到哪了', '退款进度', '退款到哪了', '退费记录', '我的退费',
      '钱什么时候退', '退费怎么样了', '退费',
    ],
  },
  {
    id: 'refund-request',
    labels: ['申请退费'],
    costly: true,
    synonyms: [
      '我要退费', '办退费', '退暖气费', '申请退款', '要退钱', '把钱退给我', '报停', '申请报停',
      '办理报停', '退费',
    ],
  },
  {
    id: 'accounts',
    labels: ['我的户号'],
    synonyms: ['户号', '户号列表', '户号管理', '我家的户号', '我的房子', '我的房屋'],
  },
  {
    id: 'bind-account',
    labels: ['绑定户号'],
    synonyms: [
      '添加户号', '加户号', '绑户号', '新增户号', '关联户号', '绑定房屋', '添加房屋', '绑定',
      '户号',
    ],
  },
  {
    id: 'payment-history',
    labels: ['缴费记录'],
    synonyms: [
      '交费记录', '付款记录', '缴费历史', '交费历史', '交过的钱', '以前交的钱', '发票', '开发票',
      '电子发票', '收据',
    ],
  },
  {
    id: 'notices',
    labels: ['通知公告'],
    synonyms: ['通知', '公告', '消息', '停暖通知', '有什么通知'],
  },
  {
    id: 'hotline',
    labels: ['拨打热线'],
    synonyms: [
      '打热线', '热线', '热线电话', '打电话', '客服电话', '客服', '人工客服', '找客服', '联系客服',
      '转人工', '人工', '咨询电话',
    ],
  },
  {
    id: 'sign-out',
    labels: ['退出登录'],
    synonyms: ['退出', '登出', '注销', '退出账号', '下线'],
  },
];
