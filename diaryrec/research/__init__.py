"""The researcher's tools: the study file (``study_file``), the participant's export
bundle (``export``, read as one snapshot by ``snapshot``, scrubbed by ``scrub``), the
merge of many bundles into one database (``merge``, schema in ``merged``), the read
API for the report and the researcher window (``read``), the report (``report``,
charts in ``svg``), the readable conversation transcripts of the bundle and of the
REFI-QDA project (``transcripts``), the REFI-QDA export for qualitative coding
(``qda``) and a synthetic study for tests and benchmarks (``synthetic``).
The bundle's tables and their codebook are declared once in ``tables``."""
