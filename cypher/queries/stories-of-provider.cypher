// name: stories-of-provider
// description: The stories one provider covered, newest first, with its rank among the story's providers
//   (1 = it reported first) and its lag in minutes.
// param: provider string -- the provider's domain, e.g. wbur.org
// param: limit int = 50 -- how many stories
MATCH (:Provider {domain: $provider})-[c:COVERED]->(s:Story)
WITH s, c.first AS mine
ORDER BY s.lastPublishedAt DESC, s.id
LIMIT $limit
RETURN s.id AS story, s.label AS label, mine AS publishedAt,
       COUNT { (s)<-[theirs:COVERED]-(:Provider) WHERE theirs.first < mine } + 1 AS rank,
       s.providerCount AS providers, duration.inSeconds(s.firstPublishedAt, mine).seconds / 60 AS lagMinutes
ORDER BY s.lastPublishedAt DESC, story
