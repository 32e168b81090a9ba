// Type declarations for the Cytoscape extensions that ship without their own.
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const fcose: Ext;
  export default fcose;
}

declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const svg: Ext;
  export default svg;
}

// The package's own types are not reachable through its "exports" map; this is the part we use.
declare module '@neo4j-cypher/codemirror' {
  export interface CypherEditorSchema {
    labels?: string[];
    relationshipTypes?: string[];
    propertyKeys?: string[];
  }
  export function createCypherEditor(
    parent: Element,
    options: {
      value?: string;
      schema?: CypherEditorSchema;
      lineNumbers?: boolean;
      lineWrapping?: boolean;
      autofocus?: boolean;
      theme?: 'light' | 'dark' | 'auto';
    },
  ): unknown;
}
