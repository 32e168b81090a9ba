// The researcher's curation file (seeds/curation.yaml): merge, rename, drop and add, validated with zod
// and applied to every extraction before it is written, so corrections survive re-extraction.
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Extraction, ExtractedEntity, ExtractedRelation } from '../../contract/extraction.ts';
import { ID_PREFIX, RelationType } from '../../contract/vocabulary.ts';
import { factId } from './ids.ts';

const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

const Merge = z.strictObject({ into: z.string().min(1), from: z.array(z.string().min(1)).min(1) });
const Rename = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()).optional(),
});
const DropFact = z.strictObject({ fact: z.string().startsWith('fact:') });
const DropTriple = z.strictObject({
  source: z.string().min(1),
  target: z.string().min(1),
  type: RelationType,
});
const Add = z.strictObject({
  source: z.string().min(1),
  target: z.string().min(1),
  type: RelationType,
  evidence: z.string().min(1),
  documentId: z.string().min(1).optional(),
  date: IsoDate.optional(),
  dateText: z.string().optional(),
  amount: z.number().nonnegative().optional(),
  currency: z.string().length(3).optional(),
  amountText: z.string().optional(),
  planned: z.boolean().optional(),
  role: z.string().optional(),
  confidence: z.number().min(0).max(1).optional(),
});

export const Curation = z.strictObject({
  merge: z.array(Merge).default([]),
  rename: z.array(Rename).default([]),
  drop: z.array(z.union([DropFact, DropTriple])).default([]),
  add: z.array(Add).default([]),
});
export type Curation = z.infer<typeof Curation>;

export const EMPTY_CURATION: Curation = { merge: [], rename: [], drop: [], add: [] };

export class CurationError extends Error {
  readonly code = 'INVALID_CURATION';
  constructor(message: string) {
    super(message);
    this.name = 'CurationError';
  }
}

/** Parses curation YAML; errors name the file, line and entry (e.g. `merge[0].into`). */
export function parseCuration(text: string, file = 'curation.yaml'): Curation {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    throw new CurationError(`${file}:${err.linePos?.[0]?.line ?? '?'}: ${err.message.split('\n')[0]}`);
  }
  const result = Curation.safeParse(doc.toJS() ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  let line: number | string = '?';
  for (let n = issue.path.length; n >= 0; n--) {
    const node = doc.getIn(issue.path.slice(0, n) as (string | number)[], true) as
      { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) {
      line = lineCounter.linePos(node.range[0]).line;
      break;
    }
  }
  throw new CurationError(`${file}:${line}: ${path || '(root)'}: ${issue.message}`);
}

export async function readCuration(path: string): Promise<Curation> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new CurationError(`${path}: cannot read the curation file`);
  }
  return parseCuration(text, path);
}

// ---- applying it ---------------------------------------------------------------------------

function findEntity(entities: ExtractedEntity[], ref: string): ExtractedEntity | undefined {
  return (
    entities.find((e) => e.id === ref) ??
    entities.find((e) => e.name === ref) ??
    entities.find((e) => e.aliases.includes(ref))
  );
}

function idFor(type: ExtractedEntity['type'], ref: string): { id: string; name: string } {
  const colon = ref.indexOf(':');
  if (colon > 0) return { id: ref, name: ref.slice(colon + 1) };
  return { id: `${ID_PREFIX[type]}:${ref}`, name: ref };
}

function rewriteEnds(relations: ExtractedRelation[], from: Set<string>, into: string): ExtractedRelation[] {
  return relations.map((r) => ({
    ...r,
    source: from.has(r.source) ? into : r.source,
    target: from.has(r.target) ? into : r.target,
  }));
}

function applyMerge(x: Extraction, op: Curation['merge'][number]): Extraction {
  const parts = op.from.map((ref) => findEntity(x.entities, ref)).filter((e): e is ExtractedEntity => !!e);
  if (parts.length === 0) return x;
  const existing = findEntity(x.entities, op.into);
  const target: ExtractedEntity = existing
    ? { ...existing }
    : { ...parts[0]!, ...idFor(parts[0]!.type, op.into), aliases: [], mentions: [], implied: true };
  const absorbed = parts.filter((p) => p !== existing);
  const refs = new Set<string>();
  for (const p of absorbed) {
    target.aliases = [...target.aliases, p.name, ...p.aliases];
    target.mentions = [...target.mentions, ...p.mentions];
    target.implied = target.implied && p.implied;
    for (const ref of [p.id, p.name, ...p.aliases]) refs.add(ref);
  }
  target.aliases = [...new Set(target.aliases)].filter((a) => a !== target.name);
  const gone = new Set(absorbed);
  const entities = x.entities.filter((e) => !gone.has(e) && e !== existing);
  return { ...x, entities: [...entities, target], relations: rewriteEnds(x.relations, refs, target.id) };
}

function applyRename(x: Extraction, op: Curation['rename'][number]): Extraction {
  const entity = findEntity(x.entities, op.id);
  if (!entity) return x;
  const aliases = [...new Set([...entity.aliases, entity.name, ...(op.aliases ?? [])])].filter(
    (a) => a !== op.name,
  );
  return { ...x, entities: x.entities.map((e) => (e === entity ? { ...e, name: op.name, aliases } : e)) };
}

function idOf(x: Extraction, ref: string): string {
  return findEntity(x.entities, ref)?.id ?? ref;
}

function relationFactId(x: Extraction, r: ExtractedRelation): string | null {
  if (r.type === 'OTHER') return null;
  const key = { type: r.type, source: idOf(x, r.source), target: idOf(x, r.target) };
  return factId({ ...key, date: r.date?.value, amount: r.amount?.value });
}

function applyDrop(x: Extraction, op: Curation['drop'][number]): Extraction {
  if ('fact' in op) return { ...x, relations: x.relations.filter((r) => relationFactId(x, r) !== op.fact) };
  const s = idOf(x, op.source);
  const t = idOf(x, op.target);
  const symmetric = op.type === 'AGREEMENT' || op.type === 'COOPERATION';
  const matches = (r: ExtractedRelation): boolean => {
    if (r.type !== op.type) return false;
    const rs = idOf(x, r.source);
    const rt = idOf(x, r.target);
    return (rs === s && rt === t) || (symmetric && rs === t && rt === s);
  };
  return { ...x, relations: x.relations.filter((r) => !matches(r)) };
}

function applyAdd(x: Extraction, op: Curation['add'][number]): Extraction {
  if (op.documentId !== undefined && op.documentId !== x.document.id) return x;
  const source = findEntity(x.entities, op.source);
  const target = findEntity(x.entities, op.target);
  if (!source || !target) return x;
  const relation: ExtractedRelation = {
    source: source.id,
    target: target.id,
    type: op.type,
    evidence: op.evidence,
    rule: 'curation',
    confidence: op.confidence ?? 1,
    ...(op.planned !== undefined ? { planned: op.planned } : {}),
    ...(op.role !== undefined ? { role: op.role } : {}),
    ...(op.date ? { date: { value: op.date, text: op.dateText ?? op.date } } : {}),
    ...(op.amount !== undefined
      ? {
          amount: {
            value: op.amount,
            currency: op.currency ?? 'CNY',
            text: op.amountText ?? String(op.amount),
          },
        }
      : {}),
  };
  return { ...x, relations: [...x.relations, relation] };
}

/**
 * Applies the curation to one extraction, in the order merge → rename → drop → add.
 * An `add` without documentId goes to every document that has both ends.
 */
export function applyCuration(extraction: Extraction, curation: Curation): Extraction {
  let x = extraction;
  for (const op of curation.merge) x = applyMerge(x, op);
  for (const op of curation.rename) x = applyRename(x, op);
  for (const op of curation.drop) x = applyDrop(x, op);
  for (const op of curation.add) x = applyAdd(x, op);
  return x;
}
