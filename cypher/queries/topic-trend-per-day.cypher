// name: topic-trend-per-day
// description: How much a topic was written about each day (UTC): articles and distinct stories per day,
//   days without articles left out.
// param: topic string -- the topic name, e.g. AI
// param: from date = 1990-01-01 -- first day
// param: to date = 2100-01-01 -- day after the last
MATCH (:Topic {name: $topic})<-[:TAGGED]-(a:Article)
WHERE a.timeFlag IS NULL AND date(a.publishedAt) >= $from AND date(a.publishedAt) < $to
OPTIONAL MATCH (a)-[:IN_STORY]->(s:Story)
RETURN date(a.publishedAt) AS day, count(DISTINCT a) AS articles, count(DISTINCT s) AS stories
ORDER BY day
