// name: provider-overlap
// description: Pairs of providers that cover the same stories: shared stories and the Jaccard index of the
//   two providers' story sets (1 = they always cover the same stories).
// param: minShared int = 1 -- at least this many shared stories
// param: limit int = 50 -- how many pairs
MATCH (s:Story) WHERE s.providerCount >= 2
MATCH (s)<-[:COVERED]-(p:Provider)
WITH s, collect(p) AS ps
UNWIND ps AS a
UNWIND ps AS b
WITH a, b WHERE a.domain < b.domain
WITH a, b, count(*) AS shared WHERE shared >= $minShared
WITH a, b, shared, COUNT { (a)-[:COVERED]->(:Story) } AS storiesA, COUNT { (b)-[:COVERED]->(:Story) } AS storiesB
RETURN a.domain AS providerA, b.domain AS providerB, shared, storiesA, storiesB,
       toFloat(shared) / (storiesA + storiesB - shared) AS jaccard
ORDER BY shared DESC, jaccard DESC, providerA, providerB
LIMIT $limit
