package org.storygraph.bench;

import org.springframework.data.neo4j.repository.Neo4jRepository;

/** The load benchmark's naive baseline: one entity save per article. */
interface NaiveArticleRepository extends Neo4jRepository<NaiveEntities.ArticleEntity, String> {
}
