// The extraction output: one JSON document per source text (the contract of shared/eval/README.md).
// The extractor writes it, the loader reads it, and both validate it with these schemas.
import { z } from 'zod';
import { ExtractedEntityType, ExtractedRelationType } from './vocabulary.ts';

export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Span = z.infer<typeof Span>;

export const Amount = z.object({
  text: z.string(),
  /** Normalized to the unit: 11.7亿元 → 1170000000. */
  value: z.number().nonnegative(),
  currency: z.string().min(3).max(3),
  /** 约, 近, 超过, 达, 余 … kept as written. */
  qualifier: z.string().nullable().optional(),
});
export type Amount = z.infer<typeof Amount>;

export const FactDate = z.object({
  text: z.string(),
  /** ISO: YYYY, YYYY-MM or YYYY-MM-DD. */
  value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
});
export type FactDate = z.infer<typeof FactDate>;

export const ExtractedDocument = z.object({
  id: z.string().min(1),
  title: z.string(),
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
  chars: z.number().int().nonnegative(),
  source: z.string().optional(),
  sha256: z.string().optional(),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;

export const ExtractedEntity = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: ExtractedEntityType,
  aliases: z.array(z.string()).default([]),
  /** Canonical name of the region the entity belongs to, when known. */
  region: z.string().nullable().optional(),
  /** Added from a gazetteer, not mentioned in the text. */
  implied: z.boolean().default(false),
  mentions: z.array(Span).default([]),
  /** Region facts from the gazetteer. */
  code: z.string().optional(),
  level: z.string().optional(),
  zone: z.string().optional(),
  lat: z.number().optional(),
  lon: z.number().optional(),
  nameEn: z.string().optional(),
  /** Person: role and organization. */
  role: z.string().optional(),
});
export type ExtractedEntity = z.infer<typeof ExtractedEntity>;

export const ExtractedRelation = z.object({
  source: z.string().min(1),
  target: z.string().min(1),
  type: ExtractedRelationType,
  evidence: z.string(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  amount: Amount.nullable().optional(),
  date: FactDate.nullable().optional(),
  confidence: z.number().min(0).max(1).optional(),
  /** Which rule produced it. */
  rule: z.string().optional(),
  /** A plan or intention (将, 拟, 希望), not a stated fact. */
  planned: z.boolean().optional(),
  role: z.string().optional(),
});
export type ExtractedRelation = z.infer<typeof ExtractedRelation>;

export const Extraction = z.object({
  document: ExtractedDocument,
  entities: z.array(ExtractedEntity),
  relations: z.array(ExtractedRelation),
});
export type Extraction = z.infer<typeof Extraction>;
