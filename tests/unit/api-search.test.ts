// Search helpers: Lucene escaping, the query built for the full-text index and the ranking classes.
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../contract/api.ts';
import { escapeLucene, matchClass, rankHits, toLuceneQuery } from '../../server/graph/search.ts';

describe('search helpers', () => {
  it('escapes every Lucene operator character and keyword', () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^i"j~k*l?m:n\\o/p')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^i\\"j\\~k\\*l\\?m\\:n\\\\o\\/p',
    );
    expect(escapeLucene('x AND y OR NOT z')).toBe('x and y or not z');
  });

  it('adds prefix terms for Latin words only', () => {
    expect(toLuceneQuery('ningx')).toBe('ningx ningx*');
    expect(toLuceneQuery('Zhejiang Univ')).toBe('Zhejiang Univ zhejiang* univ*');
    expect(toLuceneQuery('宁夏')).toBe('宁夏');
  });

  it('classifies exact, prefix and full-text matches over names, aliases, English and pinyin', () => {
    const region = {
      name: '宁夏回族自治区',
      aliases: ['宁夏'],
      nameEn: 'Ningxia Huizu Zizhiqu',
      pinyin: 'ningxiahuizuzizhiqu nxhzzzq ningxia nx',
    };
    expect(matchClass('宁夏', region)).toBe('exact');
    expect(matchClass('ningxia', region)).toBe('exact');
    expect(matchClass('NINGXIA HUIZU ZIZHIQU', region)).toBe('exact');
    expect(matchClass('宁夏回族', region)).toBe('prefix');
    expect(matchClass('ningx', region)).toBe('prefix');
    expect(matchClass('回族', region)).toBe('fulltext');
  });

  it('ranks exact before prefix before full-text, then by score and shorter name', () => {
    const hit = (id: string, match: SearchHit['match'], score: number, name = id): SearchHit => ({
      id,
      name,
      type: 'Company',
      labels: [],
      aliases: [],
      nameEn: null,
      region: null,
      match,
      score,
    });
    const ranked = rankHits([
      hit('c', 'fulltext', 9),
      hit('b', 'prefix', 1),
      hit('a2', 'exact', 1, 'long name'),
      hit('a1', 'exact', 1, 'short'),
    ]);
    expect(ranked.map((h) => h.id)).toEqual(['a1', 'a2', 'b', 'c']);
  });
});
