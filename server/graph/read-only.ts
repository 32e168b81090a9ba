// The console's read-only rules, as pure functions: a lexical pre-check of the query text and a check of
// the planner's verdict (query type and plan operators). Both must pass before a query runs.
import { calledNames, tokenizeCypher, type Token } from './cypher-lexer.ts';

export interface Verdict {
  ok: boolean;
  /** Why the query was refused (shown to the user). */
  reason?: string;
}

const OK: Verdict = { ok: true };

/** Clause keywords that change data, schema, users or databases, or switch database. */
const REFUSED_KEYWORDS = new Set([
  'CREATE',
  'MERGE',
  'SET',
  'DELETE',
  'REMOVE',
  'DETACH',
  'FOREACH',
  'LOAD',
  'DROP',
  'ALTER',
  'GRANT',
  'DENY',
  'REVOKE',
  'RENAME',
  'USE',
  'TERMINATE',
  'ENABLE',
  'DEALLOCATE',
  'REALLOCATE',
  'IMPORT',
]);

/** Read-only procedures the console may call; everything else (dbms.*, apoc.*, db.create* …) is refused. */
export const READ_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.index.fulltext.querynodes',
  'db.index.fulltext.queryrelationships',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
]);

/** Namespaces whose functions or procedures are never allowed (admin, plugins, writes). */
const REFUSED_NAMESPACES = ['dbms.', 'apoc.', 'db.create', 'gds.', 'tx.'];

function isKeyword(tokens: Token[], i: number): boolean {
  const token = tokens[i] as Token;
  if (token.kind !== 'word' || token.quoted) return false;
  const previous = tokens[i - 1]?.text;
  const next = tokens[i + 1]?.text;
  // `n.set`, `:Create`, map keys `{delete: 1}` and aliases `AS start` are names, not clauses.
  return previous !== '.' && previous !== ':' && next !== ':' && previous?.toUpperCase() !== 'AS';
}

function checkKeywords(tokens: Token[]): Verdict {
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isKeyword(tokens, i)) continue;
    const word = (tokens[i] as Token).text.toUpperCase();
    if (REFUSED_KEYWORDS.has(word))
      return { ok: false, reason: `${word} is not allowed in the read-only console` };
    const following = tokens[i + 1]?.text.toUpperCase();
    if ((word === 'START' || word === 'STOP') && (following === 'DATABASE' || following === 'DATABASES')) {
      return { ok: false, reason: `${word} DATABASE is not allowed in the read-only console` };
    }
    if (word === 'IN' && following === 'TRANSACTIONS') {
      return { ok: false, reason: 'CALL … IN TRANSACTIONS is not allowed in the read-only console' };
    }
  }
  return OK;
}

function checkStatements(tokens: Token[]): Verdict {
  const semicolon = tokens.findIndex((token) => token.kind === 'symbol' && token.text === ';');
  if (semicolon >= 0 && semicolon < tokens.length - 1) {
    return { ok: false, reason: 'only one statement may be sent at a time' };
  }
  return OK;
}

/** Whether a procedure (any case) is on the read allow-list. */
export function isAllowedProcedure(name: string): boolean {
  return READ_PROCEDURES.has(name.toLowerCase());
}

function checkCalls(tokens: Token[]): Verdict {
  for (const call of calledNames(tokens)) {
    const lower = call.name.toLowerCase();
    if (REFUSED_NAMESPACES.some((prefix) => lower.startsWith(prefix))) {
      return { ok: false, reason: `${call.name} is not allowed in the read-only console` };
    }
    if (call.afterCall && !isAllowedProcedure(call.name)) {
      return { ok: false, reason: `procedure ${call.name} is not on the console's allow-list` };
    }
  }
  return OK;
}

/** Lexical pre-check: cheap, before anything reaches the database. */
export function checkQueryText(query: string): Verdict {
  const tokens = tokenizeCypher(query);
  for (const check of [checkStatements, checkKeywords, checkCalls]) {
    const verdict = check(tokens);
    if (!verdict.ok) return verdict;
  }
  return OK;
}

/** The subset of the driver's plan tree that the checks read. */
export interface PlanLike {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanLike[];
}

/** Plan operators that write, load files or run batched transactions (Create*, SetProperty, DetachDelete …). */
const REFUSED_OPERATORS =
  /^(LoadCSV|Create|Merge|LockingMerge|Set|Delete|DetachDelete|Remove|Foreach|Transaction|Drop|Alter|Grant|Deny|Revoke)/i;

function operatorName(plan: PlanLike): string {
  return plan.operatorType.split('@')[0] ?? plan.operatorType;
}

function procedureOf(plan: PlanLike): string | null {
  const details = plan.arguments?.['Details'];
  if (typeof details !== 'string') return null;
  return /^\s*([\w.]+)\s*\(/.exec(details)?.[1] ?? null;
}

function checkPlanTree(plan: PlanLike): Verdict {
  const name = operatorName(plan);
  if (REFUSED_OPERATORS.test(name)) return { ok: false, reason: `the plan contains ${name}` };
  if (/^ProcedureCall/i.test(name)) {
    const procedure = procedureOf(plan);
    if (!procedure || !isAllowedProcedure(procedure)) {
      return {
        ok: false,
        reason: `procedure ${procedure ?? '(unknown)'} is not on the console's allow-list`,
      };
    }
  }
  for (const child of plan.children ?? []) {
    const verdict = checkPlanTree(child);
    if (!verdict.ok) return verdict;
  }
  return OK;
}

/** The planner's verdict: query type must be read-only ('r') and no operator may write or load. */
export function checkPlan(queryType: string | undefined, plan: PlanLike | false | undefined): Verdict {
  if (queryType !== 'r') {
    return {
      ok: false,
      reason: `the planner classifies this query as '${queryType ?? 'unknown'}', not read-only`,
    };
  }
  if (!plan) return { ok: false, reason: 'the planner returned no plan' };
  return checkPlanTree(plan);
}
