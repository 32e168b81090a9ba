// name: east-west-pairs
// description: Facts linking an entity of one zone (default East) to an entity of another (default West); an entity's zone is its own (regions) or that of the region it is located in.
// params: fromZone:string=East, toZone:string=West, limit:int=100
MATCH (a:Entity)-[r]-(b:Entity)
WHERE NOT type(r) IN ['PART_OF', 'LOCATED_IN']
WITH a, r, b,
  coalesce(a.zone, COLLECT { MATCH (a)-[:LOCATED_IN]->(x:Region) WHERE x.zone IS NOT NULL RETURN x.zone LIMIT 1 }[0], COLLECT { MATCH (x:Region) WHERE x.name = a.region AND x.zone IS NOT NULL RETURN x.zone LIMIT 1 }[0]) AS fromZone,
  coalesce(b.zone, COLLECT { MATCH (b)-[:LOCATED_IN]->(x:Region) WHERE x.zone IS NOT NULL RETURN x.zone LIMIT 1 }[0], COLLECT { MATCH (x:Region) WHERE x.name = b.region AND x.zone IS NOT NULL RETURN x.zone LIMIT 1 }[0]) AS toZone
WHERE fromZone = $fromZone AND toZone = $toZone
RETURN a AS eastern, r AS fact, b AS western, type(r) AS type, r.date AS date, r.evidence AS evidence
ORDER BY date DESC
LIMIT $limit
