"""Scale: all cores of one machine (``pool``), the input list they share (``inputs``), a progress
display (``progress``), aggregations in SQL (``sql_positions``), Parquet datasets (``parquet``) and
Apache Spark (``spark``)."""
