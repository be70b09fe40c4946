// name: orphan-articles
// description: Articles that belong to no story (not yet clustered, e.g. loaded with clustering switched off).
// param: limit int = 100 -- how many articles
MATCH (a:Article) WHERE NOT (a)-[:IN_STORY]->()
OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(p:Provider)
RETURN a.id AS id, a.title AS title, p.domain AS provider, a.publishedAt AS publishedAt, a.url AS url
ORDER BY a.publishedAt, a.url
LIMIT $limit
