// name: graph-values
// description: Returns a node, a relationship and a path, to check how they serialise.
MATCH p = (a:Article)-[r:PUBLISHED_BY]->(pr:Provider)
RETURN a, r, p, a.publishedAt AS time
ORDER BY a.url
LIMIT 1
