// name: story-spread-curve
// description: How one story spread: each provider in the order it joined, with minutes after the first
//   report and the running count of providers so far.
// param: story string -- the story id
MATCH (s:Story {id: $story})<-[:IN_STORY]-(a:Article)-[:PUBLISHED_BY]->(p:Provider)
WHERE a.timeFlag IS NULL
WITH s, p, min(a.publishedAt) AS joined
ORDER BY joined, p.domain
WITH s, collect({provider: p.domain, joined: joined}) AS order
UNWIND range(0, size(order) - 1) AS i
RETURN i + 1 AS providersSoFar, order[i].provider AS provider, order[i].joined AS joined,
       duration.inSeconds(order[0].joined, order[i].joined).seconds / 60 AS minutesAfterFirst
ORDER BY providersSoFar
