"""``diaryrec research probe``: a recommender tried before the study with condition and
false-premise queries (RecBench+), its picks checked against the catalog.

- ``queries``: the query file format and the shipped set (``resources/probe/queries.json``);
- ``generate``: how the shipped set is made from the catalog data;
- ``conditions``: a suggestion against its condition, a reply's answer about the premise;
- ``run``: the queries through the participant's own turn machinery;
- ``report``: the rates, the HTML page and the JSON.
"""
