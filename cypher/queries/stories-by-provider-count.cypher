// name: stories-by-provider-count
// description: Stories that ran (at least partly) in a time window, ordered by how many different providers
//   covered them — the widely covered stories of a period.
// param: from datetime = 1990-01-01T00:00:00Z -- window start
// param: to datetime = 2100-01-01T00:00:00Z -- window end (exclusive)
// param: minProviders int = 2 -- leave out stories with fewer providers
// param: limit int = 50 -- how many stories
MATCH (s:Story)
WHERE s.lastPublishedAt >= $from AND s.firstPublishedAt < $to AND s.providerCount >= $minProviders
RETURN s.id AS story, s.label AS label, s.providerCount AS providers, s.size AS articles,
       s.firstPublishedAt AS firstPublishedAt, s.lastPublishedAt AS lastPublishedAt
ORDER BY providers DESC, articles DESC, story
LIMIT $limit
