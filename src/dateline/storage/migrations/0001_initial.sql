-- dateline store, schema version 1: the tables of design.md ("Storage, scale, serving").
--
-- Columns mirror the JSON contract (dateline.contract) with nested objects flattened:
-- a span {start, end, text} named X becomes X_start, X_end, X_text. A record's own span is
-- start_char, end_char, text ("end" is a reserved word in SQL). Offsets are character offsets
-- into articles.text. Every row keys on article_id; record ids (quote_id, event_id, claim_id)
-- are unique within their article, and records without an id (mentions, times, places) are
-- numbered by seq, their position in the extraction. Child tables carry no foreign keys or
-- primary keys: the store writes one article's rows in one transaction (storage.write), and
-- DuckDB's ART indexes would slow bulk inserts for no gain.

CREATE TABLE articles (
    article_id       VARCHAR PRIMARY KEY,
    date             DATE NOT NULL,
    title            VARCHAR NOT NULL,
    subtitle         VARCHAR,
    source           VARCHAR,
    url              VARCHAR,
    text             VARCHAR NOT NULL,
    content_hash     VARCHAR NOT NULL,   -- Article.content_hash: sha256 of date + text
    pipeline_version VARCHAR NOT NULL,   -- Pipeline.version: dateline, model and stage versions
    model            VARCHAR,
    stages           VARCHAR[],
    dateline_version VARCHAR NOT NULL,
    run_id           BIGINT,
    ingested_at      TIMESTAMP NOT NULL
);

-- How each article resolved an actor (contract "actors"); the registry below aggregates these.
CREATE TABLE article_actors (
    article_id  VARCHAR NOT NULL,
    actor_id    VARCHAR NOT NULL,
    name        VARCHAR,
    kind        VARCHAR,
    country     VARCHAR,
    sector      VARCHAR,
    source      VARCHAR,
    n_mentions  INTEGER,
    stage       VARCHAR
);

-- The actor registry across articles, keyed by actor id. Derived from article_actors after
-- every batch (storage.write.refresh_registry): the most frequent name/kind/country/sector,
-- first and last article date, number of articles and mentions.
CREATE TABLE actors (
    actor_id    VARCHAR PRIMARY KEY,
    name        VARCHAR,
    kind        VARCHAR,
    country     VARCHAR,
    sector      VARCHAR,
    first_seen  DATE,
    last_seen   DATE,
    n_articles  INTEGER,
    n_mentions  INTEGER
);

CREATE TABLE mentions (
    article_id      VARCHAR NOT NULL,
    seq             INTEGER NOT NULL,
    actor_id        VARCHAR NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    kind            VARCHAR,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    evidence_text   VARCHAR,
    stage           VARCHAR
);

CREATE TABLE times (
    article_id      VARCHAR NOT NULL,
    seq             INTEGER NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    type            VARCHAR,
    value           VARCHAR,
    earliest        DATE,
    latest          DATE,
    granularity     VARCHAR,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    evidence_text   VARCHAR,
    stage           VARCHAR
);

CREATE TABLE places (
    article_id      VARCHAR NOT NULL,
    seq             INTEGER NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    name            VARCHAR,
    feature         VARCHAR,
    country         VARCHAR,
    admin1          VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    geonameid       BIGINT,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    evidence_text   VARCHAR,
    stage           VARCHAR
);

CREATE TABLE quotes (
    article_id      VARCHAR NOT NULL,
    quote_id        VARCHAR NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    kind            VARCHAR,
    speaker_actor   VARCHAR,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    speaker_text    VARCHAR,
    cue_start       INTEGER,
    cue_end         INTEGER,
    cue_text        VARCHAR,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    evidence_text   VARCHAR,
    stage           VARCHAR
);

CREATE TABLE events (
    article_id       VARCHAR NOT NULL,
    event_id         VARCHAR NOT NULL,
    type             VARCHAR NOT NULL,
    mode             VARCHAR,
    context          VARCHAR[],
    quad             INTEGER,
    cameo            VARCHAR,
    score            DOUBLE,
    date_text        VARCHAR,
    date_start       INTEGER,
    date_end         INTEGER,
    date_value       VARCHAR,
    date_earliest    DATE,
    date_latest      DATE,
    date_source      VARCHAR,
    place_text       VARCHAR,
    place_start      INTEGER,
    place_end        INTEGER,
    place_name       VARCHAR,
    place_feature    VARCHAR,
    place_country    VARCHAR,
    place_admin1     VARCHAR,
    place_lat        DOUBLE,
    place_lon        DOUBLE,
    place_geonameid  BIGINT,
    place_precision  VARCHAR,
    factuality       VARCHAR,
    reporter         VARCHAR,            -- Actor.id of a quoted speaker; NULL = the outlet
    evidence_start   INTEGER NOT NULL,
    evidence_end     INTEGER NOT NULL,
    evidence_text    VARCHAR NOT NULL,
    trigger_start    INTEGER,
    trigger_end      INTEGER,
    trigger_text     VARCHAR,
    confidence       DOUBLE,
    stage            VARCHAR
);

-- Event.actors and Event.recipients, in order (seq); role is 'actor' or 'recipient'.
CREATE TABLE event_actors (
    article_id  VARCHAR NOT NULL,
    event_id    VARCHAR NOT NULL,
    actor_id    VARCHAR NOT NULL,
    role        VARCHAR NOT NULL CHECK (role IN ('actor', 'recipient')),
    seq         INTEGER NOT NULL
);

CREATE TABLE claims (
    article_id      VARCHAR NOT NULL,
    claim_id        VARCHAR NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    source_actor    VARCHAR,
    repeated_by     VARCHAR[],
    stance          VARCHAR,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    evidence_text   VARCHAR,
    stage           VARCHAR
);

-- One row per `dateline ingest`. Counters are updated in the same transaction as each batch,
-- so they always agree with the committed rows; status is running, completed, failed or
-- interrupted (a run left 'running' by a crash is marked interrupted by the next ingest).
CREATE SEQUENCE runs_id_seq;
CREATE TABLE runs (
    run_id            BIGINT PRIMARY KEY DEFAULT nextval('runs_id_seq'),
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP,
    status            VARCHAR NOT NULL,
    pipeline_version  VARCHAR NOT NULL,
    dateline_version  VARCHAR NOT NULL,
    workers           INTEGER,
    batch_size        INTEGER,
    sources           VARCHAR[],
    articles_read     BIGINT DEFAULT 0,
    articles_new      BIGINT DEFAULT 0,
    articles_replaced BIGINT DEFAULT 0,
    articles_skipped  BIGINT DEFAULT 0,
    articles_failed   BIGINT DEFAULT 0,
    error             VARCHAR
);

-- Inputs that gave no extraction, so a user can see why: articles the pipeline refused (no
-- text, not English: article_id set) and files the reader refused (empty, binary: source set).
CREATE TABLE failures (
    run_id      BIGINT,
    article_id  VARCHAR,
    title       VARCHAR,
    source      VARCHAR,
    error       VARCHAR NOT NULL,
    failed_at   TIMESTAMP NOT NULL
);
