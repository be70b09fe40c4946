// name: story-articles
// description: The articles of one story in the order they were published, with provider, minutes after the
//   story's first report, and the earliest copy when an article is a syndicated duplicate.
// param: story string -- the story id (see largest-stories)
MATCH (s:Story {id: $story})<-[r:IN_STORY]-(a:Article)
OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(p:Provider)
OPTIONAL MATCH (a)-[:DUPLICATE_OF]->(d:Article)
RETURN a.publishedAt AS publishedAt, p.domain AS provider, a.title AS title, a.url AS url,
       CASE WHEN a.timeFlag IS NULL THEN duration.inSeconds(s.firstPublishedAt, a.publishedAt).seconds / 60 END
         AS minutesAfterFirst,
       round(r.score, 3) AS similarity, d.url AS duplicateOf
ORDER BY a.publishedAt IS NULL, a.publishedAt, a.url
