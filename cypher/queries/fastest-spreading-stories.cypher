// name: fastest-spreading-stories
// description: Stories that reached a number of different providers fastest: minutes from the first report
//   until the n-th provider published (implausible times left out).
// param: providers int = 3 -- how many providers a story must reach
// param: limit int = 20 -- how many stories
MATCH (s:Story) WHERE s.providerCount >= $providers
MATCH (s)<-[c:COVERED]-(:Provider)
WHERE c.first IS NOT NULL
WITH s, c.first AS first
ORDER BY first
WITH s, collect(first) AS firsts
WHERE size(firsts) >= $providers
RETURN s.id AS story, s.label AS label, firsts[0] AS firstReport, firsts[$providers - 1] AS reached,
       duration.inSeconds(firsts[0], firsts[$providers - 1]).seconds / 60 AS minutes
ORDER BY minutes, story
LIMIT $limit
