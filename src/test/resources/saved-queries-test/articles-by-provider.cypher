// name: articles-by-provider
// description: Articles of one provider (a query to try hostile parameter values on).
// param: provider string -- domain
// param: limit int = 100
MATCH (a:Article)-[:PUBLISHED_BY]->(:Provider {domain: $provider})
RETURN a.title AS title, a.url AS url
ORDER BY url
LIMIT $limit
