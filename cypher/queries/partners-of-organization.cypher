// name: partners-of-organization
// description: The partners of one organization (by id or exact name) through agreements, cooperation, investment, technology transfer and paired assistance, most-connected first.
// params: id:string, limit:int=50
MATCH (o:Entity)
WHERE o.id = $id OR o.name = $id
MATCH (o)-[r:AGREEMENT|COOPERATION|INVESTMENT|TECH_TRANSFER|PAIRED_ASSISTANCE]-(p:Entity)
WITH o, p, collect(r) AS facts
RETURN o AS organization, p AS partner, p.name AS name, p.type AS type, size(facts) AS factCount, facts
ORDER BY factCount DESC, name
LIMIT $limit
