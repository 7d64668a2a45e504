"""spaCy components of the extraction pipeline (each a small class plus its factory; each factory declares
what it requires and assigns).

Importing this package registers the factories, one module each (or a family of modules):

* entities: initials_tokens, sentence_breaks (and the span extensions, ``add_entities``)
* natasha_ner: natasha_ner (Russian and Belarusian persons, places, organisations)
* syntax: natasha_syntax (Russian and Belarusian dependency parse)
* english: tag_attributes, en_entity_mapper (the English model's tags and entities)
* gazetteer: unit_gazetteer, title_tagger (units, ranks and positions of ``units/ranks/positions.jsonl``)
* dates: date_tagger; places: place_rules; persons: person_rules; incidents: incident_tagger
* resolver: entity_resolver (keys and canonical names)
* relations (a package, one module per family): relation_rules
* episodes: episode_grouper

Helpers without a factory: agents (who did an act, from the parse), modality (denied, supposed acts).
"""
from nlp.components import (  # registration side effects
    entities, natasha_ner, syntax, english, gazetteer, dates, places, persons, incidents, resolver, relations,
    episodes,
)

__all__ = ["entities", "natasha_ner", "syntax", "english", "gazetteer", "dates", "places", "persons", "incidents",
           "resolver", "relations", "episodes"]
