// Some residents type traditional forms (older phones, input methods set to 繁體). Only the
// characters that occur in hot words and the negation rules are folded, so a term list written in
// simplified Chinese still matches. Every pair maps one BMP character to one, which keeps offsets
// aligned.
const PAIRS =
  '熱热氣气費费難难涼凉凍冻溫温給给態态務务電电話话錢钱帳帐賬账單单繳缴報报漲涨貴贵發发燒烧響响聲声' +
  '裡里裏里點点沒没還还開开關关閥阀門门應应該该為为麼么樣样說说讓让這这個个們们來来時时間间爛烂滲渗' +
  '壞坏斷断暫暂據据額额餘余遲迟櫃柜線线窩窝顧顾處处辦办謝谢煙烟爐炉嗎吗麵面飯饭臥卧廳厅廚厨衛卫牆墙' +
  '層层樓楼頂顶嘩哗動动靜静員员風风陽阳統统環环迴回進进補补償偿險险傷伤觸触燙烫專专訴诉複复實实驗验' +
  '測测別别無无戶户號号帶带邊边節节錯错誤误濕湿漬渍';

function buildMap(): ReadonlyMap<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i + 1 < PAIRS.length; i += 2) {
    const from = PAIRS.charCodeAt(i);
    const to = PAIRS.charCodeAt(i + 1);
    if (from !== to) map.set(from, to);
  }
  return map;
}

export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<number, number> = buildMap();
