/*
 * Words that contain a one-character hot word (冷, 凉) or a weather report rather than a room's
 * temperature. In the longest-match contest they win over the shorter hot word and report nothing.
 */
export const HOTWORD_SHIELDS: readonly string[] = [
  '冷静',
  '冷空气',
  '冷饮',
  '冷冻',
  '冷藏',
  '冷门',
  '冷笑',
  '冷清',
  '寒冷',
  '天冷',
  '天气冷',
  '外面冷',
  '外头冷',
  '凉快',
  '凉爽',
  '凉菜',
  '凉皮',
  '凉鞋',
  '凉面',
  '凉席',
  '凉白开',
  '凉茶',
  '乘凉',
  '荒凉',
  '凄凉',
  '零下十几度',
];
