// Per-(provider, story) coverage: one COVERED relationship from each provider to each story it has articles in,
// with the article count, first/last plausible publication time and the count of implausible times. Clustering
// keeps them up to date from now on (StoryWriter.refreshCoverage); this builds them for stories clustered before.
MATCH (s:Story)
CALL (s) {
  MATCH (s)<-[:IN_STORY]-(a:Article)-[:PUBLISHED_BY]->(p:Provider)
  WITH s, p, a, CASE WHEN a.timeFlag IS NULL THEN a.publishedAt END AS time
  WITH s, p, count(a) AS articles, count(time) AS timed, min(time) AS first, max(time) AS last
  MERGE (p)-[c:COVERED]->(s)
  SET c.articles = articles, c.implausible = articles - timed, c.first = first, c.last = last
} IN TRANSACTIONS OF 1000 ROWS;
