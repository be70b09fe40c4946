// name: providers-leading
// description: The providers that published before a given provider on the stories they shared, with how
//   often and by how much (median minutes).
// param: provider string -- the provider's domain, e.g. mic.com
// param: limit int = 20 -- how many providers
MATCH (me:Provider {domain: $provider})<-[:PUBLISHED_BY]-(a:Article)-[:IN_STORY]->(s:Story)
WHERE a.timeFlag IS NULL
WITH me, s, min(a.publishedAt) AS mine
MATCH (s)<-[:IN_STORY]-(b:Article)-[:PUBLISHED_BY]->(other:Provider)
WHERE other <> me AND b.timeFlag IS NULL
WITH other, s, mine, min(b.publishedAt) AS theirs
WHERE theirs < mine
RETURN other.domain AS provider, other.name AS name, count(s) AS storiesAhead,
       percentileCont(duration.inSeconds(theirs, mine).seconds / 60.0, 0.5) AS medianLeadMinutes
ORDER BY storiesAhead DESC, medianLeadMinutes DESC, provider
LIMIT $limit
