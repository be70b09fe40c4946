// name: providers-leading
// description: The providers that published before a given provider on the stories they shared, with how
//   often and by how much (median minutes).
// param: provider string -- the provider's domain, e.g. mic.com
// param: limit int = 20 -- how many providers
MATCH (me:Provider {domain: $provider})-[mine:COVERED]->(s:Story)<-[theirs:COVERED]-(other:Provider)
WHERE other <> me AND theirs.first < mine.first
RETURN other.domain AS provider, other.name AS name, count(s) AS storiesAhead,
       percentileCont(duration.inSeconds(theirs.first, mine.first).seconds / 60.0, 0.5) AS medianLeadMinutes
ORDER BY storiesAhead DESC, medianLeadMinutes DESC, provider
LIMIT $limit
