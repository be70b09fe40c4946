// Outlet metadata (storygraph providers import): named collections of providers, and the provider properties
// the grouped reads filter on.
CREATE CONSTRAINT collection_name IF NOT EXISTS FOR (c:Collection) REQUIRE c.name IS UNIQUE;
CREATE INDEX provider_media_type IF NOT EXISTS FOR (p:Provider) ON (p.mediaType);
CREATE INDEX provider_country IF NOT EXISTS FOR (p:Provider) ON (p.country);
