// English names of regions: conventional English for provincial-level units, otherwise Title Case
// pinyin of stem, ethnic groups and suffix as separate words ('Qiandongnan Miaozu Dongzu Zizhizhou').
import { pinyin } from 'pinyin-pro';
import type { RegionLevel } from '../../../contract/vocabulary.ts';
import { splitOfficialName } from './short-names.ts';

const PROVINCE_EN: Readonly<Record<string, string>> = {
  '100000': 'China',
  '110000': 'Beijing',
  '120000': 'Tianjin',
  '130000': 'Hebei',
  '140000': 'Shanxi',
  '150000': 'Inner Mongolia',
  '210000': 'Liaoning',
  '220000': 'Jilin',
  '230000': 'Heilongjiang',
  '310000': 'Shanghai',
  '320000': 'Jiangsu',
  '330000': 'Zhejiang',
  '340000': 'Anhui',
  '350000': 'Fujian',
  '360000': 'Jiangxi',
  '370000': 'Shandong',
  '410000': 'Henan',
  '420000': 'Hubei',
  '430000': 'Hunan',
  '440000': 'Guangdong',
  '450000': 'Guangxi',
  '460000': 'Hainan',
  '500000': 'Chongqing',
  '510000': 'Sichuan',
  '520000': 'Guizhou',
  '530000': 'Yunnan',
  '540000': 'Tibet',
  '610000': 'Shaanxi',
  '620000': 'Gansu',
  '630000': 'Qinghai',
  '640000': 'Ningxia',
  '650000': 'Xinjiang',
  '710000': 'Taiwan',
  '810000': 'Hong Kong',
  '820000': 'Macau',
};

// Place-name readings that differ from the most common reading of a character.
const READINGS: Readonly<Record<string, string>> = {
  闵行: 'minhang',
  乐清: 'yueqing',
  乐亭: 'laoting',
  涡阳: 'guoyang',
  蔚县: 'yuxian',
  亳州: 'bozhou',
  枞阳: 'zongyang',
  黟县: 'yixian',
  歙县: 'shexian',
  台州: 'taizhou',
  天台: 'tiantai',
  长治: 'changzhi',
  长春: 'changchun',
  长沙: 'changsha',
  重庆: 'chongqing',
  六安: "lu'an",
  番禺: 'panyu',
  铅山: 'yanshan',
  东阿: "dong'e",
  蚌埠: 'bengbu',
  厦门: 'xiamen',
  荥阳: 'xingyang',
  大埔: 'dabu',
  东莞: 'dongguan',
  单县: 'shanxian',
  莘县: 'shenxian',
  洪洞: 'hongtong',
  解州: 'haizhou',
  盱眙: 'xuyi',
  临朐: 'linqu',
  昌都: 'changdu',
  喀什: 'kashi',
  都江堰: 'dujiangyan',
};

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function romanize(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    if (READINGS[two]) {
      out += READINGS[two];
      i += 2;
      continue;
    }
    out += pinyin(text.charAt(i), { toneType: 'none', type: 'array' }).join('');
    i += 1;
  }
  return out;
}

/** Romanizes a run of Chinese with word-level context from pinyin-pro, then applies overrides. */
function romanizeWord(text: string): string {
  if (Object.keys(READINGS).some((k) => text.includes(k))) return titleCase(romanize(text));
  return titleCase(pinyin(text, { toneType: 'none', type: 'array' }).join(''));
}

export function englishName(code: string, name: string, level: RegionLevel): string {
  const conventional = PROVINCE_EN[code];
  if (conventional) return conventional;
  const { stem, groups, suffix } = splitOfficialName(name, level);
  return [stem, ...groups, suffix]
    .filter((w) => w.length > 0)
    .map(romanizeWord)
    .join(' ');
}
