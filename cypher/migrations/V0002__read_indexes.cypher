// Indexes the read paths need: time ranges over articles and stories, and words of titles and excerpts.
CREATE RANGE INDEX article_published_at IF NOT EXISTS FOR (a:Article) ON (a.publishedAt);
CREATE RANGE INDEX story_first_published_at IF NOT EXISTS FOR (s:Story) ON (s.firstPublishedAt);
CREATE RANGE INDEX story_last_published_at IF NOT EXISTS FOR (s:Story) ON (s.lastPublishedAt);
CREATE RANGE INDEX story_size IF NOT EXISTS FOR (s:Story) ON (s.size);
CREATE FULLTEXT INDEX article_text IF NOT EXISTS FOR (a:Article) ON EACH [a.title, a.excerpt]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'english' } };
