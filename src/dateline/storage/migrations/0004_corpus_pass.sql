-- dateline store, schema version 4 (issue 12): extraction is a pure function of the article, and
-- everything across articles (actor registry, name links, near-duplicates, merged events) is an
-- incremental corpus pass over what changed (dateline.corpus).

-- Articles written since the last corpus pass, with the actor ids their replaced rows had (so a
-- registry row whose last article went away is recomputed). Written in the same transaction as
-- the article's rows; emptied by the corpus pass in its own transaction.
CREATE TABLE corpus_queue (
    article_id  VARCHAR NOT NULL,
    actor_ids   VARCHAR[]
);
INSERT INTO corpus_queue SELECT article_id, [] FROM articles;

-- Name links: a person named by one word ("Chakwera") links to the one person of the corpus
-- whose full name ends in it ("Lazarus Chakwera"), when there is exactly one.
ALTER TABLE actors ADD COLUMN linked_to VARCHAR;
ALTER TABLE actors ADD COLUMN link_rule VARCHAR;

-- LSH bands of each article's MinHash signature (dateline.corpus.dedup): two articles are
-- compared only when they share a bucket in some band.
CREATE TABLE article_bands (
    article_id  VARCHAR NOT NULL,
    band        SMALLINT NOT NULL,
    bucket      UBIGINT NOT NULL
);

-- What the merge rules read from every stored event that happened (dateline.corpus.merge), with
-- actor ids after name links, and the merged event it joined (NULL: a duplicate article's report
-- that matched none). Kept so that a corpus pass re-merges only around what changed.
CREATE TABLE corpus_reports (
    article_id       VARCHAR NOT NULL,
    event_id         VARCHAR NOT NULL,
    type             VARCHAR NOT NULL,
    mode             VARCHAR,
    quad             INTEGER,
    cameo            VARCHAR,
    score            DOUBLE,
    earliest         DATE NOT NULL,
    latest           DATE NOT NULL,
    article_date     DATE NOT NULL,
    outlet           VARCHAR NOT NULL,
    duplicate        BOOLEAN NOT NULL,
    evidence_text    VARCHAR,
    place_name       VARCHAR,
    place_feature    VARCHAR,
    place_country    VARCHAR,
    place_admin1     VARCHAR,
    place_lat        DOUBLE,
    place_lon        DOUBLE,
    place_geonameid  BIGINT,
    actors           VARCHAR[] NOT NULL,
    recipients       VARCHAR[] NOT NULL,
    actor_keys       VARCHAR[] NOT NULL,
    recipient_keys   VARCHAR[] NOT NULL,
    merged_id        VARCHAR
);

-- The derived tables are rebuilt by the first corpus pass after this migration (every article
-- is queued above); their old rows came from the full recompute of schema 2, and signatures
-- are hashed again with their bands.
DELETE FROM merged_event_reports;
DELETE FROM merged_events;
DELETE FROM article_duplicates;
DELETE FROM article_minhashes;
DELETE FROM actors;
