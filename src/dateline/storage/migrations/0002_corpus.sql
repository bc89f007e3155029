-- dateline store, schema version 2: corpus-level tables (issue 7), derived from the per-article
-- rows of version 1, which stay untouched so that every report keeps its evidence.
-- All of them are rebuilt by `dateline merge` (and after every ingest): dateline.corpus.

-- MinHash signatures of article texts (dateline.corpus.dedup), kept so that a new ingest only
-- hashes the new articles. `content_hash` says which text the signature is of.
CREATE TABLE article_minhashes (
    article_id    VARCHAR PRIMARY KEY,
    content_hash  VARCHAR NOT NULL,
    signature     UBIGINT[] NOT NULL
);

-- Near-duplicate articles: `article_id` repeats `duplicate_of` (the earlier article, by date then
-- id) with estimated Jaccard similarity `similarity` of their word shingles. Reports from an
-- article listed here are not counted in merged events or aggregates.
CREATE TABLE article_duplicates (
    article_id    VARCHAR NOT NULL,
    duplicate_of  VARCHAR NOT NULL,
    similarity    DOUBLE NOT NULL,
    method        VARCHAR NOT NULL      -- e.g. minhash-lsh@1;k=5;perm=128;t=0.8
);

-- Reports of the same event across articles merged into one event (dateline.corpus.merge).
CREATE TABLE merged_events (
    merged_id        VARCHAR PRIMARY KEY,
    type             VARCHAR NOT NULL,
    mode             VARCHAR,
    quad             INTEGER,
    cameo            VARCHAR,
    score            DOUBLE,
    actors           VARCHAR[],
    recipients       VARCHAR[],
    date_earliest    DATE,
    date_latest      DATE,
    place_name       VARCHAR,
    place_feature    VARCHAR,
    place_country    VARCHAR,
    place_admin1     VARCHAR,
    place_lat        DOUBLE,
    place_lon        DOUBLE,
    place_geonameid  BIGINT,
    n_reports        INTEGER NOT NULL,  -- reports (events) in articles that are not duplicates
    n_articles       INTEGER NOT NULL,  -- distinct such articles
    n_sources        INTEGER NOT NULL,  -- distinct outlets of such articles
    first_report     DATE,              -- earliest and latest article date among the reports
    last_report      DATE,
    article_id       VARCHAR NOT NULL,  -- the first report, whose evidence stands for the event
    event_id         VARCHAR NOT NULL,
    evidence_text    VARCHAR,
    method           VARCHAR NOT NULL   -- merge rules version, e.g. merge@1;km=50;days=14
);

-- Which reports make up a merged event; `duplicate` marks a report from a near-duplicate article
-- (linked for its evidence, not counted).
CREATE TABLE merged_event_reports (
    merged_id   VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    event_id    VARCHAR NOT NULL,
    duplicate   BOOLEAN NOT NULL
);
