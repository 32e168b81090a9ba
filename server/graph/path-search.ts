// The k shortest simple paths between two sets of nodes, with the path rules applied during the search.
//
// Bidirectional and level by level: the graph is read from the database one frontier at a time (a ball
// around the starts, a ball around the ends), and the paths are enumerated here over what was read, shortest
// first, by a depth-first search pruned with the exact distance to the ends. Neo4j's SHORTEST k operator does
// the same search in one query but spends hundreds of milliseconds on hub-heavy graphs in path bookkeeping;
// reading the balls costs a few small queries.
//
// The balls follow the rules too (relaxed where a rule depends on the whole path), over states: a node and
// whether the path entered it by an ascent, since a region entered from below may not be left downwards. So
// the 300 organizations located in a city are not read when the city was only reached from one of them.
//
// Why what was read is enough: with every state at distance < rf from the starts expanded (its node's
// relationships read), every state at distance < rb from the ends expanded, and the relationships between the
// two frontiers (distance exactly rf and rb) read, every relationship of every valid path of length
// ≤ rf + rb + 1 is known. (A hop v → w at position d of such a path has v's state expanded if d < rf; else w's
// state is at distance ≤ rb from the ends and expanded if that distance is < rb, else both are on the
// frontiers.) The distances to the ends are also the lower bounds that prune the enumeration.
import { HIERARCHY_RELATIONS } from '../../contract/vocabulary.ts';

/** One relationship seen from one of its nodes. */
export interface Step {
  /** Relationship id (opaque). */
  rel: string;
  type: string;
  /** The relationship starts at the node it is seen from. */
  out: boolean;
  /** The node at the other end. */
  to: string;
}

/** Relationships read from the graph, with what the search needs to know about the nodes they reach. */
export interface Expansion {
  steps: Array<{ from: string } & Step>;
  /** Reached nodes that are regions. */
  regions: Iterable<string>;
  /** Degrees of reached nodes (cost estimates for the next expansion). */
  degrees: Map<string, number>;
}

/** Where the search reads the graph: the database, or an in-memory graph in tests. */
export interface GraphSource {
  /** Every relationship of the given nodes (within the allowed types, excluded nodes left out). */
  expand(nodes: readonly string[]): Promise<Expansion>;
  /** The relationships between the two node sets. */
  connect(from: readonly string[], to: readonly string[]): Promise<Expansion>;
}

export interface SearchRequest {
  starts: readonly string[];
  ends: readonly string[];
  k: number;
  maxHops: number;
  /** Apply the path rules (off: any simple path). */
  rules: boolean;
  /** Regions among the starts and ends. */
  regions: Iterable<string>;
  /** For a start that is a region: the regions below it (a path may descend through them at its start). */
  below?: Map<string, ReadonlySet<string>>;
  /** Degrees of the starts and ends. */
  degrees?: Map<string, number>;
  /**
   * Relationships known up front that the source does not give (a region's members known only by their
   * `region` property, joined to it by a derived LOCATED_IN): part of the graph like any other.
   */
  extra?: Array<{ from: string } & Step>;
  /** Work bounds; past them the search gives up with SearchTooLarge. */
  maxSteps?: number;
  maxExpansion?: number;
}

export interface FoundPath {
  nodes: string[];
  steps: Step[];
}

/** The search would read or enumerate more than its bounds allow. */
export class SearchTooLarge extends Error {
  constructor(what: string) {
    super(`path search too large: ${what}`);
    this.name = 'SearchTooLarge';
  }
}

const HIERARCHY: ReadonlySet<string> = HIERARCHY_RELATIONS;

/** The context the path rules need about a path's two ends. */
export interface RuleContext {
  isRegion: (node: string) => boolean;
  /** Is `region` below the path's start region (PART_OF, 1–4 levels)? */
  isBelowStart: (start: string, region: string) => boolean;
}

/**
 * May the path continue from `x` (reached by `previous`, the path started at `start`) over `step`? `last` says
 * the step ends the path. The local rules:
 * - a descent from a region to an entity located in it (LOCATED_IN traversed against its direction) only as
 *   the first hop, the last hop, or from a region below the start region (浙江省 ← 杭州市 ← an R&D centre);
 * - no region entered and left by hierarchy hops that both point into it (A → 杭州市 ← B, 宁夏 → 中国 ← 浙江).
 */
export function stepAllowed(
  ctx: RuleContext,
  start: string,
  x: string,
  previous: Step | undefined,
  step: Step,
  last: boolean,
): boolean {
  if (step.type === 'LOCATED_IN' && !step.out && x !== start && !last && !ctx.isBelowStart(start, x))
    return false;
  if (
    previous &&
    ctx.isRegion(x) &&
    HIERARCHY.has(previous.type) &&
    previous.out &&
    HIERARCHY.has(step.type) &&
    !step.out
  )
    return false;
  return true;
}

/** The rule on the whole path: a path of two or more hops between two regions passes through an actor. */
export function pathAllowed(ctx: RuleContext, nodes: readonly string[]): boolean {
  if (nodes.length <= 2) return true;
  return !nodes.every(ctx.isRegion);
}

/** Every rule, on a complete path (for checks and tests; the search applies them hop by hop). */
export function followsPathRules(ctx: RuleContext, path: FoundPath): boolean {
  const start = path.nodes[0]!;
  for (let i = 0; i < path.steps.length; i++) {
    if (
      !stepAllowed(ctx, start, path.nodes[i]!, path.steps[i - 1], path.steps[i]!, i === path.steps.length - 1)
    )
      return false;
  }
  return pathAllowed(ctx, path.nodes);
}

/** A node together with how the path entered it: by an ascent (a hierarchy relationship pointing into it). */
type State = readonly [node: string, ascended: boolean];
const stateKey = (node: string, ascended: boolean) => (ascended ? `${node}\u0001` : node);

/** Up to k shortest simple paths from a start to an end, shortest first (ties in a stable order). */
export async function searchPaths(source: GraphSource, request: SearchRequest): Promise<FoundPath[]> {
  const { k, maxHops, rules } = request;
  const maxSteps = request.maxSteps ?? 200_000;
  const maxExpansion = request.maxExpansion ?? 250_000;
  const starts = new Set(request.starts);
  const ends = new Set(request.ends);
  const regions = new Set(request.regions);
  const degrees = new Map(request.degrees ?? []);
  const ctx: RuleContext = {
    isRegion: (node) => regions.has(node),
    isBelowStart: (start, region) => request.below?.get(start)?.has(region) ?? false,
  };
  const belowAnyStart = (node: string) => [...starts].some((start) => ctx.isBelowStart(start, node));
  /** The state a step leads to. Without the rules every node has one state. */
  const ascends = (step: Step) => rules && step.out && HIERARCHY.has(step.type);
  /**
   * May a path in state (x, ascended) take `step`? The local rules, relaxed where they depend on the whole
   * path (which start, whether this is the last hop), so the balls hold every state of every valid path.
   */
  const mayStep = (x: string, ascended: boolean, step: Step) =>
    !rules ||
    (!(ascended && HIERARCHY.has(step.type) && !step.out && regions.has(x)) &&
      !(
        step.type === 'LOCATED_IN' &&
        !step.out &&
        !starts.has(x) &&
        !ends.has(step.to) &&
        !belowAnyStart(x)
      ));

  // Known relationships by node; `read` nodes have all of theirs known.
  const adjacency = new Map<string, Map<string, Step>>();
  const read = new Set<string>();
  const remember = (expansion: Expansion) => {
    for (const node of expansion.regions) regions.add(node);
    for (const [node, degree] of expansion.degrees) degrees.set(node, degree);
    for (const { from, ...step } of expansion.steps) {
      const mine = adjacency.get(from) ?? new Map<string, Step>();
      mine.set(step.rel, step);
      adjacency.set(from, mine);
      // The same relationship seen from the other end.
      const theirs = adjacency.get(step.to) ?? new Map<string, Step>();
      theirs.set(step.rel, { rel: step.rel, type: step.type, out: !step.out, to: from });
      adjacency.set(step.to, theirs);
    }
  };
  if (request.extra) remember({ steps: request.extra, regions: [], degrees: new Map() });
  const stepsFrom = (node: string) => adjacency.get(node)?.values() ?? [];

  // The two balls: the states reached from the starts (along allowed steps), and the distances of states to
  // the ends (against them), which are also the lower bounds of the enumeration.
  const fromStarts = new Set<string>();
  const toEnds = new Map<string, number>();
  let startFront: State[] = [...starts].map((n) => [n, false] as const);
  let endFront: State[] = [...ends].flatMap((n) =>
    rules ? [[n, false] as const, [n, true] as const] : [[n, false] as const],
  );
  for (const [n, a] of startFront) fromStarts.add(stateKey(n, a));
  for (const [n, a] of endFront) toEnds.set(stateKey(n, a), 0);
  let rf = 0;
  let rb = 0;

  const unread = (front: readonly State[]) => [...new Set(front.map(([n]) => n))].filter((n) => !read.has(n));
  /** What reading the relationships of these nodes costs (their degrees). */
  const weight = (nodes: readonly string[]) => nodes.reduce((sum, n) => sum + (degrees.get(n) ?? 1), 0);
  const readNodes = async (nodes: string[]) => {
    const total = weight(nodes);
    if (total > maxExpansion) throw new SearchTooLarge(`a frontier of ${total} relationships`);
    if (nodes.length > 0) remember(await source.expand(nodes));
    for (const node of nodes) read.add(node);
  };
  /** The states one allowed step after the start-side frontier. */
  const growFromStarts = (front: readonly State[]): State[] => {
    const next: State[] = [];
    for (const [x, ascended] of front)
      for (const step of stepsFrom(x)) {
        if (!mayStep(x, ascended, step)) continue;
        const key = stateKey(step.to, ascends(step));
        if (fromStarts.has(key)) continue;
        fromStarts.add(key);
        next.push([step.to, ascends(step)]);
      }
    return next;
  };
  /** The states one allowed step before the end-side frontier. */
  const growToEnds = (front: readonly State[], radius: number): State[] => {
    const next: State[] = [];
    for (const [w, ascended] of front)
      for (const back of stepsFrom(w)) {
        // The step from the other node v to w, which must lead to w's state.
        const step: Step = { rel: back.rel, type: back.type, out: !back.out, to: w };
        if (ascends(step) !== ascended) continue;
        for (const before of rules ? [false, true] : [false]) {
          if (!mayStep(back.to, before, step)) continue;
          const key = stateKey(back.to, before);
          if (toEnds.has(key)) continue;
          toEnds.set(key, radius + 1);
          next.push([back.to, before]);
        }
      }
    return next;
  };

  const found: FoundPath[] = [];
  let work = 0;
  const sorted = new Map<string, Step[]>();
  const orderedSteps = (node: string): Step[] => {
    let list = sorted.get(node);
    if (!list) {
      list = [...stepsFrom(node)].sort((a, b) =>
        a.to < b.to ? -1 : a.to > b.to ? 1 : a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0,
      );
      sorted.set(node, list);
    }
    return list;
  };
  /** Paths of exactly `length` hops, appended to `found` until there are k. */
  const enumerate = (length: number) => {
    sorted.clear();
    // A lower bound on the hops left to an end: exact (for the relaxed rules) within the ball around the ends.
    const unknown = endFront.length === 0 ? Number.POSITIVE_INFINITY : rb + 1;
    const toEnd = (node: string, ascended: boolean) => toEnds.get(stateKey(node, ascended)) ?? unknown;
    const nodes: string[] = [];
    const steps: Step[] = [];
    const onPath = new Set<string>();
    const walk = (node: string, start: string): boolean => {
      if (++work > maxSteps) throw new SearchTooLarge(`more than ${maxSteps} search steps`);
      const depth = steps.length;
      if (depth === length) {
        if (ends.has(node) && (!rules || pathAllowed(ctx, nodes))) {
          found.push({ nodes: [...nodes], steps: [...steps] });
          if (found.length >= k) return true;
        }
        return false;
      }
      const left = length - depth - 1;
      for (const step of orderedSteps(node)) {
        if (onPath.has(step.to) || toEnd(step.to, ascends(step)) > left) continue;
        if (left === 0 && !ends.has(step.to)) continue;
        if (rules && !stepAllowed(ctx, start, node, steps[depth - 1], step, left === 0)) continue;
        nodes.push(step.to);
        steps.push(step);
        onPath.add(step.to);
        const done = walk(step.to, start);
        onPath.delete(step.to);
        steps.pop();
        nodes.pop();
        if (done) return true;
      }
      return false;
    };
    for (const start of [...starts].sort()) {
      nodes.push(start);
      onPath.add(start);
      const done = walk(start, start);
      onPath.delete(start);
      nodes.pop();
      if (done) return true;
    }
    return false;
  };

  let enumerated = 0;
  const both = unread([...startFront, ...endFront]);
  if (maxHops >= 2 && weight(both) <= maxExpansion) {
    // Both balls to radius 1 with one read: every path of one or two hops is known.
    await readNodes(both);
    startFront = growFromStarts(startFront);
    endFront = growToEnds(endFront, 0);
    rf = 1;
    rb = 1;
  }
  for (;;) {
    // Lengths every relationship of which is known now.
    const exhausted = startFront.length === 0 || endFront.length === 0;
    const covered = exhausted ? maxHops : Math.min(maxHops, rf + rb + 1);
    // The frontier nodes whose relationships are not read yet, and what reading them costs.
    const [a, b] = [unread(startFront), unread(endFront)];
    const startSideCheaper = weight(a) <= weight(b);
    if (covered > enumerated) {
      if (!exhausted && rf + rb + 1 <= maxHops && a.length > 0 && b.length > 0) {
        // The relationships between the two frontiers, read from the cheaper side.
        remember(startSideCheaper ? await source.connect(a, b) : await source.connect(b, a));
      }
      for (let length = enumerated + 1; length <= covered; length++) {
        if (enumerate(length)) return found;
      }
      enumerated = covered;
    }
    if (enumerated >= maxHops || exhausted) return found;
    // Grow the cheaper ball by one level.
    if (startSideCheaper) {
      await readNodes(a);
      startFront = growFromStarts(startFront);
      rf += 1;
    } else {
      await readNodes(b);
      endFront = growToEnds(endFront, rb);
      rb += 1;
    }
  }
}
