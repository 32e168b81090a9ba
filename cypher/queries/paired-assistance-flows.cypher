// name: paired-assistance-flows
// description: Paired-assistance (对口协作) facts from helper to helped, with their evidence.
// params: limit:int=200
MATCH (helper:Entity)-[r:PAIRED_ASSISTANCE]->(helped:Entity)
RETURN helper, r AS assistance, helped, helper.name AS helperName, helped.name AS helpedName, r.date AS date, r.evidence AS evidence
ORDER BY helperName, helpedName
LIMIT $limit
