"""spaCy components of the extraction pipeline (each a small class plus its factory).

Importing this package registers the factories: natasha_ner, tag_attributes, en_entity_mapper, unit_gazetteer,
title_tagger, date_tagger, person_rules, incident_tagger, entity_resolver, relation_rules, episode_grouper.
"""
from nlp.components import (  # noqa: F401  (registration side effects)
    entities, natasha_ner, syntax, english, gazetteer, rules, resolver, relations, episodes,
)
