// name: stories-of-provider
// description: The stories one provider covered, newest first, with its rank among the story's providers
//   (1 = it reported first) and its lag in minutes.
// param: provider string -- the provider's domain, e.g. wbur.org
// param: limit int = 50 -- how many stories
MATCH (me:Provider {domain: $provider})<-[:PUBLISHED_BY]-(a:Article)-[:IN_STORY]->(s:Story)
WITH me, s, min(CASE WHEN a.timeFlag IS NULL THEN a.publishedAt END) AS mine
CALL (s, mine) {
  MATCH (s)<-[:IN_STORY]-(b:Article)-[:PUBLISHED_BY]->(q:Provider) WHERE b.timeFlag IS NULL
  WITH q, min(b.publishedAt) AS theirs WHERE theirs < mine
  RETURN count(q) + 1 AS rank
}
RETURN s.id AS story, s.label AS label, mine AS publishedAt, rank, s.providerCount AS providers,
       duration.inSeconds(s.firstPublishedAt, mine).seconds / 60 AS lagMinutes
ORDER BY s.lastPublishedAt DESC, story
LIMIT $limit
