// Constraints and indexes, applied idempotently by `python -m graph schema` (and by the writer).
// Statements are separated by lines holding only ";". tests/test_model.py checks this file against graph/model.py.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE
;
CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (n:Unit) REQUIRE n.id IS UNIQUE
;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE
;
CREATE CONSTRAINT incident_id IF NOT EXISTS FOR (n:Incident) REQUIRE n.id IS UNIQUE
;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE
;
CREATE CONSTRAINT testimony_id IF NOT EXISTS FOR (n:Testimony) REQUIRE n.id IS UNIQUE
;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE
;
CREATE CONSTRAINT victim_id IF NOT EXISTS FOR (n:Victim) REQUIRE n.id IS UNIQUE
;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE
;
CREATE CONSTRAINT mergedecision_id IF NOT EXISTS FOR (n:MergeDecision) REQUIRE n.id IS UNIQUE
;
CREATE INDEX mergedecision_mention_a IF NOT EXISTS FOR (n:MergeDecision) ON (n.mention_a)
;
CREATE INDEX mergedecision_mention_b IF NOT EXISTS FOR (n:MergeDecision) ON (n.mention_b)
;
CREATE CONSTRAINT eventdecision_id IF NOT EXISTS FOR (n:EventDecision) REQUIRE n.id IS UNIQUE
;
CREATE INDEX eventdecision_incident_a IF NOT EXISTS FOR (n:EventDecision) ON (n.incident_a)
;
CREATE INDEX eventdecision_incident_b IF NOT EXISTS FOR (n:EventDecision) ON (n.incident_b)
;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE
;
CREATE INDEX event_date_min IF NOT EXISTS FOR (n:Event) ON (n.date_min)
;
CREATE CONSTRAINT mention_id IF NOT EXISTS FOR (n:Mention) REQUIRE n.id IS UNIQUE
;
CREATE INDEX mention_testimony_id IF NOT EXISTS FOR (n:Mention) ON (n.testimony_id)
;
CREATE INDEX testimony_text_id IF NOT EXISTS FOR (n:Testimony) ON (n.text_id)
;
CREATE INDEX testimony_account IF NOT EXISTS FOR (n:Testimony) ON (n.account)
;
CREATE INDEX mention_person_id IF NOT EXISTS FOR (n:Mention) ON (n.person_id)
;
CREATE CONSTRAINT mergeproposal_id IF NOT EXISTS FOR (n:MergeProposal) REQUIRE n.id IS UNIQUE
;
CREATE INDEX mergeproposal_person_a IF NOT EXISTS FOR (n:MergeProposal) ON (n.person_a)
;
CREATE INDEX mergeproposal_person_b IF NOT EXISTS FOR (n:MergeProposal) ON (n.person_b)
;
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)
;
CREATE INDEX person_surname IF NOT EXISTS FOR (n:Person) ON (n.surname)
;
CREATE INDEX unit_name IF NOT EXISTS FOR (n:Unit) ON (n.name)
;
CREATE INDEX post_role IF NOT EXISTS FOR (n:Post) ON (n.role)
;
CREATE INDEX incident_date_min IF NOT EXISTS FOR (n:Incident) ON (n.date_min)
;
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name)
;
CREATE INDEX claim_fact_id IF NOT EXISTS FOR (n:Claim) ON (n.fact_id)
;
CREATE INDEX claim_testimony_id IF NOT EXISTS FOR (n:Claim) ON (n.testimony_id)
;
CREATE INDEX claim_status IF NOT EXISTS FOR (n:Claim) ON (n.status)
;
CREATE INDEX subordinate_to_id IF NOT EXISTS FOR ()-[r:SUBORDINATE_TO]-() ON (r.id)
;
CREATE INDEX perpetrated_id IF NOT EXISTS FOR ()-[r:PERPETRATED]-() ON (r.id)
;
CREATE INDEX ordered_id IF NOT EXISTS FOR ()-[r:ORDERED]-() ON (r.id)
;
CREATE INDEX occurred_at_id IF NOT EXISTS FOR ()-[r:OCCURRED_AT]-() ON (r.id)
;
CREATE INDEX subjected_to_id IF NOT EXISTS FOR ()-[r:SUBJECTED_TO]-() ON (r.id)
;
CREATE INDEX held_id IF NOT EXISTS FOR ()-[r:HELD]-() ON (r.id)
;
CREATE INDEX in_id IF NOT EXISTS FOR ()-[r:IN]-() ON (r.id)
