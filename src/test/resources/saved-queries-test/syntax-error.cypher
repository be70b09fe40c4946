// name: syntax-error
// description: Not Cypher.
MATCH (a:Article RETURN a
