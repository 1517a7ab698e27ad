import type { HotwordCategory, HotwordSeverity, HotwordTerm } from '@/lib/complaints/hotwords/types';

/*
 * The hot-word library seeded for every utility; staff edit it afterwards, and the matcher is
 * rebuilt from whatever the database holds. Severity: 1 mild or ambiguous, 2 a clear complaint,
 * 3 urgent (a total outage, a burst pipe, danger to people). The daily surge threshold is 50
 * mentions unless a term overrides it below.
 */

function group(category: HotwordCategory, severity: HotwordSeverity, terms: string): HotwordTerm[] {
  return terms
    .split(/\s+/)
    .filter((term) => term.length > 0)
    .map((term) => ({ term, category, severity }));
}

const NOT_WARM: HotwordTerm[] = [
  ...group(
    'NOT_WARM',
    2,
    `暖气不热 不热 不够热 不太热 不怎么热 没热 还是不热 还不热 不热了 地暖不热 暖气片不热
     温度低 温度太低 室温低 室温太低 温度不够 温度上不来 上不来温度 热度不够 热量不够
     供热不足 供暖不足 供暖不达标 温度不达标 室温不达标 暖气不达标 不达标
     屋里冷 家里冷 屋里太冷 家里太冷 屋里很冷 太冷了 冷得 冷得要命 冷得受不了 冷死了 冻得 冻死了
     冻死人 冻死 冻坏了 冻着了 挨冻 受冻 冻手 屋里冻手 冻脚 冻得慌 冻得够呛 冻得直哆嗦 冻透了
     冻得嘶哈的 嘶哈嘶哈 冰凉 冰冰凉 冰凉冰凉 拔凉 拔凉拔凉的 哇凉 哇凉哇凉的 冷飕飕 凉飕飕
     冷冰冰 凉冰冰 贼冷 老冷了 嘎嘎冷 齁冷 可冷了 死冷 冻成狗 冰窖 像冰窖
     不给热 不给烧 烧得不热 不热乎 没热乎气 暖气片温乎 温乎乎 温吞吞 半温不热 不冷不热
     半截热 上热下凉 上面热下面凉 冷热不均 回水凉 回水不热 进水热回水凉 不上水 上不去水
     水上不去 不循环 循环不好 气堵 有空气 放不出气 暖气堵了 管子堵了 末端不热 顶楼不热
     暖气凉 暖气片凉 地暖凉 冻感冒 着凉`,
  ),
  ...group(
    'NOT_WARM',
    1,
    `冷 凉 温乎 有点凉 有点冷 不暖和 穿棉袄 穿着棉袄 穿羽绒服 盖两床被 开电暖气 电暖气 电热毯
     小太阳 十几度 才十几度 只有十几度 就十几度 不到18度 不到十八度
     才10度 才11度 才12度 才13度 才14度 才15度 才16度 才17度
     只有10度 只有11度 只有12度 只有13度 只有14度 只有15度 只有16度 只有17度`,
  ),
];

const NO_HEAT: HotwordTerm[] = [
  ...group(
    'NO_HEAT',
    3,
    `停暖 停热 停供 断暖 断供 没暖气 没有暖气 暖气停了 暖气断了 供暖停了 暖气没了 不供暖 没供暖
     关阀 关了阀门 把阀门关了 锁阀 断阀`,
  ),
  ...group(
    'NO_HEAT',
    2,
    `没暖 还没供暖 没来暖气 还没来暖气 暖气还没来 暖气没来 没来热 暖气不来 一点不热 一点都不热
     一点也不热 完全不热 根本不热 彻底凉了 全凉了 全是凉的 一点温度都没有 没有一点温度 没温度
     一点热乎气都没有`,
  ),
];

const LEAK: HotwordTerm[] = [
  ...group(
    'LEAK',
    3,
    `爆管 管子爆了 水管爆了 暖气片爆了 暖气管爆了 管道破裂 暖气片裂了 喷水 哗哗流 哗哗地流
     大量漏水 水漫金山 淹了`,
  ),
  ...group(
    'LEAK',
    2,
    `漏水 跑水 冒水 滴水 滴答水 滴滴答答 渗水 往外渗 洇水 洇湿 返水 淌水 呲水 滋水 暖气漏
     暖气片漏 阀门漏 接口漏 接头漏 管子漏 水管漏 跑风漏水 放气阀漏 跑冒滴漏 往下滴水 天花板滴水
     漏到楼下 楼下漏 墙湿了 墙都湿了 地板泡了 泡水了`,
  ),
  ...group('LEAK', 1, `漏气 水漫`),
];

const SAFETY: HotwordTerm[] = [
  ...group(
    'SAFETY',
    3,
    `烫伤 烫着 烫到 喷热水 冒热气 冒蒸汽 冒烟 着火 起火 火灾 煤气味 燃气味 一氧化碳 煤气中毒
     中毒 触电 漏电 电线泡水 短路 塌了 塌陷 砸到 砸伤 冻伤 冻病 冻住院 冻晕 晕倒 爆炸
     暖气片掉了`,
  ),
  ...group('SAFETY', 2, `危险 有危险 安全隐患 蒸汽 掉下来 井盖 烧焦味 糊味 老人受不了`),
];

const REFUND: HotwordTerm[] = group(
  'REFUND',
  2,
  `退费难 退费 退钱 退款 不给退 不退钱 不退费 退不了 退不回来 退费慢 一直没退 还没退 迟迟不退
   到现在没退 退费进度 申请退费 退费申请 退费被拒 拒绝退费 不予退费 报停退费 停供退费 报停
   办报停 报停费 退了一半 少退 退少了 押金不退 预交款 余额退回 多交的钱 钱退回来 退回来`,
);

const BILLING: HotwordTerm[] = [
  ...group(
    'BILLING',
    2,
    `乱收费 多收费 多收 收费高 收费太高 收费贵 太贵了 暖气费贵 热费贵 热费太高 价格高 涨价 乱涨价
     费用高 账单不对 账单有误 帐单不对 算错了 算错 面积不对 面积算错 计费错误 多算 重复扣费
     扣了两次 扣两次 重复交费 重复缴费 多扣 多扣钱 乱扣费 缴费失败 交费失败 付款失败 支付失败
     交不上 交不了费 钱扣了 扣了钱 没到账 不到账 显示欠费 显示未缴 还显示欠费 滞纳金 违约金
     开不了发票 没有发票 不给发票 不合理收费 强制收费 捆绑收费`,
  ),
  ...group(
    'BILLING',
    1,
    `收费 太贵 欠费 扣费 发票 空置费 空置房 基础热费 按面积收 公摊 公摊面积 每平米 单价 价格`,
  ),
];

const SERVICE: HotwordTerm[] = [
  ...group(
    'SERVICE',
    2,
    `态度差 态度不好 态度恶劣 态度冷淡 态度极差 服务差 服务不好 服务太差 不耐烦 爱答不理 爱搭不理
     推诿 互相推诿 踢皮球 推来推去 没人管 没人理 没人接 没人来修 不来修 也不来修 不给修 打不通
     电话打不通 热线打不通 一直占线 没回复 不回复 不回电话 不接电话 挂电话 挂我电话 骂人 吼我
     敷衍 糊弄 应付了事 不作为 拖着不办 一拖再拖 拖延 放鸽子 说好的没来 约好了没来 投诉无门
     投诉没用 到底管不管 有没有人管 12345 市长热线 曝光 找媒体 找记者 要好处 好处费 吃拿卡要 乱要钱 收红包`,
  ),
  ...group(
    'SERVICE',
    1,
    `没人来 占线 冷漠 不热情 凶得很 等了一天 等了半天 等了好几天 等了一上午 没结果 拖着`,
  ),
];

const NOISE: HotwordTerm[] = group(
  'NOISE',
  1,
  `噪音 噪声 异响 一直响 老响 乱响 响个不停 咚咚响 当当响 哐哐响 哐当哐当 嗡嗡响 嗡嗡的 哗哗响
   咕噜咕噜 咕嘟咕嘟 流水声 水流声 嘶嘶响 滋滋响 吵得睡不着 吵死了 太吵 震动 振动 水泵响 泵房噪音
   换热站噪音 半夜响 敲暖气 敲管子 砰砰响`,
);

/*
 * Everyday words fire every day across a city; a surge means many more of them. Rare, alarming
 * words should open an incident on the first handful.
 */
const THRESHOLD_OVERRIDES: Readonly<Record<string, number>> = {
  不热: 500,
  暖气不热: 300,
  冷: 500,
  凉: 500,
  收费: 300,
  退费: 200,
  温度低: 150,
  冰凉: 150,
  爆管: 5,
  水管爆了: 5,
  管子爆了: 5,
  暖气片爆了: 5,
  煤气味: 3,
  一氧化碳: 3,
  煤气中毒: 3,
  着火: 3,
  起火: 3,
  触电: 3,
  漏电: 5,
  塌陷: 5,
  烫伤: 5,
  停暖: 20,
  停热: 20,
  断供: 20,
};

export const HOTWORD_SEED: readonly HotwordTerm[] = [
  ...NOT_WARM,
  ...NO_HEAT,
  ...LEAK,
  ...SAFETY,
  ...REFUND,
  ...BILLING,
  ...SERVICE,
  ...NOISE,
].map((entry) => {
  const dailyThreshold = THRESHOLD_OVERRIDES[entry.term];
  return dailyThreshold === undefined ? entry : { ...entry, dailyThreshold };
});
