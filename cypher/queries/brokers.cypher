// name: brokers
// description: Entities whose fact partners lie in at least minZones different zones: the go-betweens of East–West cooperation.
// params: minZones:int=2, limit:int=25
MATCH (b:Entity)-[r]-(p:Entity)
WHERE NOT type(r) IN ['PART_OF', 'LOCATED_IN']
WITH b, p,
  coalesce(p.zone, COLLECT { MATCH (p)-[:LOCATED_IN]->(x:Region) WHERE x.zone IS NOT NULL RETURN x.zone LIMIT 1 }[0], COLLECT { MATCH (x:Region) WHERE x.name = p.region AND x.zone IS NOT NULL RETURN x.zone LIMIT 1 }[0]) AS zone
WITH b, collect(DISTINCT zone) AS zones, count(DISTINCT p) AS partners
WHERE size(zones) >= $minZones
RETURN b AS broker, b.name AS name, b.type AS type, zones, partners
ORDER BY size(zones) DESC, partners DESC, name
LIMIT $limit
