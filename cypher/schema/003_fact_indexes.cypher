// Range indexes on the stable fact id of every relationship type, so loads can MERGE facts quickly.
// Types mirror RELATION_TYPES in contract/vocabulary.ts (a unit test checks).
CREATE INDEX agreement_id IF NOT EXISTS
FOR ()-[r:AGREEMENT]-()
ON (r.id);

CREATE INDEX investment_id IF NOT EXISTS
FOR ()-[r:INVESTMENT]-()
ON (r.id);

CREATE INDEX tech_transfer_id IF NOT EXISTS
FOR ()-[r:TECH_TRANSFER]-()
ON (r.id);

CREATE INDEX cooperation_id IF NOT EXISTS
FOR ()-[r:COOPERATION]-()
ON (r.id);

CREATE INDEX paired_assistance_id IF NOT EXISTS
FOR ()-[r:PAIRED_ASSISTANCE]-()
ON (r.id);

CREATE INDEX located_in_id IF NOT EXISTS
FOR ()-[r:LOCATED_IN]-()
ON (r.id);

CREATE INDEX part_of_id IF NOT EXISTS
FOR ()-[r:PART_OF]-()
ON (r.id);

CREATE INDEX established_id IF NOT EXISTS
FOR ()-[r:ESTABLISHED]-()
ON (r.id);

CREATE INDEX manages_id IF NOT EXISTS
FOR ()-[r:MANAGES]-()
ON (r.id);

CREATE INDEX participated_in_id IF NOT EXISTS
FOR ()-[r:PARTICIPATED_IN]-()
ON (r.id);

CREATE INDEX affiliated_with_id IF NOT EXISTS
FOR ()-[r:AFFILIATED_WITH]-()
ON (r.id);
