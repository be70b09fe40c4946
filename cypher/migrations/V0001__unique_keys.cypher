// Identity of every node kind. Each constraint also gives the lookups by key an index.
CREATE CONSTRAINT article_url IF NOT EXISTS FOR (a:Article) REQUIRE a.url IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT provider_domain IF NOT EXISTS FOR (p:Provider) REQUIRE p.domain IS UNIQUE;
CREATE CONSTRAINT topic_name IF NOT EXISTS FOR (t:Topic) REQUIRE t.name IS UNIQUE;
CREATE CONSTRAINT story_id IF NOT EXISTS FOR (s:Story) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT source_file_path IF NOT EXISTS FOR (f:SourceFile) REQUIRE f.path IS UNIQUE;
