// Full-text search over entity names, aliases, English names and pinyin. The cjk analyzer indexes
// Chinese as overlapping character bigrams, so a search for part of a name finds the whole name.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity)
ON EACH [n.name, n.aliases, n.nameEn, n.pinyin]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
