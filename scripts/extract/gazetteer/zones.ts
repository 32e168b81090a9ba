// East / Central / West / Northeast classification of provincial-level units, keyed by the
// 2-digit province prefix. West is the official western-development list of 12 provinces.
import type { Zone } from '../../../contract/vocabulary.ts';

const WEST = ['15', '45', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];
const NORTHEAST = ['21', '22', '23'];
const CENTRAL = ['14', '34', '36', '41', '42', '43'];
const EAST = ['11', '12', '13', '31', '32', '33', '35', '37', '44', '46'];

const ZONE_BY_PREFIX: ReadonlyMap<string, Zone> = new Map([
  ...WEST.map((p) => [p, 'West'] as const),
  ...NORTHEAST.map((p) => [p, 'Northeast'] as const),
  ...CENTRAL.map((p) => [p, 'Central'] as const),
  ...EAST.map((p) => [p, 'East'] as const),
]);

/** Zone of the province a code belongs to; null for the country, Hong Kong, Macau and Taiwan. */
export function zoneOfCode(code: string): Zone | null {
  if (code === '100000') return null;
  return ZONE_BY_PREFIX.get(code.slice(0, 2)) ?? null;
}
