// Uniqueness of the stable `id` on every node label (also gives each label a lookup index on id).
// Idempotent: IF NOT EXISTS. Labels mirror ENTITY_TYPES in contract/vocabulary.ts (a unit test checks).
CREATE CONSTRAINT entity_id IF NOT EXISTS
FOR (n:Entity)
REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT document_id IF NOT EXISTS
FOR (n:Document)
REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT region_id IF NOT EXISTS
FOR (n:Region)
REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT university_id IF NOT EXISTS
FOR (n:University)
REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT research_institute_id IF NOT EXISTS
FOR (n:ResearchInstitute)
REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT company_id IF NOT EXISTS
FOR (n:Company)
REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT fund_id IF NOT EXISTS
FOR (n:Fund)
REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT government_agency_id IF NOT EXISTS
FOR (n:GovernmentAgency)
REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT platform_id IF NOT EXISTS
FOR (n:Platform)
REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT event_id IF NOT EXISTS
FOR (n:Event)
REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT person_id IF NOT EXISTS
FOR (n:Person)
REQUIRE n.id IS UNIQUE;
