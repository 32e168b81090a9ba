// Range indexes for name lookups (exact match and STARTS WITH) on every entity label.
CREATE INDEX entity_name IF NOT EXISTS
FOR (n:Entity)
ON (n.name);

CREATE INDEX region_name IF NOT EXISTS
FOR (n:Region)
ON (n.name);

CREATE INDEX university_name IF NOT EXISTS
FOR (n:University)
ON (n.name);

CREATE INDEX research_institute_name IF NOT EXISTS
FOR (n:ResearchInstitute)
ON (n.name);

CREATE INDEX company_name IF NOT EXISTS
FOR (n:Company)
ON (n.name);

CREATE INDEX fund_name IF NOT EXISTS
FOR (n:Fund)
ON (n.name);

CREATE INDEX government_agency_name IF NOT EXISTS
FOR (n:GovernmentAgency)
ON (n.name);

CREATE INDEX platform_name IF NOT EXISTS
FOR (n:Platform)
ON (n.name);

CREATE INDEX event_name IF NOT EXISTS
FOR (n:Event)
ON (n.name);

CREATE INDEX person_name IF NOT EXISTS
FOR (n:Person)
ON (n.name);

CREATE INDEX entity_type IF NOT EXISTS
FOR (n:Entity)
ON (n.type);

CREATE INDEX document_date IF NOT EXISTS
FOR (n:Document)
ON (n.date);

// Members of a region known by their `region` property (the path finder starts from them).
CREATE INDEX entity_region IF NOT EXISTS
FOR (n:Entity)
ON (n.region);
