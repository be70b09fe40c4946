// name: provider-overlap
// description: Pairs of providers that cover the same stories: shared stories and the Jaccard index of the
//   two providers' story sets (1 = they always cover the same stories).
// param: minShared int = 1 -- at least this many shared stories
// param: limit int = 50 -- how many pairs
MATCH (p:Provider)<-[:PUBLISHED_BY]-(:Article)-[:IN_STORY]->(s:Story)
WITH p, count(DISTINCT s) AS stories
WITH collect({provider: p, stories: stories}) AS counts
MATCH (s:Story) WHERE s.providerCount >= 2
MATCH (s)<-[:IN_STORY]-(:Article)-[:PUBLISHED_BY]->(p:Provider)
WITH counts, s, collect(DISTINCT p) AS ps
UNWIND ps AS a
UNWIND ps AS b
WITH counts, a, b WHERE a.domain < b.domain
WITH counts, a, b, count(*) AS shared WHERE shared >= $minShared
WITH a, b, shared, [c IN counts WHERE c.provider = a | c.stories][0] AS storiesA,
     [c IN counts WHERE c.provider = b | c.stories][0] AS storiesB
RETURN a.domain AS providerA, b.domain AS providerB, shared, storiesA, storiesB,
       toFloat(shared) / (storiesA + storiesB - shared) AS jaccard
ORDER BY shared DESC, jaccard DESC, providerA, providerB
LIMIT $limit
