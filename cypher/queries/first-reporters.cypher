// name: first-reporters
// description: Providers that most often published a story first (stories with at least two providers;
//   articles with implausible times are left out), with how many of their stories that was.
// param: from datetime = 1990-01-01T00:00:00Z -- stories starting at or after
// param: limit int = 20 -- how many providers
MATCH (s:Story)
WHERE s.providerCount >= 2 AND s.firstPublishedAt >= $from
MATCH (s)<-[c:COVERED]-(p:Provider)
WHERE c.first = s.firstPublishedAt
WITH p, count(s) AS firsts
CALL (p) {
  MATCH (p)-[:COVERED]->(t:Story) WHERE t.providerCount >= 2
  RETURN count(t) AS covered
}
RETURN p.domain AS provider, p.name AS name, firsts, covered, toFloat(firsts) / covered AS firstShare
ORDER BY firsts DESC, firstShare DESC, provider
LIMIT $limit
