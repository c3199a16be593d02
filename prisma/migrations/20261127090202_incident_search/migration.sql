-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Incident_searchVector_idx" ON "Incident" USING GIN ("searchVector");

-- Full-text search document of an incident, maintained by PostgreSQL so that every writer (the
-- app, the seed, scripts, psql) keeps it current and the app never writes it. Weights: title A,
-- summary and customer impact B, post-mortem section bodies C, timeline entries D (ts_rank
-- favours title hits). Text search configuration 'english' (stemming: "deploys" finds "deploy");
-- lib/incidents/search.ts queries with the same configuration.
CREATE FUNCTION incident_search_vector(incident_id uuid, title text, summary text, customer_impact text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A')
      || setweight(to_tsvector('english', coalesce(summary, '') || ' ' || coalesce(customer_impact, '')), 'B')
      || setweight(to_tsvector('english', coalesce((
           SELECT string_agg(s."body", ' ' ORDER BY s."position") FROM "PostmortemSection" s WHERE s."incidentId" = incident_id
         ), '')), 'C')
      || setweight(to_tsvector('english', coalesce((
           SELECT string_agg(e."body", ' ' ORDER BY e."occurredAt") FROM "TimelineEvent" e WHERE e."incidentId" = incident_id
         ), '')), 'D')
$$;

-- The incident's own text changed (or it is new): recompute before the row is written.
CREATE FUNCTION incident_search_on_incident() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := incident_search_vector(NEW."id", NEW."title", NEW."summary", NEW."customerImpact");
  RETURN NEW;
END
$$;

CREATE TRIGGER incident_search_on_incident
  BEFORE INSERT OR UPDATE OF "title", "summary", "customerImpact" ON "Incident"
  FOR EACH ROW EXECUTE FUNCTION incident_search_on_incident();

-- A section or timeline entry changed: recompute its incident (both incidents if it moved).
-- This UPDATE sets only "searchVector", so the trigger above does not fire again.
CREATE FUNCTION incident_search_on_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "Incident" i SET "searchVector" = incident_search_vector(i."id", i."title", i."summary", i."customerImpact")
     WHERE i."id" = OLD."incidentId";
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."incidentId" IS DISTINCT FROM OLD."incidentId") THEN
    UPDATE "Incident" i SET "searchVector" = incident_search_vector(i."id", i."title", i."summary", i."customerImpact")
     WHERE i."id" = NEW."incidentId";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER postmortem_section_search
  AFTER INSERT OR DELETE OR UPDATE OF "body", "incidentId" ON "PostmortemSection"
  FOR EACH ROW EXECUTE FUNCTION incident_search_on_child();

CREATE TRIGGER timeline_event_search
  AFTER INSERT OR DELETE OR UPDATE OF "body", "incidentId" ON "TimelineEvent"
  FOR EACH ROW EXECUTE FUNCTION incident_search_on_child();

-- Existing incidents.
UPDATE "Incident" i SET "searchVector" = incident_search_vector(i."id", i."title", i."summary", i."customerImpact");
