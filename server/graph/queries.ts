// Saved, parameterised queries: cypher/queries/*.cypher files with a header comment block
// (`// name:`, `// description:`, `// params: name:type=default, …`), parsed once and run through the console.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SavedQuery, SavedQueryParamType, type SavedQueryParam } from '../../contract/api.ts';

export class SavedQueryError extends Error {
  override name = 'SavedQueryError';
}

function parseDefault(type: SavedQueryParamType, raw: string, where: string): unknown {
  switch (type) {
    case 'string':
      return raw;
    case 'string[]':
      return raw === '' ? [] : raw.split('|').map((item) => item.trim());
    case 'boolean':
      if (raw !== 'true' && raw !== 'false')
        throw new SavedQueryError(`${where}: boolean default must be true or false`);
      return raw === 'true';
    case 'int':
    case 'float': {
      const value = Number(raw);
      if (!Number.isFinite(value) || (type === 'int' && !Number.isInteger(value))) {
        throw new SavedQueryError(`${where}: ${raw} is not a valid ${type}`);
      }
      return value;
    }
  }
}

function parseParams(line: string, where: string): SavedQueryParam[] {
  if (line.trim() === '') return [];
  return line.split(',').map((spec) => {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([a-z[\]]+)\s*(?:=\s*(.*?))?\s*$/.exec(spec);
    if (!match) throw new SavedQueryError(`${where}: cannot read parameter "${spec.trim()}"`);
    const [, name, rawType, rawDefault] = match as unknown as [string, string, string, string | undefined];
    const type = SavedQueryParamType.safeParse(rawType);
    if (!type.success) throw new SavedQueryError(`${where}: unknown parameter type ${rawType}`);
    const param: SavedQueryParam = { name, type: type.data };
    if (rawDefault !== undefined) param.default = parseDefault(type.data, rawDefault, where);
    return param;
  });
}

/** Parses one saved query file; `file` names it in error messages. */
export function parseSavedQuery(text: string, file: string): SavedQuery {
  const header = new Map<string, string>();
  const body: string[] = [];
  let inHeader = true;
  for (const line of text.split(/\r?\n/)) {
    const field = inHeader ? /^\/\/\s*(name|description|params)\s*:\s*(.*)$/.exec(line) : null;
    if (field) {
      header.set(field[1] as string, (field[2] as string).trim());
    } else if (inHeader && /^\/\//.test(line)) {
      continue;
    } else {
      inHeader = false;
      body.push(line);
    }
  }
  const name = header.get('name');
  if (!name) throw new SavedQueryError(`${file}: missing "// name:" header`);
  const query = body.join('\n').trim();
  if (!query) throw new SavedQueryError(`${file}: no query after the header`);
  return SavedQuery.parse({
    name,
    description: header.get('description') ?? '',
    params: parseParams(header.get('params') ?? '', file),
    query,
  });
}

/** Reads every *.cypher file of `dir`, sorted by file name. */
export async function loadSavedQueries(dir: string): Promise<SavedQuery[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.cypher')).sort();
  const queries: SavedQuery[] = [];
  for (const file of files) queries.push(parseSavedQuery(await readFile(join(dir, file), 'utf8'), file));
  const names = new Set<string>();
  for (const query of queries) {
    if (names.has(query.name)) throw new SavedQueryError(`${dir}: two queries are named ${query.name}`);
    names.add(query.name);
  }
  return queries;
}

/**
 * Binds request values to a query's declared parameters: unknown names are refused, missing ones take
 * their default, and each value must have the declared type. Returns plain values (ints stay numbers).
 */
export function bindParams(query: SavedQuery, values: Record<string, unknown>): Record<string, unknown> {
  const declared = new Map(query.params.map((param) => [param.name, param]));
  for (const key of Object.keys(values)) {
    if (!declared.has(key)) throw new SavedQueryError(`params.${key}: not a parameter of ${query.name}`);
  }
  const bound: Record<string, unknown> = {};
  for (const param of query.params) {
    const value = values[param.name] ?? param.default;
    if (value === undefined) throw new SavedQueryError(`params.${param.name}: required`);
    bound[param.name] = coerce(param, value);
  }
  return bound;
}

function coerce(param: SavedQueryParam, value: unknown): unknown {
  const fail = (): never => {
    throw new SavedQueryError(`params.${param.name}: expected ${param.type}`);
  };
  switch (param.type) {
    case 'string':
      return typeof value === 'string' ? value : fail();
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : fail();
    case 'boolean':
      return typeof value === 'boolean' ? value : fail();
    case 'int': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof number === 'number' && Number.isInteger(number) ? number : fail();
    }
    case 'float': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof number === 'number' && Number.isFinite(number) ? number : fail();
    }
  }
}
