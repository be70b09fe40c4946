// name: largest-stories
// description: The biggest stories by number of articles, with how many providers covered each and when it ran.
// param: limit int = 20 -- how many stories
MATCH (s:Story)
RETURN s.id AS story, s.label AS label, s.size AS articles, s.providerCount AS providers,
       s.firstPublishedAt AS firstPublishedAt, s.lastPublishedAt AS lastPublishedAt
ORDER BY articles DESC, providers DESC, story
LIMIT $limit
