"""Tables and grammar for the synthetic testimony corpus (``bench.synthetic_corpus``): invented
names with their Russian and Belarusian case forms and Latin spellings (``names``), the phrase pieces
testimonies are assembled from (``phrases``). Every person here is fictional."""
