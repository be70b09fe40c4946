// Story clustering: nearest-neighbour candidates come from a vector index over article embeddings
// (all-MiniLM-L6-v2, 384 dimensions, cosine), filtered by the article's UTC day.
CYPHER 25 CREATE VECTOR INDEX article_embedding IF NOT EXISTS
  FOR (a:Article) ON a.embedding WITH [a.day]
  OPTIONS { indexConfig: { `vector.dimensions`: 384, `vector.similarity_function`: 'cosine' } };
CREATE RANGE INDEX article_day IF NOT EXISTS FOR (a:Article) ON (a.day);
CREATE RANGE INDEX story_provider_count IF NOT EXISTS FOR (s:Story) ON (s.providerCount);
