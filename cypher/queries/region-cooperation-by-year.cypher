// name: region-cooperation-by-year
// description: Dated facts of a region (id or exact name), its sub-regions and the entities located in them, counted by year and type.
// params: region:string
MATCH (root:Region)
WHERE root.id = $region OR root.name = $region
MATCH (sub:Region)-[:PART_OF*0..3]->(root)
MATCH (e:Entity)
WHERE e = sub OR (e)-[:LOCATED_IN]->(sub)
MATCH (e)-[r]-(:Entity)
WHERE NOT type(r) IN ['PART_OF', 'LOCATED_IN'] AND r.date IS NOT NULL
WITH DISTINCT r
RETURN substring(r.date, 0, 4) AS year, type(r) AS type, count(r) AS facts
ORDER BY year, type
