// name: cross-story-related-links
// description: RELATED_TO links whose two articles ended up in different stories — where a source's "related"
//   list points outside the story (off-topic related items, or stories that might belong together).
// param: limit int = 100 -- how many links
MATCH (a:Article)-[r:RELATED_TO]->(b:Article)
MATCH (a)-[:IN_STORY]->(sa:Story)
MATCH (b)-[:IN_STORY]->(sb:Story)
WHERE sa <> sb
RETURN a.title AS fromTitle, sa.id AS fromStory, r.rank AS rank, b.title AS toTitle, sb.id AS toStory
ORDER BY fromStory, rank
LIMIT $limit
