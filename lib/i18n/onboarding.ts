import type { FixCode, Outcome, RejectReason } from '@/lib/onboarding/outcomes';
import type { ImportFileProblem } from '@/lib/onboarding/import-error';
import type { ColumnKey } from '@/lib/onboarding/columns';
import type { Locale } from './index';

/** Words of onboarding (import report and console), data rights and audit pages. */
interface OnboardingMessages {
  outcome: Record<Outcome, string>;
  reason: Record<RejectReason, string>;
  fix: Record<FixCode, string>;
  problem: Record<ImportFileProblem, string>;
  column: Record<ColumnKey, string>;
  report: Record<
    | 'title' | 'file' | 'utility' | 'encoding' | 'rows' | 'dryRun' | 'committed' | 'missingRates' | 'field' | 'missing' | 'rate'
    | 'target' | 'overTarget' | 'unmapped' | 'none' | 'code' | 'count' | 'issues' | 'line' | 'accountNo' | 'holder' | 'phone'
    | 'idNumber' | 'result' | 'detail' | 'mergedInto' | 'merges' | 'reviewHint' | 'balanceTotal' | 'truncated' | 'downloadCsv'
    | 'alreadyImported' | 'reasons',
    string
  >;
  page: Record<
    | 'importTitle' | 'importIntro' | 'fileLabel' | 'fileHint' | 'mappingLabel' | 'mappingHint' | 'dryRunLabel' | 'submit'
    | 'submitting' | 'history' | 'noHistory' | 'fileRequired' | 'mappingRequired' | 'pendingMerges' | 'pendingMergesIntro'
    | 'noPendingMerges' | 'mergeRow' | 'mergeInto' | 'markReviewed' | 'reviewed',
    string
  >;
}

const zh: OnboardingMessages = {
  outcome: { accepted: '已导入', fixed: '修正后导入', merged: '已合并', unchanged: '已存在，未改动', rejected: '未导入' },
  reason: {
    missing_required: '必填项缺失：{fields}',
    id_invalid: '身份证号无效（位数、地区码、出生日期或校验位不对）',
    phone_invalid: '手机号或电话号码格式不正确',
    area_format: '{fields}不是数字（最多两位小数）',
    area_implausible: '{fields}不在 5 至 1000 平方米之间',
    usable_exceeds_building: '使用面积大于建筑面积',
    balance_format: '期初欠费不是金额（元，最多两位小数）',
    status_unknown: '状态无法识别（应为 正常、报停 或 销户）',
    tariff_unmapped: '收费标准代码“{code}”不在对照表中',
    duplicate_account_no: '户号在本文件中重复出现',
    field_too_long: '{fields}超过 200 个字',
  },
  fix: {
    id_spacing: '身份证号去掉了空格或横线',
    id_full_width: '身份证号全角字符改为半角',
    id_lower_x: '身份证号末位 x 改为 X',
    id_upgraded_15: '15 位身份证号升级为 18 位',
    phone_format: '手机号去掉了区号前缀、空格或横线',
    area_unit: '面积去掉了单位或全角字符',
    balance_symbols: '期初欠费去掉了货币符号或千分位',
    balance_blank: '期初欠费为空，按 0 元',
    status_blank: '状态为空，按正常',
    whitespace: '合并了多余空格',
  },
  problem: {
    unknown_utility: '找不到供热公司“{code}”。',
    unsupported_type: '只能导入 .csv 或 .xlsx 文件（收到“{name}”）。',
    empty_file: '文件是空的。',
    file_too_large: '文件超过 {limit}，请用命令行导入。',
    unreadable: '文件无法读取，请确认是 CSV 或 Excel（.xlsx）文件。',
    missing_columns: '文件缺少这些列：{columns}。第一行应是列名。',
    mapping_columns: '收费标准对照表的第一行应包含“旧收费标准代码”和“暖心供暖季”两列。',
    mapping_empty: '收费标准对照表是空的。',
    mapping_row: '收费标准对照表第 {line} 行不完整（代码、四位年份、低保填“是”或“否”）。',
    mapping_no_tariff: '对照表用到的供暖季 {seasons} 还没有暖心收费标准，请先建立收费标准。',
    already_imported: '这个文件已经导入过（{at}），没有任何改动。',
  },
  column: {
    accountNo: '户号', holderName: '户主姓名', idNumber: '身份证号', phone: '手机号', address: '地址', buildingUnit: '楼栋/单元',
    station: '换热站', buildingArea: '建筑面积', usableArea: '使用面积', certificateNo: '产权证号', tariffCode: '收费标准代码',
    openingBalance: '期初欠费', status: '状态',
  },
  report: {
    title: '数据导入报告',
    file: '文件',
    utility: '供热公司',
    encoding: '编码',
    rows: '行数',
    dryRun: '试运行：没有写入任何数据。',
    committed: '已写入数据库。',
    missingRates: '各字段缺失率',
    field: '字段',
    missing: '缺失行数',
    rate: '缺失率',
    target: '目标低于 0.5%',
    overTarget: '超过目标',
    unmapped: '对照表中没有的收费标准代码',
    none: '没有',
    code: '代码',
    count: '行数',
    issues: '需要关注的行（修正、合并、未导入）',
    line: '行号',
    accountNo: '户号',
    holder: '户主',
    phone: '手机号',
    idNumber: '身份证号',
    result: '结果',
    detail: '说明',
    mergedInto: '合并到户号',
    merges: '合并待复核',
    reviewHint: '手机号和产权证号相同的户合并为一户，请逐条复核。',
    balanceTotal: '期初欠费合计',
    truncated: '只显示前 {n} 行，完整内容见 CSV 报告。',
    downloadCsv: '下载 CSV 报告',
    alreadyImported: '这个文件已经导入过，本次没有任何改动。',
    reasons: '未导入原因',
  },
  page: {
    importTitle: '导入历史数据',
    importIntro: '上传原系统导出的户档案（CSV 或 Excel），以及收费标准对照表。先试运行查看报告，确认后再正式导入。',
    fileLabel: '户档案文件',
    fileHint: '.csv（UTF-8 或 GBK）或 .xlsx，最大 10 MB',
    mappingLabel: '收费标准对照表',
    mappingHint: '.csv：旧收费标准代码, 暖心供暖季, 低保',
    dryRunLabel: '只试运行，不写入',
    submit: '上传并导入',
    submitting: '正在导入…',
    history: '导入记录',
    noHistory: '还没有导入记录。',
    fileRequired: '请选择户档案文件。',
    mappingRequired: '请选择收费标准对照表。',
    pendingMerges: '待复核的合并',
    pendingMergesIntro: '导入时手机号和产权证号相同的户已合并为一户。请逐条核对，确认无误后标记为已复核。',
    noPendingMerges: '没有待复核的合并。',
    mergeRow: '{file} 第 {row} 行，原户号 {legacy}',
    mergeInto: '并入户号 {account}（{holder}），期初欠费 {balance}',
    markReviewed: '标记为已复核',
    reviewed: '已标记为已复核。',
  },
};

const en: OnboardingMessages = {
  outcome: { accepted: 'Imported', fixed: 'Imported after fixes', merged: 'Merged', unchanged: 'Already present, unchanged', rejected: 'Not imported' },
  reason: {
    missing_required: 'Required field missing: {fields}',
    id_invalid: 'ID number invalid (length, region, birth date or check digit)',
    phone_invalid: 'Phone number not valid',
    area_format: '{fields} is not a number (at most two decimals)',
    area_implausible: '{fields} is not between 5 and 1000 m²',
    usable_exceeds_building: 'Usable area larger than building area',
    balance_format: 'Opening balance is not an amount (yuan, at most two decimals)',
    status_unknown: 'Status not recognised (正常, 报停 or 销户)',
    tariff_unmapped: 'Tariff code “{code}” is not in the mapping file',
    duplicate_account_no: 'Account number appears twice in this file',
    field_too_long: '{fields} longer than 200 characters',
  },
  fix: {
    id_spacing: 'Spaces or dashes removed from ID number',
    id_full_width: 'Full-width characters in ID number made half-width',
    id_lower_x: 'Final x of ID number made X',
    id_upgraded_15: '15-digit ID number upgraded to 18 digits',
    phone_format: 'Country prefix, spaces or dashes removed from phone',
    area_unit: 'Unit or full-width characters removed from area',
    balance_symbols: 'Currency sign or separators removed from balance',
    balance_blank: 'Opening balance blank, taken as 0',
    status_blank: 'Status blank, taken as active',
    whitespace: 'Extra spaces collapsed',
  },
  problem: {
    unknown_utility: 'No heating company “{code}”.',
    unsupported_type: 'Only .csv or .xlsx files can be imported (got “{name}”).',
    empty_file: 'The file is empty.',
    file_too_large: 'The file is larger than {limit}; import it from the command line.',
    unreadable: 'The file cannot be read; is it a CSV or Excel (.xlsx) file?',
    missing_columns: 'The file lacks these columns: {columns}. The first row must name the columns.',
    mapping_columns: 'The tariff mapping’s first row must contain 旧收费标准代码 and 暖心供暖季 (or legacy_code and season).',
    mapping_empty: 'The tariff mapping is empty.',
    mapping_row: 'Line {line} of the tariff mapping is incomplete (code, four-digit season, low income 是 or 否).',
    mapping_no_tariff: 'The mapping uses season {seasons}, which has no Nuanxin tariff yet; create the tariff first.',
    already_imported: 'This file was already imported ({at}); nothing changed.',
  },
  column: {
    accountNo: 'Account no.', holderName: 'Holder', idNumber: 'ID number', phone: 'Phone', address: 'Address',
    buildingUnit: 'Building/unit', station: 'Station', buildingArea: 'Building area', usableArea: 'Usable area',
    certificateNo: 'Property certificate', tariffCode: 'Tariff code', openingBalance: 'Opening balance', status: 'Status',
  },
  report: {
    title: 'Import report',
    file: 'File',
    utility: 'Heating company',
    encoding: 'Encoding',
    rows: 'Rows',
    dryRun: 'Dry run: nothing was written.',
    committed: 'Written to the database.',
    missingRates: 'Missing-field rate per field',
    field: 'Field',
    missing: 'Rows missing',
    rate: 'Rate',
    target: 'target below 0.5%',
    overTarget: 'above target',
    unmapped: 'Tariff codes not in the mapping',
    none: 'None',
    code: 'Code',
    count: 'Rows',
    issues: 'Rows to look at (fixed, merged, not imported)',
    line: 'Line',
    accountNo: 'Account no.',
    holder: 'Holder',
    phone: 'Phone',
    idNumber: 'ID number',
    result: 'Result',
    detail: 'Detail',
    mergedInto: 'Merged into',
    merges: 'Merges to review',
    reviewHint: 'Households with the same phone and property certificate were merged; please review each.',
    balanceTotal: 'Opening balances in total',
    truncated: 'First {n} rows shown; the CSV report has them all.',
    downloadCsv: 'Download CSV report',
    alreadyImported: 'This file was already imported; nothing changed.',
    reasons: 'Reasons not imported',
  },
  page: {
    importTitle: 'Import legacy records',
    importIntro: 'Upload the account records exported from the old system (CSV or Excel) and the tariff mapping. Try a dry run first, then import.',
    fileLabel: 'Account records',
    fileHint: '.csv (UTF-8 or GBK) or .xlsx, at most 10 MB',
    mappingLabel: 'Tariff mapping',
    mappingHint: '.csv: legacy code, season, low income',
    dryRunLabel: 'Dry run only, write nothing',
    submit: 'Upload and import',
    submitting: 'Importing…',
    history: 'Imports',
    noHistory: 'No imports yet.',
    fileRequired: 'Choose the account records file.',
    mappingRequired: 'Choose the tariff mapping file.',
    pendingMerges: 'Merges to review',
    pendingMergesIntro: 'Households with the same phone and property certificate were merged on import. Check each and mark it reviewed.',
    noPendingMerges: 'No merges waiting for review.',
    mergeRow: '{file} row {row}, legacy account {legacy}',
    mergeInto: 'merged into account {account} ({holder}), opening balance {balance}',
    markReviewed: 'Mark reviewed',
    reviewed: 'Marked reviewed.',
  },
};

export function onboardingMessages(locale: Locale): OnboardingMessages {
  return locale === 'en' ? en : zh;
}
export type { OnboardingMessages };
