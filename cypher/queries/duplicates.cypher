// name: duplicates
// description: Syndicated copies and headline variants: each copy with the earliest copy it duplicates, their
//   providers and the embedding similarity. Copies still count as coverage of their story.
// param: limit int = 100 -- how many copies
MATCH (copy:Article)-[d:DUPLICATE_OF]->(original:Article)
OPTIONAL MATCH (copy)-[:PUBLISHED_BY]->(cp:Provider)
OPTIONAL MATCH (original)-[:PUBLISHED_BY]->(op:Provider)
RETURN original.title AS originalTitle, op.domain AS originalProvider, original.publishedAt AS originalAt,
       copy.title AS copyTitle, cp.domain AS copyProvider, copy.publishedAt AS copyAt,
       round(d.cosine, 3) AS similarity
ORDER BY originalAt, originalProvider, copyAt
LIMIT $limit
