// name: document-facts
// description: Every fact a document states, in text order, with its evidence sentence.
// params: documentId:string
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $documentId IN r.documentIds
WITH a, r, b, [i IN range(0, size(r.documentIds) - 1) WHERE r.documentIds[i] = $documentId][0] AS at
RETURN a AS source, r AS fact, b AS target, type(r) AS type, r.evidences[at] AS evidence, r.starts[at] AS start
ORDER BY start
