// Range index on the `region` property of entities: a region's members known only by that property are looked
// up by it when a path search starts or ends at the region.
CREATE INDEX entity_region IF NOT EXISTS
FOR (n:Entity)
ON (n.region);
